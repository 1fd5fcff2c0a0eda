import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from './casework-api';

interface Recipient {
  recipientName?: unknown;
  channels?: unknown;
}

/**
 * "Family told (the outcome): Pat Carter, in the app and by e-mail": the proof
 * that parents were informed, with who and how, as the law asks schools to show.
 */
export function FamilyNotifiedEntry({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation('casework');
  const notice = typeof entry.data.notice === 'string' ? entry.data.notice : 'other';
  const recipients = Array.isArray(entry.data.recipients)
    ? (entry.data.recipients as Recipient[])
    : [];
  const who = recipients
    .map((recipient) => {
      const name = typeof recipient.recipientName === 'string' ? recipient.recipientName : '';
      const channels = Array.isArray(recipient.channels) ? recipient.channels : [];
      return t(channels.includes('email') ? 'familyTold.byAppAndEmail' : 'familyTold.byApp', {
        name,
      });
    })
    .join('; ');
  return (
    <p>
      {t('familyTold.entry', {
        what: t([`familyTold.notice.${notice}`, 'familyTold.notice.other']),
        who,
      })}
    </p>
  );
}

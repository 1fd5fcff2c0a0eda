import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from './casework-api';

type PartyData = { role?: string; studentName?: string | null; name?: string | null } | undefined;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** A correction in words, with its reason. */
export function CorrectionEvent({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation('parties');
  const data = entry.data as {
    before?: PartyData;
    after?: PartyData;
    from?: string | null;
    to?: string;
    reason?: string;
  };
  const who = (party: PartyData) => party?.studentName ?? party?.name ?? t('unnamed');
  const described = (party: PartyData) =>
    t('event.party', {
      role: t(`casework:parties.role.${party?.role ?? 'witness'}`),
      name: who(party),
    });
  let what: string;
  switch (entry.type) {
    case 'party_added':
      what = t('event.added', { party: described(data.after) });
      break;
    case 'party_changed':
      what = t('event.changed', { before: described(data.before), after: described(data.after) });
      break;
    case 'party_removed':
      what = t('event.removed', { party: described(data.before) });
      break;
    default:
      what = t('event.severity', {
        from: t(`queue:severity.${text(data.from) || 'none'}`),
        to: t(`queue:severity.${text(data.to) || 'none'}`),
      });
  }
  return (
    <>
      <p>{what}</p>
      {text(data.reason) && (
        <p className="quoted pre-wrap">{t('event.reason', { reason: text(data.reason) })}</p>
      )}
    </>
  );
}

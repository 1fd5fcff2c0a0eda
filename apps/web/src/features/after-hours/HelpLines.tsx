import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../lib/api-client';
import './after-hours.css';

export type Help = Schemas['HelpView'];

/** "Monday, November 23, 2026 at 8:00 AM EST": the school's next opening, in the school's zone. */
function openingWords(iso: string, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}

const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

/**
 * Where to get help now, from a filing or status answer's `help`: when the
 * school will read the report (open now, or its next opening), the national
 * lines (911, 988, the Crisis Text Line) and the crisis contacts (the
 * school's, or its district's). The wording of 911 and 988 is the "Get help
 * now" panel's (common namespace), so both say the same.
 */
export function HelpLines({ help, headingLevel = 2 }: { help: Help; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation('after-hours');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { opens, closes, timeZone } = help.schoolHours;
  return (
    <section className="help-lines-section" aria-labelledby="after-hours-help">
      <Heading id="after-hours-help">{t('title')}</Heading>
      {help.openNow ? (
        <p>{t('openNow', { opens, closes })}</p>
      ) : (
        <p className="notice">
          {help.nextOpensAt
            ? t('closedUntil', { when: openingWords(help.nextOpensAt, i18n.language, timeZone) })
            : t('closed')}
        </p>
      )}
      <p>{t('dangerNow')}</p>
      <ul className="help-lines">
        {help.nationalLines.map((line) => (
          <li key={line.id}>
            {line.id === 'emergency' && (
              <>
                <a className="help-call" href={telHref(line.number)}>
                  {t('common:help.call911')}
                </a>
                <span>{t('common:help.911detail')}</span>
              </>
            )}
            {line.id === 'suicide_crisis_lifeline' && (
              <>
                <a className="help-call" href={telHref(line.number)}>
                  {t('common:help.call988')}
                </a>
                <span>{t('common:help.988detail')}</span>
                <a href={`sms:${line.number}`}>{t('common:help.text988')}</a>
              </>
            )}
            {line.id === 'crisis_text_line' && (
              <>
                <a className="help-call" href={`sms:${line.number}?body=${line.keyword ?? ''}`}>
                  {t('textLine', { keyword: line.keyword, number: line.number })}
                </a>
                <span>{t('textLineDetail')}</span>
              </>
            )}
          </li>
        ))}
      </ul>
      {help.crisisContacts.length > 0 && (
        <>
          <Heading className="help-contacts-heading">
            {help.crisisContactsFrom === 'district' ? t('districtContacts') : t('schoolContacts')}
          </Heading>
          <ul className="help-lines">
            {help.crisisContacts.map((contact) => (
              <li key={`${contact.name}-${contact.phone}`}>
                <a className="help-call" href={telHref(contact.phone)}>
                  {t('common:help.contactLine', { name: contact.name, phone: contact.phone })}
                </a>
                {contact.hours && <span>{contact.hours}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

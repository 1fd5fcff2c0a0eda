import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSafety } from './safety-context';

/** 911, the 988 Lifeline and the school's own crisis contacts, one tap away on every page. */
export function GetHelpPanel() {
  const { t } = useTranslation();
  const { helpOpen, closeHelp, contacts, schoolName } = useSafety();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (helpOpen && !element.open) element.showModal();
    if (!helpOpen && element.open) element.close();
  }, [helpOpen]);

  return (
    <dialog ref={dialog} className="help-panel" aria-labelledby="help-title" onClose={closeHelp}>
      <h2 id="help-title">{t('help.title')}</h2>
      <p className="help-lead">{t('help.lead')}</p>
      <ul className="help-lines">
        <li>
          <a className="help-call" href="tel:911">
            {t('help.call911')}
          </a>
          <span>{t('help.911detail')}</span>
        </li>
        <li>
          <a className="help-call" href="tel:988">
            {t('help.call988')}
          </a>
          <span>{t('help.988detail')}</span>
          <a href="sms:988">{t('help.text988')}</a>
        </li>
      </ul>
      {contacts.length > 0 && (
        <>
          <h3>
            {schoolName
              ? t('help.schoolContactsOf', { school: schoolName })
              : t('help.schoolContacts')}
          </h3>
          <ul className="help-lines">
            {contacts.map((contact) => (
              <li key={`${contact.name}-${contact.phone}`}>
                <a className="help-call" href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>
                  {t('help.contactLine', { name: contact.name, phone: contact.phone })}
                </a>
                {contact.hours && <span>{contact.hours}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>{t('help.trustedAdult')}</p>
      <button type="button" className="button secondary" onClick={closeHelp}>
        {t('help.close')}
      </button>
    </dialog>
  );
}

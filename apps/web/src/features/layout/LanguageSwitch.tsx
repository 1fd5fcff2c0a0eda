import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../lib/i18n';

/** For signed-out pages: the other language, named in that language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = LANGUAGES.find((language) => language !== i18n.language) ?? 'en';
  return (
    <button
      type="button"
      className="link-button"
      lang={other}
      onClick={() => void i18n.changeLanguage(other)}
    >
      {t(`language.switchTo.${other}`)}
    </button>
  );
}

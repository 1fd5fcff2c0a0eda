import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { leaveSite, watchDoubleEscape } from './quick-exit';
import { useSafety } from './safety-context';

/** "Get help now" and "Leave this site", on every page. */
export function SafetyBar() {
  const { t } = useTranslation();
  const { openHelp } = useSafety();
  useEffect(watchDoubleEscape, []);
  return (
    <div className="safety-bar">
      <button type="button" className="button help" onClick={openHelp}>
        {t('help.open')}
      </button>
      <button type="button" className="button leave" onClick={leaveSite}>
        {t('leave.button')}
      </button>
    </div>
  );
}

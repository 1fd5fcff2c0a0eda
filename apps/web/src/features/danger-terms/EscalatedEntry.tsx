import { useTranslation } from 'react-i18next';

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/**
 * A timeline `escalated` entry in words: why the case became critical (the
 * urgent tick, the kinds of danger found) and, when a message brought it,
 * whose message, and that the case was critical already when it was.
 */
export function EscalatedEntry({ data }: { data: Record<string, unknown> }) {
  const { t } = useTranslation('danger-terms');
  const reasons = list(data.reasons).map((reason) =>
    t(`timeline.reasons.${reason}`, { defaultValue: reason }),
  );
  const fromMessage = data.source === 'message';
  const author = typeof data.authorKind === 'string' ? data.authorKind : 'reporter';
  return (
    <>
      <p>{t(data.previousSeverity === 'critical' ? 'timeline.again' : 'timeline.escalated')}</p>
      {reasons.length > 0 && (
        <p className="escalation-why">{t('timeline.because', { reasons: reasons.join(', ') })}</p>
      )}
      {fromMessage && (
        <p className="escalation-why">
          {t(`timeline.inMessage.${author}`, { defaultValue: t('timeline.inMessage.reporter') })}
        </p>
      )}
    </>
  );
}

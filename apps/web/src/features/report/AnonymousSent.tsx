import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HelpLines } from '../after-hours/HelpLines';
import { Checkbox } from '../forms/Checkbox';
import { ErrorSummary, errorFor, type FieldError } from '../forms/ErrorSummary';
import { Page } from '../layout/Page';
import type { Answers } from './answers';
import type { FiledAnonymousReport } from './AnonymousReportPage';
import { NextSteps } from './NextSteps';
import type { UploadTarget } from './upload';
import { UploadList, UploadSummary } from './UploadList';
import { useUploads } from './useUploads';

interface Props {
  filed: FiledAnonymousReport;
  answers: Answers;
  schoolName: string;
  /** The reporter saved the code: it leaves the screen for good. */
  onDone: () => void;
}

/** A download link for a short text file, its object URL freed when the page goes. */
function useTextFile(text: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const made = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [text]);
  return url;
}

/**
 * After an anonymous report: the tracking code, shown this once, large and
 * readable, to copy or download; Done works once the reporter says they
 * saved it.
 */
export function AnonymousSent({ filed, answers, schoolName, onDone }: Props) {
  const { t } = useTranslation('report');
  const target = useMemo<UploadTarget>(
    () => ({ kind: 'anonymous', trackingCode: filed.trackingCode }),
    [filed.trackingCode],
  );
  const { uploads, retry, remove, busy } = useUploads(target, answers.files);
  const [copy, setCopy] = useState<'copied' | 'failed' | null>(null);
  const [saved, setSaved] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);

  const trackAddress = `${window.location.origin}/track`;
  const text = t('code.fileText', {
    code: filed.trackingCode,
    reference: filed.reference,
    school: schoolName,
    address: trackAddress,
  });
  const download = useTextFile(text);

  const copyCode = () => {
    setCopy(null);
    if (!navigator.clipboard) return setCopy('failed');
    navigator.clipboard.writeText(filed.trackingCode).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };

  const done = () => {
    const problems: FieldError[] = [];
    if (!saved) problems.push({ field: 'code-saved', message: t('code.savedMissing') });
    if (busy) problems.push({ message: t('code.filesBusy') });
    setErrors(problems);
    if (problems.length === 0) onDone();
  };

  return (
    <Page title={t('sent.title')}>
      <ErrorSummary errors={errors} />
      <div className="confirmation">
        <p>{t('sent.reference')}</p>
        <p className="reference">{filed.reference}</p>
      </div>
      {answers.urgent === 'yes' && <p className="notice warn">{t('sent.urgentAnonymous')}</p>}
      <section className="code-box" aria-labelledby="code-title">
        <h2 id="code-title">{t('code.title')}</h2>
        <p>{t('code.why')}</p>
        <p className="tracking-code" id="tracking-code" translate="no">
          {filed.trackingCode.split('-').map((group, index, groups) => (
            <span key={index} className="code-group">
              {group}
              {index < groups.length - 1 ? '-' : ''}
            </span>
          ))}
        </p>
        <p className="hint">{t('code.once')}</p>
        <div className="button-row">
          <button type="button" className="button primary" onClick={copyCode}>
            {t('code.copy')}
          </button>
          {download && (
            <a className="button" href={download} download={t('code.fileName')}>
              {t('code.download')}
            </a>
          )}
        </div>
        <p
          role="status"
          className={copy === 'failed' ? 'notice warn' : copy ? 'notice ok' : undefined}
        >
          {copy === 'copied' ? t('code.copied') : copy === 'failed' ? t('code.copyFailed') : ''}
        </p>
      </section>
      <NextSteps
        triageDueAt={filed.triageDueAt}
        resolveDueAt={filed.resolveDueAt}
        schoolTimeZone={filed.schoolTimeZone}
      />
      <p>{t('sent.anonymousNext', { address: trackAddress })}</p>
      <HelpLines help={filed.help} />
      {uploads.length > 0 && (
        <section aria-labelledby="sent-files">
          <h2 id="sent-files">{t('sent.files')}</h2>
          <UploadSummary uploads={uploads} />
          <UploadList uploads={uploads} onRetry={retry} onRemove={remove} />
        </section>
      )}
      <div className="stack">
        <Checkbox
          id="code-saved"
          label={t('code.saved')}
          checked={saved}
          onChange={(event) => setSaved(event.target.checked)}
          error={errorFor(errors, 'code-saved')}
        />
        <button type="button" className="button primary big" onClick={done}>
          {t('code.done')}
        </button>
      </div>
    </Page>
  );
}

import { useMemo, useState } from 'react';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { HelpLines } from '../after-hours/HelpLines';
import { ErrorSummary, type FieldError } from '../forms/ErrorSummary';
import { Page } from '../layout/Page';
import type { Answers } from './answers';
import { NextSteps } from './NextSteps';
import type { FiledReport } from './ReportPage';
import type { UploadTarget } from './upload';
import { UploadList, UploadSummary } from './UploadList';
import { useUploads } from './useUploads';

/**
 * After sending, signed in: the reference, what happens next and by when, and
 * the files on their way. The files go from this page, so its links wait
 * until they have gone (or failed) and say why instead of leaving.
 */
export function ReportSent({ filed, answers }: { filed: FiledReport; answers: Answers }) {
  const { t } = useTranslation('report');
  const target = useMemo<UploadTarget>(
    () => ({ kind: 'incident', incidentId: filed.id }),
    [filed.id],
  );
  const { uploads, retry, remove, busy } = useUploads(target, answers.files);
  /** How many times a link was held back; each time the summary is shown and announced again. */
  const [held, setHeld] = useState(0);
  const errors = useMemo<FieldError[]>(
    () => (held > 0 && busy ? [{ message: t('sent.filesBusy') }] : []),
    [held, busy, t],
  );
  const holdWhileBusy = (event: MouseEvent) => {
    if (!busy) return;
    event.preventDefault();
    setHeld((count) => count + 1);
  };
  return (
    <Page title={t('sent.title')}>
      <ErrorSummary errors={errors} />
      <div className="confirmation">
        <p>{t('sent.reference')}</p>
        <p className="reference">{filed.reference}</p>
      </div>
      {answers.urgent === 'yes' && <p className="notice warn">{t('sent.urgent')}</p>}
      <NextSteps
        triageDueAt={filed.triageDueAt}
        resolveDueAt={filed.resolveDueAt}
        schoolTimeZone={filed.schoolTimeZone}
      />
      <p>{t('sent.notices')}</p>
      <HelpLines help={filed.help} />
      {uploads.length > 0 && (
        <section aria-labelledby="sent-files">
          <h2 id="sent-files">{t('sent.files')}</h2>
          <UploadSummary uploads={uploads} />
          <UploadList uploads={uploads} onRetry={retry} onRemove={remove} />
        </section>
      )}
      <div className="button-row">
        <Link
          href={`/cases/${encodeURIComponent(filed.id)}`}
          className="button primary"
          onClick={holdWhileBusy}
        >
          {t('sent.seeReport')}
        </Link>
        <Link href="/" className="button" onClick={holdWhileBusy}>
          {t('common:notFound.home')}
        </Link>
      </div>
    </Page>
  );
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Page } from '../layout/Page';
import type { Answers } from './answers';
import { NextSteps } from './NextSteps';
import type { FiledReport } from './ReportPage';
import type { UploadTarget } from './upload';
import { UploadList, UploadSummary } from './UploadList';
import { useUploads } from './useUploads';

/** After sending, signed in: the reference, what happens next and by when, and the files on their way. */
export function ReportSent({ filed, answers }: { filed: FiledReport; answers: Answers }) {
  const { t } = useTranslation('report');
  const target = useMemo<UploadTarget>(
    () => ({ kind: 'incident', incidentId: filed.id }),
    [filed.id],
  );
  const { uploads, retry, remove } = useUploads(target, answers.files);
  return (
    <Page title={t('sent.title')}>
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
      {uploads.length > 0 && (
        <section aria-labelledby="sent-files">
          <h2 id="sent-files">{t('sent.files')}</h2>
          <UploadSummary uploads={uploads} />
          <UploadList uploads={uploads} onRetry={retry} onRemove={remove} />
        </section>
      )}
      <div className="button-row">
        <Link href={`/cases/${encodeURIComponent(filed.id)}`} className="button primary">
          {t('sent.seeReport')}
        </Link>
        <Link href="/" className="button">
          {t('common:notFound.home')}
        </Link>
      </div>
    </Page>
  );
}

import { useTranslation } from 'react-i18next';
import { fileSize } from './files';
import type { Upload } from './useUploads';

interface Props {
  uploads: Upload[];
  onRetry: (key: string) => void;
  onRemove: (key: string) => void;
}

/** Each file with its progress bar, what became of it in words, and Try again or Remove. */
export function UploadList({ uploads, onRetry, onRemove }: Props) {
  const { t, i18n } = useTranslation('report');
  if (uploads.length === 0) return null;
  return (
    <ul className="file-list">
      {uploads.map((upload) => {
        const percent = Math.round(upload.progress * 100);
        const labelId = `${upload.key}-name`;
        return (
          <li key={upload.key} className={`file-item ${upload.state}`}>
            <span className="file-name" id={labelId}>
              {upload.file.name}
            </span>
            <span className="file-size">{fileSize(upload.file.size, i18n.language)}</span>
            <progress
              max={100}
              value={upload.state === 'waiting' ? 0 : percent}
              aria-labelledby={labelId}
              aria-valuetext={t(`upload.state.${upload.state}`, { percent })}
            />
            <span className="file-state">
              {upload.state === 'failed' && upload.problem
                ? t(`upload.problem.${upload.problem}`)
                : t(`upload.state.${upload.state}`, { percent })}
            </span>
            {upload.state !== 'sent' && (
              <span className="file-actions">
                {upload.state === 'failed' && (
                  <button
                    type="button"
                    className="button secondary"
                    onClick={() => onRetry(upload.key)}
                  >
                    {t('upload.retry')}
                    <span className="visually-hidden"> {upload.file.name}</span>
                  </button>
                )}
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => onRemove(upload.key)}
                >
                  {t('upload.remove')}
                  <span className="visually-hidden"> {upload.file.name}</span>
                </button>
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** One live line that says how the files are doing, for screen readers. */
export function UploadSummary({ uploads }: { uploads: Upload[] }) {
  const { t } = useTranslation('report');
  const sent = uploads.filter((upload) => upload.state === 'sent').length;
  const failed = uploads.filter((upload) => upload.state === 'failed').length;
  const busy = uploads.some((upload) => upload.state === 'waiting' || upload.state === 'sending');
  let text = '';
  if (uploads.length > 0 && busy) text = t('upload.summary.sending', { count: uploads.length });
  else if (failed > 0) text = t('upload.summary.failed', { count: failed });
  else if (uploads.length > 0) text = t('upload.summary.sent', { count: sent });
  return (
    <p role="status" className="upload-summary">
      {text}
    </p>
  );
}

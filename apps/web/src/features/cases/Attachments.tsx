import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadAttachment, type Attachment } from './case-api';

function useSize() {
  const { t, i18n } = useTranslation('cases');
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (bytes: number) =>
    bytes < 1024 * 1024
      ? t('files.kb', { size: number.format(Math.max(1, Math.round(bytes / 1024))) })
      : t('files.mb', { size: number.format(bytes / (1024 * 1024)) });
}

/** The files the caller may download: those they added themselves. */
export function Attachments({ files }: { files: Attachment[] }) {
  const { t } = useTranslation('cases');
  const size = useSize();
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  const download = async (file: Attachment) => {
    setBusy(file.id);
    setFailed(null);
    const ok = await downloadAttachment(file);
    setBusy(null);
    if (!ok) setFailed(file.fileName);
  };

  if (files.length === 0) return null;
  return (
    <section aria-labelledby="files-title" className="panel">
      <h2 id="files-title">{t('files.title')}</h2>
      <ul className="files">
        {files.map((file) => (
          <li key={file.id}>
            <button
              type="button"
              className="link-button"
              onClick={() => void download(file)}
              disabled={busy === file.id}
            >
              {t('files.download', { name: file.fileName })}
            </button>{' '}
            <span className="hint">{size(file.size)}</span>
          </li>
        ))}
      </ul>
      <p role="status" className="status-line">
        {busy ? t('files.downloading') : failed ? t('files.failed', { name: failed }) : ''}
      </p>
    </section>
  );
}

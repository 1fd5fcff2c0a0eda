import { useTranslation } from 'react-i18next';
import { fileSize } from '../report/files';
import type { Attachment } from './case-api';
import { useDownload } from './useDownload';

/** The files the caller may download: those they added themselves. */
export function Attachments({ files }: { files: Attachment[] }) {
  const { t, i18n } = useTranslation('cases');
  const { busy, failed, download } = useDownload();

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
            <span className="hint">{fileSize(file.size, i18n.language)}</span>
          </li>
        ))}
      </ul>
      <p role="status" className="status-line">
        {busy ? t('files.downloading') : failed ? t('files.failed', { name: failed }) : ''}
      </p>
    </section>
  );
}

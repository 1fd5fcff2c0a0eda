import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../cases/case-api';
import { useDownload } from '../cases/useDownload';
import { fileSize, PREVIEWED_TYPES } from '../report/files';
import { attachmentUrl } from './casework-api';

/** A picture fetched with the caller's token (files need it), shown from a blob: URL. */
function Picture({ file }: { file: Attachment }) {
  const { t } = useTranslation('casework');
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    void attachmentUrl(file.id).then((result) => {
      made = result;
      if (live) setUrl(result);
      else if (result) URL.revokeObjectURL(result);
    });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [file.id]);
  if (url === undefined) return <p className="loading">{t('evidence.loading')}</p>;
  if (url === null)
    return <p className="notice warn">{t('evidence.failed', { name: file.fileName })}</p>;
  return (
    <img
      src={url}
      alt={t('evidence.picture', { name: file.fileName })}
      className="evidence-image"
    />
  );
}

/** The case's files: pictures shown on the page, every file downloadable. */
export function Evidence({ files }: { files: Attachment[] }) {
  const { t, i18n } = useTranslation('casework');
  const { busy, failed, download } = useDownload();

  return (
    <section aria-labelledby="evidence-title" className="panel">
      <h2 id="evidence-title">{t('evidence.title')}</h2>
      {files.length === 0 ? (
        <p>{t('evidence.none')}</p>
      ) : (
        <ul className="evidence-list">
          {files.map((file) => (
            <li key={file.id}>
              {PREVIEWED_TYPES.includes(file.contentType) && <Picture file={file} />}
              <p>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void download(file)}
                  disabled={busy === file.id}
                >
                  {t('evidence.download', { name: file.fileName })}
                </button>{' '}
                <span className="hint">{fileSize(file.size, i18n.language)}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="status-line">
        {busy ? t('evidence.downloading') : failed ? t('evidence.failed', { name: failed }) : ''}
      </p>
    </section>
  );
}

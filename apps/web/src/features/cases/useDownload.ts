import { useCallback, useState } from 'react';
import { downloadAttachment, type Attachment } from './case-api';

/**
 * Downloading one of a case's files (with the caller's token): which file is
 * on its way (its id, to disable its button) and the name of the last one
 * that failed, for the page's status line.
 */
export function useDownload() {
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const download = useCallback(async (file: Attachment) => {
    setBusy(file.id);
    setFailed(null);
    const ok = await downloadAttachment(file);
    setBusy(null);
    if (!ok) setFailed(file.fileName);
  }, []);
  return { busy, failed, download };
}

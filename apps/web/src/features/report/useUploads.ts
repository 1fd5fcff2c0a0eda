import { useCallback, useEffect, useRef, useState } from 'react';
import { newKey, type ChosenFile } from './answers';
import { uploadFile, type UploadTarget } from './upload';

export type UploadProblem = 'offline' | 'slow' | 'tooBig' | 'type' | 'notFound' | 'failed';

export interface Upload {
  key: string;
  file: File;
  state: 'waiting' | 'sending' | 'sent' | 'failed';
  /** 0 to 1 */
  progress: number;
  problem?: UploadProblem;
}

function problemOf(status: number): UploadProblem {
  if (status === 0) return 'offline';
  if (status === 413) return 'tooBig';
  if (status === 415) return 'type';
  if (status === 404) return 'notFound';
  return 'failed';
}

/**
 * Sends files one after the other once there is somewhere to send them (the
 * report exists), each with its progress. A file that failed can be tried
 * again or removed; files that failed for want of a network go again when the
 * device is back online.
 */
export function useUploads(target: UploadTarget | null, initial: ChosenFile[] = []) {
  const [uploads, setUploads] = useState<Upload[]>(() =>
    initial.map(({ key, file }) => ({ key, file, state: 'waiting', progress: 0 })),
  );
  const running = useRef<{ key: string; controller: AbortController } | null>(null);

  const update = useCallback((key: string, change: Partial<Upload>) => {
    setUploads((current) =>
      current.map((upload) => (upload.key === key ? { ...upload, ...change } : upload)),
    );
  }, []);

  useEffect(() => {
    if (!target || running.current) return;
    const next = uploads.find((upload) => upload.state === 'waiting');
    if (!next) return;
    const controller = new AbortController();
    const mine = { key: next.key, controller };
    running.current = mine;
    update(next.key, { state: 'sending', progress: 0, problem: undefined });
    void uploadFile(
      target,
      next.file,
      (progress) => update(next.key, { progress }),
      controller.signal,
    ).then((answer) => {
      if (running.current !== mine) return;
      running.current = null;
      if (answer === 'aborted') return;
      if (answer === 'timeout') update(next.key, { state: 'failed', problem: 'slow' });
      else if (answer.status >= 200 && answer.status < 300)
        update(next.key, { state: 'sent', progress: 1 });
      else update(next.key, { state: 'failed', problem: problemOf(answer.status) });
    });
  }, [target, uploads, update]);

  useEffect(
    () => () => {
      running.current?.controller.abort();
      running.current = null;
    },
    [],
  );

  useEffect(() => {
    const retryOffline = () =>
      setUploads((current) =>
        current.map((upload) =>
          upload.state === 'failed' && upload.problem === 'offline'
            ? { ...upload, state: 'waiting', problem: undefined }
            : upload,
        ),
      );
    window.addEventListener('online', retryOffline);
    return () => window.removeEventListener('online', retryOffline);
  }, []);

  const add = useCallback((files: File[]) => {
    setUploads((current) => [
      ...current,
      ...files.map((file) => ({
        key: newKey('file'),
        file,
        state: 'waiting' as const,
        progress: 0,
      })),
    ]);
  }, []);

  const retry = useCallback(
    (key: string) => update(key, { state: 'waiting', progress: 0, problem: undefined }),
    [update],
  );

  const remove = useCallback((key: string) => {
    if (running.current?.key === key) {
      running.current.controller.abort();
      running.current = null;
    }
    setUploads((current) => current.filter((upload) => upload.key !== key));
  }, []);

  const busy = uploads.some((upload) => upload.state === 'waiting' || upload.state === 'sending');
  return { uploads, add, retry, remove, busy };
}

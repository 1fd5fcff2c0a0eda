import { currentAccessToken } from '../../lib/access-token';
import { renewSession } from '../../lib/auth';

/** Where a file goes: a signed-in user's incident, or an anonymous report by its tracking code. */
export type UploadTarget =
  { kind: 'incident'; incidentId: string } | { kind: 'anonymous'; trackingCode: string };

/** The server's status (0: the network failed) and its JSON answer. */
export interface UploadAnswer {
  status: number;
  body: unknown;
}

/**
 * How long one file may take. A stalled upload (a phone between networks)
 * would otherwise hold up every file behind it; 10 MB at a slow 1 Mbit/s
 * takes about 90 seconds.
 */
export const UPLOAD_TIMEOUT_MS = 120_000;

/** What became of one upload: the server's answer, too slow, or stopped on purpose. */
export type UploadOutcome = UploadAnswer | 'timeout' | 'aborted';

function post(
  url: string,
  form: FormData,
  token: string | null,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve('aborted');
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.timeout = UPLOAD_TIMEOUT_MS;
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = null;
      }
      resolve({ status: request.status, body });
    };
    request.onerror = () => resolve({ status: 0, body: null });
    request.ontimeout = () => resolve('timeout');
    request.onabort = () => resolve('aborted');
    signal.addEventListener('abort', () => request.abort(), { once: true });
    request.send(form);
  });
}

/**
 * Sends one file with XMLHttpRequest (fetch cannot report upload progress).
 * Anonymous uploads send the tracking code before the file, as the server
 * reads fields in order. A signed-in upload whose access token ran out renews
 * the session and tries once more.
 */
export async function uploadFile(
  target: UploadTarget,
  file: File,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<UploadOutcome> {
  const form = new FormData();
  if (target.kind === 'anonymous') {
    form.append('trackingCode', target.trackingCode);
    form.append('file', file, file.name);
    return post('/api/v1/public/reports/attachments', form, null, onProgress, signal);
  }
  form.append('file', file, file.name);
  const url = `/api/v1/incidents/${encodeURIComponent(target.incidentId)}/attachments`;
  const answer = await post(url, form, currentAccessToken(), onProgress, signal);
  if (typeof answer === 'string' || answer.status !== 401) return answer;
  if (!(await renewSession())) return answer;
  return post(url, form, currentAccessToken(), onProgress, signal);
}

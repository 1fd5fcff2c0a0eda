import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessages } from '../../lib/api-client';

/** What the server said: the answer, or its status and messages. */
export type SendResult<T> =
  { ok: true; data: T } | { ok: false; status: number; messages: string[] };

export type SendState =
  | { phase: 'idle' }
  | { phase: 'sending' }
  /**
   * The server could not be reached (`offline`) or did not answer in time
   * (`slow`): the same submission goes again by itself, or with Try again.
   */
  | { phase: 'offline'; reason: 'offline' | 'slow' }
  /** `retryable`: the same submission may go again; `status` says what the server refused. */
  | { phase: 'failed'; status: number; retryable: boolean; messages: string[] };

/** An openapi-fetch answer as a SendResult. */
export function resultOf<T>(answer: {
  data?: T;
  error?: unknown;
  response: Response;
}): SendResult<T> {
  if (answer.response.ok && answer.data !== undefined) return { ok: true, data: answer.data };
  return { ok: false, status: answer.response.status, messages: errorMessages(answer.error) };
}

/** A random Idempotency-Key; crypto.randomUUID where the page is a secure context. */
export function idempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const RETRY_WHILE_ONLINE_MS = 15_000;
/** A phone on a poor network may hang for minutes: after this long the attempt counts as offline. */
export const SEND_TIMEOUT_MS = 20_000;

/** The server checked the body and refused it: nothing was filed, and new answers need a new key. */
export function isValidationAnswer(status: number): boolean {
  return status === 400 || status === 422;
}

function isRetryable(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/**
 * Sends one submission at most once. Pressing Send makes an Idempotency-Key
 * and freezes the answers and the body built from them; every retry (the Try
 * again button, the browser coming back online, a timer when the server could
 * not be reached or was too slow) sends that same key and body, so the server
 * files it once whatever happened to the attempts before. The key lasts until
 * the report is filed, or until the server refused the body as invalid (a 400
 * or 422, so nothing was filed) and the answers then change: the new body
 * needs a new key, as the server refuses another body with a used key.
 * Any other refusal (a 401, a 409) keeps the key and the answers, as an
 * earlier attempt that seemed lost may have filed the report already.
 */
export function useSendOnce<S, B, T>(
  answers: S,
  build: (answers: S) => B,
  send: (body: B, key: string, signal: AbortSignal) => Promise<SendResult<T>>,
  onSent: (data: T, answers: S) => void,
) {
  const submission = useRef<{ key: string; answers: S; body: B } | null>(null);
  const inFlight = useRef(false);
  /** The server's last answer refused the body as invalid: changed answers may go with a new key. */
  const refusedAsInvalid = useRef(false);
  const [state, setState] = useState<SendState>({ phase: 'idle' });

  const attempt = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    if (refusedAsInvalid.current && submission.current?.answers !== answers)
      submission.current = null;
    refusedAsInvalid.current = false;
    submission.current ??= { key: idempotencyKey(), answers, body: build(answers) };
    const current = submission.current;
    setState({ phase: 'sending' });
    try {
      if (!navigator.onLine) throw new Error('offline');
      const result = await send(current.body, current.key, AbortSignal.timeout(SEND_TIMEOUT_MS));
      if (result.ok) {
        submission.current = null;
        setState({ phase: 'idle' });
        onSent(result.data, current.answers);
        return;
      }
      refusedAsInvalid.current = isValidationAnswer(result.status);
      setState({
        phase: 'failed',
        status: result.status,
        retryable: isRetryable(result.status),
        messages: result.messages,
      });
    } catch (error) {
      const slow = error instanceof DOMException && error.name === 'TimeoutError';
      setState({ phase: 'offline', reason: slow ? 'slow' : 'offline' });
    } finally {
      inFlight.current = false;
    }
  }, [answers, build, send, onSent]);

  const offline = state.phase === 'offline';
  useEffect(() => {
    if (!offline) return;
    const retry = () => void attempt();
    window.addEventListener('online', retry);
    const timer = window.setInterval(() => {
      if (navigator.onLine) retry();
    }, RETRY_WHILE_ONLINE_MS);
    return () => {
      window.removeEventListener('online', retry);
      window.clearInterval(timer);
    };
  }, [offline, attempt]);

  /**
   * The answers are promised to the server: they must not change until it
   * files them or refuses them as invalid.
   */
  const locked =
    state.phase === 'sending' ||
    state.phase === 'offline' ||
    (state.phase === 'failed' && !isValidationAnswer(state.status));

  return { state, attempt, locked };
}

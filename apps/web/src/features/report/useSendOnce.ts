import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessages } from '../../lib/api-client';

/** What the server said: the answer, or its status and messages. */
export type SendResult<T> =
  { ok: true; data: T } | { ok: false; status: number; messages: string[] };

export type SendState =
  | { phase: 'idle' }
  | { phase: 'sending' }
  /** The network failed: the same submission goes again when the device is back online. */
  | { phase: 'offline' }
  /** `retryable`: the same submission may go again; otherwise nothing was recorded. */
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

/**
 * Sends one submission at most once. Pressing Send makes an Idempotency-Key
 * and freezes the body; every retry (the Try again button, the browser coming
 * back online, a timer when the server could not be reached) sends that same
 * key and body, so the server files it once whatever happens to the answers.
 * Only a refusal that recorded nothing (a 4xx) lets the next Send start afresh.
 */
export function useSendOnce<B, T>(
  build: () => B,
  send: (body: B, key: string) => Promise<SendResult<T>>,
  onSent: (data: T, body: B) => void,
) {
  const submission = useRef<{ key: string; body: B } | null>(null);
  const inFlight = useRef(false);
  const [state, setState] = useState<SendState>({ phase: 'idle' });

  const attempt = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    submission.current ??= { key: idempotencyKey(), body: build() };
    const { key, body } = submission.current;
    setState({ phase: 'sending' });
    try {
      if (!navigator.onLine) throw new Error('offline');
      const result = await send(body, key);
      if (result.ok) {
        setState({ phase: 'idle' });
        onSent(result.data, body);
        return;
      }
      const retryable = result.status >= 500 || result.status === 408 || result.status === 429;
      if (!retryable) submission.current = null;
      setState({ phase: 'failed', status: result.status, retryable, messages: result.messages });
    } catch {
      setState({ phase: 'offline' });
    } finally {
      inFlight.current = false;
    }
  }, [build, send, onSent]);

  useEffect(() => {
    if (state.phase !== 'offline') return;
    const retry = () => void attempt();
    window.addEventListener('online', retry);
    const timer = window.setInterval(() => {
      if (navigator.onLine) retry();
    }, RETRY_WHILE_ONLINE_MS);
    return () => {
      window.removeEventListener('online', retry);
      window.clearInterval(timer);
    };
  }, [state.phase, attempt]);

  /** The answers are promised to the server: they must not change until it answers. */
  const locked =
    state.phase === 'sending' ||
    state.phase === 'offline' ||
    (state.phase === 'failed' && state.retryable);

  return { state, attempt, locked };
}

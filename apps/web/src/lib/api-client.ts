import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../api/schema';
import { currentAccessToken } from './access-token';

type Refresher = () => Promise<boolean>;
let refreshSession: Refresher = () => Promise.resolve(false);

/** The auth module tells the client how to renew an expired access token. */
export function onExpiredAccessToken(refresher: Refresher): void {
  refreshSession = refresher;
}

const retryableCopies = new Map<string, Request>();

const isPublic = (url: string) => new URL(url).pathname.startsWith('/api/v1/public/');

/**
 * Bearer token on every call; when the server answers 401 (the short-lived
 * access token ran out), renew it from the refresh cookie once and repeat the
 * call, so a parent who left the page open never sees an error for it.
 */
const bearerAuth: Middleware = {
  onRequest({ request, id }) {
    // Anonymous reporting stays anonymous, even from a signed-in browser.
    if (isPublic(request.url)) return request;
    const token = currentAccessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    if (!request.url.includes('/api/v1/auth/')) retryableCopies.set(id, request.clone());
    return request;
  },
  async onResponse({ response, id }) {
    const copy = retryableCopies.get(id);
    retryableCopies.delete(id);
    if (response.status !== 401 || !copy || !(await refreshSession())) return response;
    const token = currentAccessToken();
    if (token) copy.headers.set('Authorization', `Bearer ${token}`);
    return fetch(copy);
  },
  onError({ id }) {
    retryableCopies.delete(id);
  },
};

/** The one API client: paths, bodies and answers typed from the served OpenAPI. */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(bearerAuth);

export type Schemas = import('../api/schema').components['schemas'];

/** The server's error body: `{ statusCode, error, message }`, message a string or a list. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
}

export function errorMessages(error: unknown): string[] {
  const message = (error as Partial<ApiErrorBody> | undefined)?.message;
  if (Array.isArray(message)) return message;
  return message ? [message] : [];
}

/**
 * Answers that mean "no such record for you": a malformed id (400), or a
 * record out of the caller's reach (403/404). Pages say "Page not found".
 */
export const MISSING_STATUSES: readonly number[] = [400, 403, 404];

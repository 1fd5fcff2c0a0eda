/**
 * The access token lives in this module's memory only: never in localStorage or
 * sessionStorage, so closing the tab forgets it. The refresh token is an
 * HttpOnly cookie the page cannot read at all.
 */
let accessToken: string | null = null;

export function currentAccessToken(): string | null {
  return accessToken;
}

export function rememberAccessToken(token: string | null): void {
  accessToken = token;
}

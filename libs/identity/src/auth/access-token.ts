import type { Role } from '../roles';

/** Access tokens are HS256-signed JWTs; verification accepts nothing else. */
export const ACCESS_TOKEN_ALGORITHM = 'HS256';
export const ACCESS_TOKEN_ISSUER = 'safe-schools';
export const ACCESS_TOKEN_AUDIENCE = 'safe-schools-api';

/** What the API signs into an access token; `iat` and `exp` are added in whole seconds. */
export interface AccessTokenPayload {
  sub: string;
  role: Role;
  /** The issue instant in milliseconds, from the app's clock: `iat` is too coarse to compare with a sign-out. */
  iat_ms: number;
}

/** The claims of a verified access token. */
export type AccessTokenClaims = AccessTokenPayload & { iat: number; exp: number };

/**
 * The millisecond issue instant of a verified token, or undefined when a claim
 * the API always sets is missing or inconsistent (no `exp`: a token forever).
 */
export function issuedAtMs(claims: Partial<AccessTokenClaims>): number | undefined {
  const { iat, exp, iat_ms: ms } = claims;
  if (typeof exp !== 'number' || typeof iat !== 'number' || !Number.isFinite(exp)) return undefined;
  if (ms === undefined) return iat * 1000;
  return typeof ms === 'number' && Math.floor(ms / 1000) === iat ? ms : undefined;
}

/** Access tokens are HS256-signed JWTs; verification accepts nothing else. */
export const ACCESS_TOKEN_ALGORITHM = 'HS256';
export const ACCESS_TOKEN_ISSUER = 'safe-schools';
export const ACCESS_TOKEN_AUDIENCE = 'safe-schools-api';

import { NotAuthenticatedError, TooManyAttemptsError } from '@app/common';

/** One answer for an unknown user, a wrong password and a disabled account. */
export class InvalidCredentialsError extends NotAuthenticatedError {
  constructor() {
    super('Invalid username or password');
  }
}

export class InvalidRefreshTokenError extends NotAuthenticatedError {
  constructor() {
    super('Refresh token is invalid, expired or revoked: sign in again');
  }
}

/** Sign-in slowed down; the API sends the wait as a Retry-After header. */
export class TooManySignInAttemptsError extends TooManyAttemptsError {
  constructor(retryAfterSeconds: number) {
    super(
      `Too many failed sign-in attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
      retryAfterSeconds,
    );
  }
}

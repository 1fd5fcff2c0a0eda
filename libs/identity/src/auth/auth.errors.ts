import { HttpException, HttpStatus, UnauthorizedException } from '@nestjs/common';

/** One answer for an unknown user, a wrong password and a disabled account. */
export class InvalidCredentialsException extends UnauthorizedException {
  constructor() {
    super('Invalid username or password');
  }
}

export class InvalidRefreshTokenException extends UnauthorizedException {
  constructor() {
    super('Refresh token is invalid, expired or revoked: sign in again');
  }
}

/** 429 with the number of seconds to wait, sent as a Retry-After header. */
export class TooManyAttemptsException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        error: 'Too Many Requests',
        message: `Too many failed sign-in attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

import type { ArgumentsHost } from '@nestjs/common';
import {
  ConflictError,
  InvalidInputError,
  NotAllowedError,
  NotAuthenticatedError,
  NotFoundError,
  RuleViolationError,
  TooLargeError,
  TooManyAttemptsError,
  UnsupportedTypeError,
  type DomainError,
} from '@app/common';
import { AllExceptionsFilter } from './exception.filter';

/** What the filter sent: status, headers and body. */
function answer(exception: unknown) {
  const sent = { status: 0, headers: {} as Record<string, string>, body: undefined as unknown };
  const reply = {
    status: (code: number) => ((sent.status = code), reply),
    header: (name: string, value: string) => ((sent.headers[name] = value), reply),
    send: (body: unknown) => ((sent.body = body), reply),
  };
  const host = { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost;
  new AllExceptionsFilter().catch(exception, host);
  return sent;
}

describe('AllExceptionsFilter and the libraries’ errors', () => {
  it.each<[DomainError, number, string]>([
    [new InvalidInputError(['email contains an invalid character']), 400, 'Bad Request'],
    [new NotAuthenticatedError('Invalid username or password'), 401, 'Unauthorized'],
    [new NotAllowedError('A student may not create counselor accounts'), 403, 'Forbidden'],
    [new NotFoundError('Incident 1 not found'), 404, 'Not Found'],
    [new ConflictError('The incident changed meanwhile'), 409, 'Conflict'],
    [new TooLargeError('Files may be at most 10 MB'), 413, 'Payload Too Large'],
    [new UnsupportedTypeError('Only images, PDF and text'), 415, 'Unsupported Media Type'],
    [new RuleViolationError('A reason is needed'), 422, 'Unprocessable Entity'],
  ])('answers %p with %i %s and its message as it is', (error, status, name) => {
    expect(answer(error)).toEqual({
      status,
      headers: {},
      body: { statusCode: status, error: name, message: error.detail },
    });
  });

  it('sends the wait of a slowed-down request as Retry-After', () => {
    const sent = answer(new TooManyAttemptsError('Try again in 1 minute(s).', 42));
    expect(sent.status).toBe(429);
    expect(sent.headers).toEqual({ 'Retry-After': '42' });
  });

  it('answers anything unknown with a bare 500', () => {
    const sent = answer(new Error('database exploded'));
    expect(sent.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal server error',
    });
  });
});

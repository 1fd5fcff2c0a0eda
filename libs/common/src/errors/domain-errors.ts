/**
 * Errors the libraries throw, free of any transport: each names what went
 * wrong by a code, and the API maps the code to an HTTP status in one place
 * (`apps/api/src/http/exception.filter.ts`). The message is shown to the
 * caller as it is; a list names one problem per field.
 */
export const DOMAIN_ERROR_CODES = [
  'invalid_input',
  'not_authenticated',
  'not_allowed',
  'not_found',
  'conflict',
  'too_large',
  'unsupported_type',
  'rule_violation',
  'too_many_attempts',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;

  constructor(readonly detail: string | string[]) {
    super(Array.isArray(detail) ? detail.join('; ') : detail);
    this.name = new.target.name;
  }
}

/** The request itself is malformed: a value, a cursor, an upload cut short. */
export class InvalidInputError extends DomainError {
  readonly code = 'invalid_input';
}

/** No valid credentials: a wrong password, a dead refresh token. */
export class NotAuthenticatedError extends DomainError {
  readonly code = 'not_authenticated';
}

/** The caller's role may never do this, whatever the record. */
export class NotAllowedError extends DomainError {
  readonly code = 'not_allowed';
}

/** Absent, or outside the caller's reach: the two are never told apart. */
export class NotFoundError extends DomainError {
  readonly code = 'not_found';
}

/** The record changed meanwhile (a stale version), already exists, or is in the wrong state. */
export class ConflictError extends DomainError {
  readonly code = 'conflict';
}

export class TooLargeError extends DomainError {
  readonly code = 'too_large';
}

export class UnsupportedTypeError extends DomainError {
  readonly code = 'unsupported_type';
}

/** Well-formed, but a rule of the domain does not allow it. */
export class RuleViolationError extends DomainError {
  readonly code = 'rule_violation';
}

/** Slowed down: try again after `retryAfterSeconds`. */
export class TooManyAttemptsError extends DomainError {
  readonly code = 'too_many_attempts';

  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(detail);
  }
}

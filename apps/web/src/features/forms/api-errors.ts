import { errorMessages } from '../../lib/api-client';
import type { FieldError } from './field-error';

/**
 * Which field a message is about, so the error sits next to it and the summary
 * links to it: a fixed field id, or a function naming one (undefined: the whole form).
 */
export type FieldOf = string | undefined | ((message: string) => string | undefined);

/** Messages as form errors, each tied to the field `fieldOf` names. */
export function fieldErrors(messages: string[], fieldOf?: FieldOf): FieldError[] {
  return messages.map((message) => ({
    field: typeof fieldOf === 'function' ? fieldOf(message) : fieldOf,
    message,
  }));
}

/** An API refusal as form errors: the API's messages, or `fallback` when it gave none. */
export function apiFieldErrors(error: unknown, fallback: string, fieldOf?: FieldOf): FieldError[] {
  const messages = errorMessages(error);
  return fieldErrors(messages.length > 0 ? messages : [fallback], fieldOf);
}

/** A `fieldOf` from patterns: the first pattern the message matches names its field. */
export function fieldsByPattern(
  rules: ReadonlyArray<readonly [RegExp, string]>,
): (message: string) => string | undefined {
  return (message) => rules.find(([pattern]) => pattern.test(message))?.[1];
}

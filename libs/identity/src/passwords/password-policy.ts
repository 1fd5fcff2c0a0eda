import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { InvalidInputError } from '@app/common';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** zxcvbn scores 0 (guessable) to 4; below this a password falls to an offline attack. */
const MIN_SCORE = 3;
/** Names shorter than this are too common a fragment to refuse inside a password. */
const MIN_NAME_FRAGMENT = 4;

let estimator: ZxcvbnFactory | undefined;
let commonPasswords: Set<string> | undefined;

/** Built on first use: the dictionaries take a moment to index. */
function strength() {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  commonPasswords ??= new Set(dictionary['passwords-common'].map((word) => word.toLowerCase()));
  return { estimator, commonPasswords };
}

const simplified = (value: string) => value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * NIST SP 800-63B: at least 12 characters, not a known common password, not
 * the account's own name, not easily guessed; no composition rules. Returns
 * what is wrong, or undefined when the password may be used.
 */
export function passwordProblem(
  password: string,
  context: { username?: string; displayName?: string },
): string | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return `password must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return `password must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  }
  const { estimator, commonPasswords } = strength();
  const lower = password.trim().toLowerCase();
  if (commonPasswords.has(lower) || commonPasswords.has(simplified(password))) {
    return 'password is one of the most common passwords: choose another';
  }
  const names = [context.username, context.displayName].filter((n): n is string => !!n);
  const whole = names.map(simplified).filter((name) => name.length >= MIN_NAME_FRAGMENT);
  const parts = names
    .flatMap((name) => name.split(/[^\p{L}]+/u))
    .map(simplified)
    .filter((part) => part.length >= 3);
  const letters = simplified(password).replace(/\p{N}+/gu, '');
  if (whole.some((name) => simplified(password).includes(name)) || parts.includes(letters)) {
    return 'password must not contain the username or display name';
  }
  if (estimator.check(password, names).score < MIN_SCORE) {
    return 'password is too easy to guess: use a longer phrase of unrelated words';
  }
  return undefined;
}

/** Answers 400 like a failed validation, naming `field`, when the password breaks the policy. */
export function requireAcceptablePassword(
  field: string,
  password: string,
  context: { username?: string; displayName?: string },
): void {
  const problem = passwordProblem(password, context);
  if (problem) throw new InvalidInputError([problem.replace(/^password\b/, field)]);
}

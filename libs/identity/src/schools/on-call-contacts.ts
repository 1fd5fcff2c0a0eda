import { RuleViolationError } from '@app/common';

/**
 * Someone the school designates to hear at once of a critical report while
 * the school is closed: a name and an e-mail address, not an account.
 */
export interface OnCallContact {
  name: string;
  email: string;
}

export const MAX_ON_CALL_CONTACTS = 5;
export const ON_CALL_NAME_MAX = 100;
export const ON_CALL_EMAIL_MAX = 254;

/** Trimmed, addresses in lower case, each address once; the HTTP layer has checked each field. */
export function normaliseOnCallContacts(contacts: OnCallContact[]): OnCallContact[] {
  const seen = new Set<string>();
  const normalised = contacts
    .map(({ name, email }) => ({ name: name.trim(), email: email.trim().toLowerCase() }))
    .filter(({ email }) => !seen.has(email) && seen.add(email));
  if (normalised.length > MAX_ON_CALL_CONTACTS) {
    throw new RuleViolationError(`A school has at most ${MAX_ON_CALL_CONTACTS} on-call contacts`);
  }
  return normalised;
}

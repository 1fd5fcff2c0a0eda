import { RuleViolationError } from '@app/common';

/** Someone to reach now, shown on the school's public page: a counseling office, a helpline. */
export interface CrisisContact {
  name: string;
  phone: string;
  /** When someone answers, e.g. "School days 7:30–3:30"; null: not said. */
  hours: string | null;
}

export const MAX_CRISIS_CONTACTS = 10;
export const CRISIS_CONTACT_NAME_MAX = 100;
export const CRISIS_CONTACT_HOURS_MAX = 100;
/** 3 to 40 digits, spaces and + ( ) - . characters, with at least one digit. */
export const CRISIS_PHONE_PATTERN = /^(?=.*\d)[\d +().-]{3,40}$/;
export const CRISIS_PHONE_RULE =
  'phone must be 3 to 40 digits, spaces or + ( ) - . characters, with at least one digit';

/** Trimmed, with empty hours as none; the HTTP layer has checked each field already. */
export function normaliseCrisisContacts(
  contacts: { name: string; phone: string; hours?: string | null }[],
): CrisisContact[] {
  if (contacts.length > MAX_CRISIS_CONTACTS) {
    throw new RuleViolationError(`A school lists at most ${MAX_CRISIS_CONTACTS} crisis contacts`);
  }
  return contacts.map(({ name, phone, hours }) => ({
    name: name.trim(),
    phone: phone.trim(),
    hours: hours?.trim() || null,
  }));
}

/** Usernames, as administrators create them (through the API or the admin command). */
export const USERNAME_PATTERN = /^[a-zA-Z0-9._-]{3,64}$/;
export const USERNAME_RULE =
  'username must be 3 to 64 letters, digits, dots, dashes or underscores';

/** A school's public code, printed on posters for anonymous reporting. */
export const SCHOOL_CODE_PATTERN = /^[A-Za-z0-9-]{3,16}$/;
export const SCHOOL_CODE_RULE = 'code must be 3 to 16 letters, digits or dashes';

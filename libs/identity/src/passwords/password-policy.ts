const MIN_LENGTH = 12;

/** What is wrong with a new password, or undefined when it may be used. */
export function passwordProblem(
  password: string,
  _context: { username?: string; displayName?: string },
): string | undefined {
  return [...password].length >= MIN_LENGTH
    ? undefined
    : `password must be at least ${MIN_LENGTH} characters`;
}

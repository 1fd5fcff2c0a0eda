import { DEMO_SCHOOLS, DEMO_USERS } from '@app/identity';

export const DEMO_PASSWORD_NOTE =
  'Demo data is for trying the platform: set NODE_ENV=production (or SEED_DEMO=false) for real use.';

/** Prints the demo accounts as a table an IT person can copy from. */
export function printDemoLogins(say: (line: string) => void, password: string): void {
  const schoolName = (key?: string) =>
    DEMO_SCHOOLS.find((school) => school.key === key)?.name ?? 'Riverside Unified (district)';
  const width = Math.max(...DEMO_USERS.map((user) => user.username.length));
  say('');
  say(`Demo logins (password for all: ${password})`);
  for (const user of DEMO_USERS) {
    const note = user.guardianOf ? `, guardian of ${user.guardianOf}` : '';
    say(
      `  ${user.username.padEnd(width)}  ${user.role.padEnd(14)}  ${schoolName(user.school)}${note}`,
    );
  }
  say('');
}

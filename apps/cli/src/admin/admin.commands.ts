import { parseArgs } from 'node:util';
import { identityEntities, InstallationService, PasswordService } from '@app/identity';
import { withDataSource } from '../data-source';
import { readPassword } from './read-password';

type Say = (line: string) => void;

/** What a command does once the database is open. */
export type AdminTask = (url: string, say: Say) => Promise<void>;

export const ADMIN_USAGE = `  create-district --name <name>
                           add a district (the first step on a new installation)
  create-school --district <name or id> --name <name> --code <CODE> --time-zone <Area/City>
                           add a school to a district
  create-user --district <name or id> --username <name> --display-name <name> --role <role>
              [--school <CODE> ...] [--email <address>] [--locale en|es] [--password-stdin]
                           add an account; the password is read from standard input
                           (--password-stdin) or typed twice at the terminal`;

const installation = <T>(url: string, work: (service: InstallationService) => Promise<T>) =>
  withDataSource(url, identityEntities, (dataSource) =>
    work(new InstallationService(dataSource, new PasswordService())),
  );

function required(values: Record<string, unknown>, option: string): string {
  const value = values[option];
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`--${option} is required.`);
  return value;
}

const optional = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

const text = { type: 'string' } as const;

/**
 * Reads a command's options (and the password) before any database is
 * opened, so a typing mistake costs nothing; returns what to do then, or
 * undefined when the command is not one of these.
 */
export async function adminCommand(
  command: string,
  args: string[],
): Promise<AdminTask | undefined> {
  switch (command) {
    case 'create-district': {
      const { values } = parseArgs({ args, options: { name: text } });
      const name = required(values, 'name');
      return async (url, say) => {
        const district = await installation(url, (service) => service.createDistrict(name));
        say(`Created district "${district.name}" (id ${district.id}).`);
      };
    }
    case 'create-school': {
      const { values } = parseArgs({
        args,
        options: { district: text, name: text, code: text, 'time-zone': text },
      });
      const input = {
        district: required(values, 'district'),
        name: required(values, 'name'),
        code: required(values, 'code'),
        timeZone: required(values, 'time-zone'),
      };
      return async (url, say) => {
        const school = await installation(url, (service) => service.createSchool(input));
        say(`Created school "${school.name}" with the code ${school.code} (id ${school.id}).`);
      };
    }
    case 'create-user': {
      const { values } = parseArgs({
        args,
        options: {
          district: text,
          username: text,
          'display-name': text,
          role: text,
          school: { type: 'string', multiple: true },
          email: text,
          locale: text,
          'password-stdin': { type: 'boolean' },
        },
      });
      const input = {
        district: required(values, 'district'),
        username: required(values, 'username'),
        displayName: required(values, 'display-name'),
        role: required(values, 'role'),
        schools: values.school ?? [],
        email: optional(values.email),
        locale: optional(values.locale),
      };
      const password = await readPassword(values['password-stdin'] === true);
      return async (url, say) => {
        const user = await installation(url, (service) =>
          service.createUser({ ...input, password }),
        );
        say(`Created ${user.role} ${user.username} (id ${user.id}).`);
      };
    }
    default:
      return undefined;
  }
}

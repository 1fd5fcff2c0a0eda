import { Injectable } from '@nestjs/common';
import { isEmail, isTimeZone, isUUID } from 'class-validator';
import { isUniqueViolation } from '@app/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { District } from '../entities/district.entity';
import { School } from '../entities/school.entity';
import { User } from '../entities/user.entity';
import { SCHOOL_CODE_PATTERN, SCHOOL_CODE_RULE, USERNAME_PATTERN, USERNAME_RULE } from '../naming';
import { passwordProblem } from '../passwords/password-policy';
import { PasswordService } from '../passwords/password.service';
import { ROLES, SUPPORTED_LOCALES, type Locale, type Role } from '../roles';
import { insertAccount } from '../users/accounts';
import { membershipProblem } from '../users/role-rules';

/** A refusal to show the operator as it is: one line, no stack. */
export class InstallationError extends Error {
  override name = 'InstallationError';
}

export interface NewSchool {
  /** The district's id or its name. */
  district: string;
  name: string;
  code: string;
  timeZone: string;
}

export interface NewUser {
  /** The district's id or its name. */
  district: string;
  username: string;
  displayName: string;
  role: string;
  password: string;
  /** School codes; none for a district administrator. */
  schools: string[];
  email?: string;
  locale?: string;
}

const refuse = (message: string): never => {
  throw new InstallationError(message);
};

function check(valid: boolean, message: string): void {
  if (!valid) refuse(message);
}

/**
 * Creating the first district, its schools and administrators on a new
 * installation, from the command line: no account exists yet to do it
 * through the API. The same rules as the API apply to every value.
 */
@Injectable()
export class InstallationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
  ) {}

  async createDistrict(name: string): Promise<District> {
    const trimmed = name.trim();
    check(trimmed.length >= 2 && trimmed.length <= 200, 'name must be 2 to 200 characters');
    return this.dataSource.transaction(async (manager) => {
      // One creation at a time, so two runs cannot both find the name free.
      await manager.query(`LOCK TABLE districts IN SHARE ROW EXCLUSIVE MODE`);
      const taken = await manager
        .getRepository(District)
        .createQueryBuilder('district')
        .where('lower(district.name) = lower(:name)', { name: trimmed })
        .getExists();
      check(!taken, `A district named "${trimmed}" already exists`);
      return manager.getRepository(District).save({ name: trimmed });
    });
  }

  async createSchool(input: NewSchool): Promise<School> {
    const name = input.name.trim();
    check(name.length >= 2 && name.length <= 200, 'name must be 2 to 200 characters');
    check(SCHOOL_CODE_PATTERN.test(input.code), SCHOOL_CODE_RULE);
    check(
      isTimeZone(input.timeZone),
      'time zone must be an IANA time zone such as America/New_York',
    );
    const district = await this.findDistrict(this.dataSource.manager, input.district);
    const code = input.code.toUpperCase();
    return this.unique(`School code ${code} is already taken`, () =>
      this.dataSource
        .getRepository(School)
        .save({ districtId: district.id, name, code, timeZone: input.timeZone, holidays: [] }),
    );
  }

  async createUser(input: NewUser): Promise<User> {
    const role = input.role as Role;
    check(ROLES.includes(role), `role must be one of ${ROLES.join(', ')}`);
    check(USERNAME_PATTERN.test(input.username), USERNAME_RULE);
    const displayName = input.displayName.trim();
    check(
      displayName.length >= 1 && displayName.length <= 200,
      'display name must be 1 to 200 characters',
    );
    if (input.email !== undefined) {
      check(isEmail(input.email) && input.email.length <= 254, 'email is not an e-mail address');
    }
    const locale = (input.locale ?? 'en') as Locale;
    check(
      SUPPORTED_LOCALES.includes(locale),
      `locale must be one of ${SUPPORTED_LOCALES.join(', ')}`,
    );
    const codes = [...new Set(input.schools.map((code) => code.toUpperCase()))];
    const problem = membershipProblem(role, codes.length);
    if (problem) refuse(problem.slice(0, problem.indexOf(':')));
    const policy = passwordProblem(input.password, { username: input.username, displayName });
    if (policy) refuse(policy);
    const passwordHash = await this.passwords.hash(input.password);
    const username = input.username.toLowerCase();
    return this.unique(`Username ${username} is already taken`, () =>
      this.dataSource.transaction(async (manager) => {
        const district = await this.findDistrict(manager, input.district);
        const schools = await this.schoolsOf(manager, district, codes);
        return insertAccount(
          manager,
          {
            districtId: district.id,
            username,
            displayName,
            role,
            email: input.email ?? null,
            locale,
            passwordHash,
          },
          schools.map((school) => school.id),
        );
      }),
    );
  }

  private async findDistrict(manager: EntityManager, reference: string): Promise<District> {
    const districts = manager.getRepository(District);
    if (isUUID(reference)) {
      return (
        (await districts.findOneBy({ id: reference })) ??
        refuse(`No district has the id ${reference}`)
      );
    }
    const named = await districts
      .createQueryBuilder('district')
      .where('lower(district.name) = lower(:name)', { name: reference.trim() })
      .getMany();
    if (named.length > 1) refuse(`Several districts are named "${reference}": give the id instead`);
    return named[0] ?? refuse(`No district is named "${reference}"`);
  }

  private async schoolsOf(
    manager: EntityManager,
    district: District,
    codes: string[],
  ): Promise<School[]> {
    if (codes.length === 0) return [];
    const schools = await manager
      .getRepository(School)
      .findBy({ districtId: district.id, code: In(codes) });
    const missing = codes.filter((code) => !schools.some((school) => school.code === code));
    if (missing.length > 0)
      refuse(`District "${district.name}" has no school with the code ${missing.join(', ')}`);
    return schools;
  }

  private async unique<T>(message: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) refuse(message);
      throw error;
    }
  }
}

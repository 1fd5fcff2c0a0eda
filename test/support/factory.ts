import { randomBytes } from 'node:crypto';
import {
  District,
  Guardianship,
  PASSWORD_HASH_OPTIONS,
  School,
  SchoolMembership,
  User,
  type Role,
} from '@app/identity';
import { hash } from '@node-rs/argon2';
import { DataSource } from 'typeorm';

const unique = () => randomBytes(4).toString('hex');

/** Makes districts, schools and accounts in one line each, so a test reads as its scenario. */
export class Factory {
  static readonly PASSWORD = 'correct horse battery staple';
  private static passwordHash?: Promise<string>;

  constructor(private readonly dataSource: DataSource) {}

  district(name = `District ${unique()}`): Promise<District> {
    return this.dataSource.getRepository(District).save({ name });
  }

  school(district: District, overrides: Partial<School> = {}): Promise<School> {
    const code = `S${unique()}`.toUpperCase();
    return this.dataSource.getRepository(School).save({
      districtId: district.id,
      name: `School ${code}`,
      code,
      timeZone: 'America/New_York',
      holidays: [],
      triageSchoolDays: 1,
      resolveSchoolDays: 10,
      ...overrides,
    });
  }

  async user(
    role: Role,
    where: { district: District; schools?: School[] },
    overrides: Partial<User> = {},
  ): Promise<User> {
    Factory.passwordHash ??= hash(Factory.PASSWORD, PASSWORD_HASH_OPTIONS);
    const user = await this.dataSource.getRepository(User).save({
      districtId: where.district.id,
      username: `${role.replace('_', '.')}.${unique()}`,
      displayName: `${role} ${unique()}`,
      role,
      email: null,
      locale: 'en',
      passwordHash: await Factory.passwordHash,
      ...overrides,
    });
    for (const school of where.schools ?? []) {
      await this.dataSource
        .getRepository(SchoolMembership)
        .insert({ userId: user.id, schoolId: school.id });
    }
    return user;
  }

  guardianship(parent: User, student: User): Promise<Guardianship> {
    return this.dataSource
      .getRepository(Guardianship)
      .save({ parentId: parent.id, studentId: student.id, verified: true });
  }

  /**
   * Two districts with two schools in the first one, and one account of every
   * role in each school: the usual cast of authorization tests.
   */
  async world() {
    const district = await this.district();
    const otherDistrict = await this.district();
    const school = await this.school(district);
    const sisterSchool = await this.school(district);
    const foreignSchool = await this.school(otherDistrict);
    const inSchool = (role: Role, s: School, d: District) =>
      this.user(role, { district: d, schools: [s] });
    const users = {
      districtAdmin: await this.user('district_admin', { district }),
      schoolAdmin: await inSchool('school_admin', school, district),
      counselor: await inSchool('counselor', school, district),
      staff: await inSchool('staff', school, district),
      student: await inSchool('student', school, district),
      parent: await inSchool('parent', school, district),
      sisterAdmin: await inSchool('school_admin', sisterSchool, district),
      sisterStudent: await inSchool('student', sisterSchool, district),
      foreignDistrictAdmin: await this.user('district_admin', { district: otherDistrict }),
      foreignAdmin: await inSchool('school_admin', foreignSchool, otherDistrict),
      foreignStudent: await inSchool('student', foreignSchool, otherDistrict),
    };
    await this.guardianship(users.parent, users.student);
    return { district, otherDistrict, school, sisterSchool, foreignSchool, users };
  }
}

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
import {
  Incident,
  IncidentEvent,
  IncidentParty,
  type PartyRole,
  type ReporterKind,
} from '@app/incidents';
import { hash } from '@node-rs/argon2';
import { DataSource } from 'typeorm';

const unique = () => randomBytes(4).toString('hex');
const HOUR = 60 * 60_000;

/** What `Factory.incident` may set besides the incident's own columns. */
export interface IncidentSetup extends Partial<
  Omit<Incident, 'id' | 'schoolId' | 'districtId' | 'reporter' | 'school' | 'assignee'>
> {
  /** The account that filed it; none makes it anonymous. */
  reporter?: User | null;
  /** Children named in the report, as written or linked to a student record. */
  parties?: { role: PartyRole; name?: string; student?: User }[];
}

const reporterKindOf = (reporter: User | null): ReporterKind =>
  !reporter
    ? 'anonymous'
    : reporter.role === 'student' || reporter.role === 'parent'
      ? reporter.role
      : 'staff';

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

  /** A school of its own with a counselor, so that a scenario knows every row of its lists. */
  async desk(district: District): Promise<{ school: School; counselor: User }> {
    const school = await this.school(district);
    const counselor = await this.user('counselor', { district, schools: [school] });
    return { school, counselor };
  }

  /**
   * An incident written straight into the database, in whatever state the
   * test needs, without walking the API: a `filed` event, and a `triaged` one
   * when `status` lies past triage (the workflow reads it when reopening).
   * Due dates default to a day and ten days from now; a case past triage has
   * severity medium, a resolved or closed one an outcome, a dismissed one the
   * reason code other. The reference has a
   * shape of its own (`CODE-F-xxxxxxxx`), so it never meets the counter's.
   */
  async incident(school: School, setup: IncidentSetup = {}): Promise<Incident> {
    const { reporter = null, parties = [], ...columns } = setup;
    const status = columns.status ?? 'submitted';
    const incident = await this.dataSource.getRepository(Incident).save({
      schoolId: school.id,
      districtId: school.districtId,
      reference: `${school.code}-F-${unique()}`.toUpperCase(),
      reporterId: reporter?.id ?? null,
      reporterKind: reporterKindOf(reporter),
      category: 'verbal',
      location: 'cafeteria',
      occurredAt: new Date(Date.now() - 2 * HOUR),
      description: 'At lunch two older kids took my tray and laughed when I asked for it back.',
      triageDueAt: new Date(Date.now() + 24 * HOUR),
      resolveDueAt: new Date(Date.now() + 10 * 24 * HOUR),
      severity: status === 'submitted' || status === 'dismissed' ? null : 'medium',
      ...(status === 'dismissed' ? { dismissalReason: 'other' as const } : {}),
      ...(status === 'resolved' || status === 'closed'
        ? {
            resolvedAt: new Date(),
            outcome: 'substantiated' as const,
            resolutionSummary: 'It happened; it stopped.',
          }
        : {}),
      ...columns,
      status,
    });
    if (columns.version && columns.version !== incident.version) {
      // The version column counts updates; a test may want a case that has seen some.
      await this.dataSource.query('UPDATE incidents SET version = $2 WHERE id = $1', [
        incident.id,
        columns.version,
      ]);
      incident.version = columns.version;
    }
    const events = this.dataSource.getRepository(IncidentEvent);
    const event = { incidentId: incident.id, schoolId: school.id, data: {} };
    await events.insert({
      ...event,
      type: 'filed',
      actorId: reporter?.id ?? null,
      visibility: 'shared',
    });
    if (['triaged', 'investigating', 'resolved', 'closed'].includes(status)) {
      await events.insert({ ...event, type: 'triaged', actorId: null, visibility: 'internal' });
    }
    for (const party of parties) {
      await this.dataSource.getRepository(IncidentParty).insert({
        incidentId: incident.id,
        schoolId: school.id,
        role: party.role,
        name: party.name ?? null,
        studentId: party.student?.id ?? null,
      });
    }
    return incident;
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

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { CASEWORKER_ROLES } from '../access/permission';
import type { SchoolScope } from '../access/school-scope';
import { Guardianship } from '../entities/guardianship.entity';
import { SchoolMembership } from '../entities/school-membership.entity';
import { School } from '../entities/school.entity';
import { User } from '../entities/user.entity';

export interface PersonName {
  id: string;
  displayName: string;
}

/**
 * What other libraries may ask about people: who is a student, a caseworker or
 * a guardian of whom, and what they are called. Incidents and casework read
 * identity data only through here. Each method takes the caller's transaction
 * manager when it runs inside one.
 */
@Injectable()
export class DirectoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async isStudentOf(
    schoolId: string,
    studentId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    return this.memberWithRole(manager, schoolId, studentId, ['student']);
  }

  /** An active counselor or administrator of the school: someone a case may go to. */
  async isCaseworkerOf(
    schoolId: string,
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    return this.memberWithRole(manager, schoolId, userId, CASEWORKER_ROLES, true);
  }

  /** The active counselors and administrators of the school, by name: whom its cases may go to. */
  async caseworkersOf(
    schoolId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<(PersonName & { role: string })[]> {
    const rows = await manager
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoin(SchoolMembership, 'm', 'm.userId = u.id')
      .select(['u.id', 'u.displayName', 'u.role'])
      .where('m.schoolId = :schoolId', { schoolId })
      .andWhere('u.role IN (:...roles)', { roles: CASEWORKER_ROLES })
      .andWhere('NOT u.disabled')
      .orderBy('u.displayName', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .getMany();
    return rows.map((user) => ({ id: user.id, displayName: user.displayName, role: user.role }));
  }

  /** The school of a parent's child, when the student is their child. */
  async schoolOfChild(
    parentId: string,
    studentId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string | undefined> {
    const guardianship = await manager
      .getRepository(Guardianship)
      .findOneBy({ parentId, studentId });
    if (!guardianship) return undefined;
    const membership = await manager
      .getRepository(SchoolMembership)
      .findOneBy({ userId: studentId });
    return membership?.schoolId;
  }

  /** The school (within `scope`) of a student. */
  async schoolOfStudent(scope: SchoolScope, studentId: string): Promise<string | undefined> {
    if (scope.schoolIds.length === 0) return undefined;
    const row = await this.dataSource
      .getRepository(SchoolMembership)
      .createQueryBuilder('m')
      .innerJoin(User, 'u', 'u.id = m.userId')
      .where('m.userId = :studentId', { studentId })
      .andWhere("u.role = 'student'")
      .andWhere('m.schoolId IN (:...schools)', { schools: scope.schoolIds })
      .getOne();
    return row?.schoolId;
  }

  /** Display names of the given accounts, in one query (missing ids and nulls are skipped). */
  async names(
    ids: readonly (string | null)[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, PersonName>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const users = await manager
      .getRepository(User)
      .find({ select: { id: true, displayName: true }, where: { id: In(wanted) } });
    return new Map(users.map((user) => [user.id, { id: user.id, displayName: user.displayName }]));
  }

  /**
   * The active parent accounts of each student, by name and language (the
   * people a notice to that student's family reaches), in one query.
   */
  async guardiansOf(
    studentIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, (PersonName & { locale: string })[]>> {
    const wanted = [...new Set(studentIds)];
    const byStudent = new Map<string, (PersonName & { locale: string })[]>(
      wanted.map((id) => [id, []]),
    );
    if (wanted.length === 0) return byStudent;
    const rows = await manager
      .getRepository(Guardianship)
      .createQueryBuilder('g')
      .innerJoin(User, 'u', 'u.id = g.parentId')
      .select(['g.studentId AS student_id', 'u.id AS id', 'u.displayName AS display_name'])
      .addSelect('u.locale', 'locale')
      .where('g.studentId IN (:...wanted)', { wanted })
      .andWhere('NOT u.disabled')
      .orderBy('u.displayName', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .getRawMany<{ student_id: string; id: string; display_name: string; locale: string }>();
    for (const row of rows)
      byStudent
        .get(row.student_id)
        ?.push({ id: row.id, displayName: row.display_name, locale: row.locale });
    return byStudent;
  }

  /** Each school's name, in one query. */
  async schoolNames(
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return new Map();
    const schools = await manager
      .getRepository(School)
      .find({ select: { id: true, name: true }, where: { id: In(wanted) } });
    return new Map(schools.map((school) => [school.id, school.name]));
  }

  /** Each school's time zone, in one query. */
  async schoolTimeZones(
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return new Map();
    const schools = await manager
      .getRepository(School)
      .find({ select: { id: true, timeZone: true }, where: { id: In(wanted) } });
    return new Map(schools.map((school) => [school.id, school.timeZone]));
  }

  private async memberWithRole(
    manager: EntityManager,
    schoolId: string,
    userId: string,
    roles: readonly string[],
    activeOnly = false,
  ): Promise<boolean> {
    const query = manager
      .getRepository(SchoolMembership)
      .createQueryBuilder('m')
      .innerJoin(User, 'u', 'u.id = m.userId')
      .where('m.userId = :userId AND m.schoolId = :schoolId', { userId, schoolId })
      .andWhere('u.role IN (:...roles)', { roles });
    if (activeOnly) query.andWhere('NOT u.disabled');
    return (await query.getCount()) > 0;
  }
}

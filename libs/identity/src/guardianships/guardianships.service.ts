import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ConflictError,
  InvalidInputError,
  isUniqueViolation,
  RuleViolationError,
} from '@app/common';
import { DataSource, In } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Permission } from '../access/permission';
import { Guardianship } from '../entities/guardianship.entity';
import { User } from '../entities/user.entity';
import type { Principal } from '../principal';

/** A link with both people named, as an administrator lists them. */
export interface GuardianshipView {
  id: string;
  parentId: string;
  studentId: string;
  verified: boolean;
  createdAt: Date;
  parent: { id: string; username: string; displayName: string };
  student: { id: string; username: string; displayName: string };
}

/** At most this many links in one answer: a student has a few guardians, a parent a few children. */
const MAX_LISTED = 100;

@Injectable()
export class GuardianshipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async create(principal: Principal, parentId: string, studentId: string): Promise<Guardianship> {
    await this.access.require(principal, Permission.ParentLink, parentId);
    await this.access.require(principal, Permission.UserAdminister, studentId);
    const users = await this.dataSource
      .getRepository(User)
      .findBy({ id: In([parentId, studentId]) });
    const roleOf = (id: string) => users.find((user) => user.id === id)?.role;
    if (roleOf(parentId) !== 'parent') {
      throw new RuleViolationError('parentId must be the id of a parent account');
    }
    if (roleOf(studentId) !== 'student') {
      throw new RuleViolationError('studentId must be the id of a student account');
    }
    const repository = this.dataSource.getRepository(Guardianship);
    try {
      return await repository.save(repository.create({ parentId, studentId, verified: true }));
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError('This parent is already a guardian of this student');
      }
      throw error;
    }
  }

  /**
   * A student's guardians or a parent's children. The student (or parent) must
   * be within reach (404 otherwise); only links of students within reach come
   * back, so a parent shared with another school shows only this school's children.
   */
  async list(
    principal: Principal,
    filter: { studentId?: string; parentId?: string },
  ): Promise<GuardianshipView[]> {
    if (!filter.studentId === !filter.parentId) {
      throw new InvalidInputError('Send exactly one of studentId or parentId');
    }
    if (filter.studentId) {
      await this.access.require(principal, Permission.UserAdminister, filter.studentId);
    } else {
      await this.access.require(principal, Permission.ParentLink, filter.parentId!);
    }
    const rows = await this.dataSource.query<
      (Omit<GuardianshipView, 'parent' | 'student'> & {
        parentUsername: string;
        parentName: string;
        studentUsername: string;
        studentName: string;
      })[]
    >(
      `SELECT g.id, g.parent_id AS "parentId", g.student_id AS "studentId", g.verified,
              g.created_at AS "createdAt",
              p.username AS "parentUsername", p.display_name AS "parentName",
              s.username AS "studentUsername", s.display_name AS "studentName"
         FROM guardianships g
         JOIN users p ON p.id = g.parent_id
         JOIN users s ON s.id = g.student_id
        WHERE ${filter.studentId ? 'g.student_id' : 'g.parent_id'} = $1
        ORDER BY p.display_name, s.display_name, g.id
        LIMIT ${MAX_LISTED}`,
      [filter.studentId ?? filter.parentId],
    );
    const allowed = await this.access.allowed(
      principal,
      Permission.GuardianshipAdminister,
      rows.map((row) => row.id),
    );
    return rows
      .filter((row) => allowed.has(row.id))
      .map((row) => ({
        id: row.id,
        parentId: row.parentId,
        studentId: row.studentId,
        verified: row.verified,
        createdAt: row.createdAt,
        parent: { id: row.parentId, username: row.parentUsername, displayName: row.parentName },
        student: {
          id: row.studentId,
          username: row.studentUsername,
          displayName: row.studentName,
        },
      }));
  }

  async remove(principal: Principal, id: string): Promise<void> {
    await this.access.require(principal, Permission.GuardianshipAdminister, id);
    await this.dataSource.getRepository(Guardianship).delete({ id });
  }
}

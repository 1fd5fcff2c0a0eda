import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictError, RuleViolationError } from '@app/common';
import { DirectoryService, Permission, type Principal } from '@app/identity';
import {
  CaseRecorder,
  IncidentAccessService,
  IncidentParty,
  OutcomeNotice,
  PARTY_ROLES,
  type Incident,
  type PartyRole,
} from '@app/incidents';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';

export interface OutcomeNoticeInput {
  studentId: string;
  summary: string;
}

export interface SendOutcomeNotices {
  /** When sent, the `version` the caller read: 409 when the case changed since. */
  version?: number;
  notices: OutcomeNoticeInput[];
}

interface Person {
  id: string;
  displayName: string;
}

/** One involved family (the guardians of one linked student) and what they were told. */
export interface InvolvedFamily {
  student: Person;
  /** The student's parts in the case, target first. */
  roles: PartyRole[];
  /** The parent accounts a notice reaches now, with their language. */
  guardians: (Person & { locale: string })[];
  /** The latest outcome notice sent to this family; null: not told yet. */
  notice: { id: string; summary: string; sentAt: Date; sentBy: Person | null } | null;
  /** How many outcome notices this family was sent (a correction is a new one). */
  noticesSent: number;
}

/**
 * The outcome notices: once a case is resolved (until it is closed), a
 * caseworker writes each involved family what the law lets them know about
 * the outcome for their child. Each notice goes to the guardians of one linked
 * student (in-app and e-mail, in each guardian's language, through the
 * outbox), is written on the timeline (internal: which family, who was told)
 * and shows in that family's view, and in no other.
 */
@Injectable()
export class OutcomeNoticesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IncidentAccessService,
    private readonly recorder: CaseRecorder,
    private readonly directory: DirectoryService,
  ) {}

  /** Every involved family of the case, told or not yet. */
  async families(principal: Principal, incidentId: string): Promise<InvolvedFamily[]> {
    const { incident } = await this.access.require({
      principal,
      permission: Permission.IncidentDecide,
      incidentId,
    });
    return this.familiesOf(this.dataSource.manager, incident);
  }

  async send(
    principal: Principal,
    incidentId: string,
    input: SendOutcomeNotices,
  ): Promise<InvolvedFamily[]> {
    return this.dataSource.transaction(async (manager) => {
      const { incident } = await this.access.require({
        principal,
        permission: Permission.IncidentDecide,
        incidentId,
        manager,
        lock: true,
      });
      if (input.version !== undefined && input.version !== incident.version) {
        throw new ConflictError(
          `The incident changed since you read it (you sent version ${input.version}, it is now ${incident.version}): reload it and send again`,
        );
      }
      if (incident.status !== 'resolved') {
        throw new ConflictError(
          incident.status === 'closed'
            ? 'This case is closed: outcome notices are sent between resolving and closing it'
            : `Outcome notices are sent once the case is resolved (it is ${incident.status})`,
        );
      }
      const families = await this.familiesOf(manager, incident);
      const byStudent = new Map(families.map((family) => [family.student.id, family]));
      const problems = noticeProblems(input.notices, byStudent);
      if (problems.length > 0) throw new RuleViolationError(problems.join('; '));
      for (const { studentId, summary } of input.notices) {
        const family = byStudent.get(studentId)!;
        const notice = await manager.getRepository(OutcomeNotice).save(
          manager.getRepository(OutcomeNotice).create({
            incidentId: incident.id,
            schoolId: incident.schoolId,
            studentId,
            summary,
            sentById: principal.id,
          }),
        );
        await this.recorder.record(manager, {
          incident,
          actorId: principal.id,
          event: {
            type: 'outcome_notice',
            visibility: 'internal',
            data: {
              noticeId: notice.id,
              studentId,
              student: family.student.displayName,
              roles: family.roles,
              guardians: family.guardians.map(({ id, displayName }) => ({ id, displayName })),
              correction: family.noticesSent > 0,
            },
          },
          audit: { action: 'outcome_notice.sent', details: { noticeId: notice.id, studentId } },
          notice: {
            type: 'outcome_notice',
            to: [{ kind: 'thread', threadStudentId: studentId }],
            payload: { noticeId: notice.id, studentId },
          },
        });
      }
      return this.familiesOf(manager, incident);
    });
  }

  private async familiesOf(manager: EntityManager, incident: Incident): Promise<InvolvedFamily[]> {
    const [parties, notices] = await Promise.all([
      manager.getRepository(IncidentParty).find({
        select: { studentId: true, role: true },
        where: { incidentId: incident.id, studentId: Not(IsNull()) },
      }),
      manager.getRepository(OutcomeNotice).find({
        where: { incidentId: incident.id },
        order: { createdAt: 'ASC', id: 'ASC' },
      }),
    ]);
    const roles = new Map<string, PartyRole[]>();
    for (const party of parties) {
      const list = roles.get(party.studentId!) ?? [];
      if (!list.includes(party.role)) list.push(party.role);
      roles.set(party.studentId!, list);
    }
    const students = [...roles.keys()];
    const [names, guardians] = await Promise.all([
      this.directory.names([...students, ...notices.map((notice) => notice.sentById)], manager),
      this.directory.guardiansOf(students, manager),
    ]);
    const families = students.map((studentId): InvolvedFamily => {
      const theirs = notices.filter((notice) => notice.studentId === studentId);
      const latest = theirs.at(-1);
      return {
        student: names.get(studentId) ?? { id: studentId, displayName: '' },
        roles: roles
          .get(studentId)!
          .sort((a, b) => PARTY_ROLES.indexOf(a) - PARTY_ROLES.indexOf(b)),
        guardians: guardians.get(studentId) ?? [],
        notice: latest
          ? {
              id: latest.id,
              summary: latest.summary,
              sentAt: latest.createdAt,
              sentBy: names.get(latest.sentById) ?? null,
            }
          : null,
        noticesSent: theirs.length,
      };
    });
    // Targets' families first, then aggressors', then witnesses'; by name within each.
    return families.sort(
      (a, b) =>
        PARTY_ROLES.indexOf(a.roles[0]) - PARTY_ROLES.indexOf(b.roles[0]) ||
        a.student.displayName.localeCompare(b.student.displayName),
    );
  }
}

/**
 * What is wrong with the notices asked for, one sentence per notice (empty:
 * nothing): each must be for a different student linked to the case whose
 * family has a parent account to tell.
 */
export function noticeProblems(
  notices: readonly OutcomeNoticeInput[],
  families: ReadonlyMap<string, Pick<InvolvedFamily, 'guardians'>>,
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  notices.forEach(({ studentId }, index) => {
    const field = `notices[${index}].studentId`;
    const family = families.get(studentId);
    if (seen.has(studentId)) problems.push(`${field} names the same student twice`);
    else if (!family)
      problems.push(
        `${field} must be a student linked to this case (a target, an aggressor or a witness)`,
      );
    else if (family.guardians.length === 0)
      problems.push(
        `${field}: no active parent account is linked to this student, so nobody would be told; reach the family another way and record it as an intervention`,
      );
    seen.add(studentId);
  });
  return problems;
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Clock,
  ConflictError,
  NotAllowedError,
  NotFoundError,
  RuleViolationError,
  schoolDayDeadline,
  schoolYearOf,
} from '@app/common';
import {
  DirectoryService,
  inScope,
  Permission,
  roleMay,
  School,
  scopeOf,
  type Principal,
} from '@app/identity';
import { DataSource, EntityManager } from 'typeorm';
import { AnonymousAccess } from '../entities/anonymous-access.entity';
import { IncidentParty } from '../entities/incident-party.entity';
import { Incident } from '../entities/incident.entity';
import { escalationReasons } from '../escalation/escalation-terms';
import {
  generateTrackingCode,
  hashTrackingCode,
  normaliseTrackingCode,
} from '../anonymous/tracking-code';
import { RetryTrackingCodes } from '../anonymous/retry-tracking-codes';
import { anonymousKey, IdempotencyService } from '../idempotency/idempotency.service';
import type { ReporterKind } from '../incident.constants';
import { CaseRecorder } from '../recording/case-recorder';
import type {
  FiledAnonymousReport,
  FiledIncident,
  FileIncidentInput,
  IncidentReportInput,
} from './filing.types';

interface Filing {
  school: School;
  reporterId: string | null;
  reporterKind: ReporterKind;
  onBehalfOfStudentId: string | null;
  report: IncidentReportInput;
}

/** Filing a report: the checks, the deadlines, the escalation and the records, in one transaction. */
@Injectable()
export class FilingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly recorder: CaseRecorder,
    private readonly retryCodes: RetryTrackingCodes,
    private readonly clock: Clock,
    private readonly directory: DirectoryService,
  ) {}

  async file(
    principal: Principal,
    input: FileIncidentInput,
    idempotency?: { key: string; body: unknown },
  ): Promise<FiledIncident> {
    if (!roleMay(principal, Permission.IncidentFile)) {
      throw new NotAllowedError(
        'District administrators do not file reports; a school account does',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const work = async () => {
        const filing = await this.checkAccountFiling(manager, principal, input);
        const incident = await this.record(manager, filing);
        return summary(incident);
      };
      if (!idempotency) return work();
      const outcome = await this.idempotency.run(
        manager,
        { userId: principal.id, key: idempotency.key, body: idempotency.body },
        work,
      );
      return outcome.response;
    });
  }

  /**
   * With an Idempotency-Key, a retry of the same request gets the same
   * reference and tracking code. The stored answer holds the reference only;
   * the code is derived again (`RetryTrackingCodes`).
   */
  async fileAnonymous(
    schoolCode: string,
    report: IncidentReportInput,
    idempotency?: { key: string; body: unknown },
  ): Promise<FiledAnonymousReport> {
    return this.dataSource.transaction(async (manager) => {
      if (!idempotency) {
        return this.recordAnonymous(manager, schoolCode, report, generateTrackingCode);
      }
      const codeFor = (reference: string) => this.retryCodes.codeFor(reference, idempotency);
      const { replayed, response } = await this.idempotency.run(
        manager,
        { userId: null, key: anonymousKey(idempotency.key), body: idempotency.body },
        async () => ({
          reference: (await this.recordAnonymous(manager, schoolCode, report, codeFor)).reference,
        }),
      );
      const trackingCode = codeFor(response.reference);
      if (replayed) await this.requireTrackingCode(manager, response.reference, trackingCode);
      return { reference: response.reference, trackingCode };
    });
  }

  private async recordAnonymous(
    manager: EntityManager,
    schoolCode: string,
    report: IncidentReportInput,
    trackingCodeFor: (reference: string) => string,
  ): Promise<FiledAnonymousReport> {
    const school = await manager
      .getRepository(School)
      .findOneBy({ code: schoolCode.trim().toUpperCase() });
    if (!school) throw new NotFoundError(`No school has the code ${schoolCode}`);
    const incident = await this.record(manager, {
      school,
      reporterId: null,
      reporterKind: 'anonymous',
      onBehalfOfStudentId: null,
      report: {
        ...report,
        parties: report.parties?.map(({ role, name, note }) => ({ role, name, note })),
      },
    });
    const trackingCode = trackingCodeFor(incident.reference);
    await manager.getRepository(AnonymousAccess).insert({
      incidentId: incident.id,
      codeHash: hashTrackingCode(normaliseTrackingCode(trackingCode)!),
    });
    return { reference: incident.reference, trackingCode };
  }

  /** A derived code stops matching when the server secret changes: never answer a dead code. */
  private async requireTrackingCode(manager: EntityManager, reference: string, code: string) {
    const [access] = await manager.query<{ id: string }[]>(
      `SELECT a.id FROM anonymous_access a JOIN incidents i ON i.id = a.incident_id
        WHERE i.reference = $1 AND a.code_hash = $2`,
      [reference, hashTrackingCode(normaliseTrackingCode(code)!)],
    );
    if (!access) {
      throw new ConflictError(
        `Report ${reference} was filed with this Idempotency-Key, but its tracking code cannot be shown again: use the one from the first answer`,
      );
    }
  }

  /** Who may file what, for which school and child; 404 for anything outside reach. */
  private async checkAccountFiling(
    manager: EntityManager,
    principal: Principal,
    input: FileIncidentInput,
  ): Promise<Filing> {
    const school = await manager.getRepository(School).findOneBy({ id: input.schoolId });
    const onBehalf = input.onBehalfOfStudentId;
    if (onBehalf && !roleMay(principal, Permission.IncidentFileOnBehalf)) {
      throw new RuleViolationError(
        'onBehalfOfStudentId is for parents, counselors and school administrators filing for a student',
      );
    }
    if (principal.role === 'parent') {
      if (!onBehalf) {
        throw new RuleViolationError(
          'onBehalfOfStudentId is required: parents report about their child',
        );
      }
      const childSchoolId = await this.directory.schoolOfChild(principal.id, onBehalf, manager);
      if (!childSchoolId) throw new NotFoundError('Student not found');
      if (!school) throw new NotFoundError('School not found');
      if (childSchoolId !== school.id) {
        throw new RuleViolationError("schoolId must be your child's school");
      }
    } else {
      if (!school || !inScope(scopeOf(principal), school.id))
        throw new NotFoundError('School not found');
      if (onBehalf)
        await this.requireStudentOf(manager, school.id, onBehalf, 'onBehalfOfStudentId');
    }
    const linked = (input.parties ?? []).filter((party) => party.studentId);
    if (linked.length > 0 && !roleMay(principal, Permission.IncidentLinkStudent)) {
      throw new RuleViolationError(
        'Only school staff link parties to student records; describe the children by name instead',
      );
    }
    for (const [index, party] of (input.parties ?? []).entries()) {
      if (party.studentId) {
        await this.requireStudentOf(
          manager,
          school.id,
          party.studentId,
          `parties.${index}.studentId`,
        );
      }
    }
    return {
      school,
      reporterId: principal.id,
      reporterKind:
        principal.role === 'student' ? 'student' : principal.role === 'parent' ? 'parent' : 'staff',
      onBehalfOfStudentId: onBehalf ?? null,
      report: input,
    };
  }

  private async requireStudentOf(
    manager: EntityManager,
    schoolId: string,
    studentId: string,
    field: string,
  ) {
    if (!(await this.directory.isStudentOf(schoolId, studentId, manager)))
      throw new RuleViolationError(`${field} must be a student of this school`);
  }

  private async record(manager: EntityManager, filing: Filing): Promise<Incident> {
    const { school, report } = filing;
    const now = this.clock.now();
    const calendar = { timeZone: school.timeZone, holidays: school.holidays };
    const reasons = escalationReasons(report.urgent ?? false, [
      report.description,
      report.locationDetail ?? '',
      ...(report.parties ?? []).map((party) => party.note ?? ''),
    ]);
    const incident = await manager.getRepository(Incident).save(
      manager.getRepository(Incident).create({
        schoolId: school.id,
        districtId: school.districtId,
        reference: await this.nextReference(manager, school, now),
        reporterId: filing.reporterId,
        reporterKind: filing.reporterKind,
        onBehalfOfStudentId: filing.onBehalfOfStudentId,
        category: report.category,
        location: report.location,
        locationDetail: report.locationDetail ?? null,
        occurredAt: report.occurredAt,
        ongoing: report.ongoing ?? false,
        description: report.description,
        urgent: report.urgent ?? false,
        escalationReasons: reasons,
        status: 'submitted',
        severity: reasons.length > 0 ? 'critical' : null,
        triageDueAt: schoolDayDeadline(now, school.triageSchoolDays, calendar),
        resolveDueAt: schoolDayDeadline(now, school.resolveSchoolDays, calendar),
      }),
    );
    if (report.parties?.length) {
      await manager.getRepository(IncidentParty).insert(
        report.parties.map((party) => ({
          incidentId: incident.id,
          schoolId: school.id,
          role: party.role,
          studentId: party.studentId ?? null,
          name: party.name ?? null,
          note: party.note ?? null,
        })),
      );
    }
    await this.recorder.record(manager, {
      incident,
      actorId: filing.reporterId,
      event: { type: 'filed', visibility: 'shared', data: { reference: incident.reference } },
      audit: { action: 'incident.filed', details: { reference: incident.reference } },
      // A critical report alerts every caseworker (below) instead of the plain new-report notice.
      ...(reasons.length === 0
        ? { notice: { type: 'filed' as const, to: [{ kind: 'counselors' as const }] } }
        : {}),
    });
    if (reasons.length > 0) {
      await this.recorder.record(manager, {
        incident,
        actorId: null,
        event: {
          type: 'escalated',
          visibility: 'internal',
          data: { reasons, severity: 'critical' },
        },
        notice: {
          type: 'escalated',
          to: [{ kind: 'caseworkers' }],
          payload: { reasons },
          // A counselor who files a critical report knows about it already.
          exceptUserId: filing.reporterId,
        },
      });
    }
    return incident;
  }

  /** `MAPLE-2026-00042`: numbered per school and calendar year (the school's). */
  private async nextReference(manager: EntityManager, school: School, now: Date): Promise<string> {
    const year = schoolYearOf(now, school.timeZone);
    const [{ last_number }] = await manager.query<{ last_number: number }[]>(
      `INSERT INTO incident_counters (school_id, year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (school_id, year) DO UPDATE SET last_number = incident_counters.last_number + 1
       RETURNING last_number`,
      [school.id, year],
    );
    return `${school.code}-${year}-${String(last_number).padStart(5, '0')}`;
  }
}

function summary(incident: Incident): FiledIncident {
  return {
    id: incident.id,
    reference: incident.reference,
    status: incident.status,
    severity: incident.severity,
    triageDueAt: incident.triageDueAt,
    resolveDueAt: incident.resolveDueAt,
  };
}

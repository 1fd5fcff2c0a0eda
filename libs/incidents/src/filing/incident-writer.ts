import { Injectable } from '@nestjs/common';
import { Clock, schoolDayDeadline, schoolYearOf } from '@app/common';
import { schoolCalendarOf, type School } from '@app/identity';
import { EntityManager } from 'typeorm';
import { AfterHoursReplies } from '../after-hours/after-hours-replies';
import { IncidentParty } from '../entities/incident-party.entity';
import { Incident } from '../entities/incident.entity';
import { districtDangerTerms } from '../escalation/danger-terms.service';
import { escalationReasons } from '../escalation/escalation-terms';
import type { ReporterKind } from '../incident.constants';
import { CaseRecorder } from '../recording/case-recorder';
import { TargetFamilies } from '../recording/target-families';
import type { IncidentReportInput } from './filing.types';

/** A report that passed the checks of its channel (an account, or a school's public code). */
export interface Filing {
  school: School;
  reporterId: string | null;
  reporterKind: ReporterKind;
  onBehalfOfStudentId: string | null;
  report: IncidentReportInput;
  /** The language an anonymous reporter chose for the school's automatic replies. */
  reporterLocale?: 'en' | 'es' | null;
}

/**
 * Writes a new report, whatever channel it came through: its reference, its
 * school-day deadlines, its escalation when it speaks of danger, its parties,
 * and the records of the filing, with the caller's transaction.
 */
@Injectable()
export class IncidentWriter {
  constructor(
    private readonly recorder: CaseRecorder,
    private readonly clock: Clock,
    private readonly targetFamilies: TargetFamilies,
    private readonly afterHours: AfterHoursReplies,
  ) {}

  async write(manager: EntityManager, filing: Filing): Promise<Incident> {
    const { school, report } = filing;
    const now = this.clock.now();
    // Weekends, the school's holidays and days off, its district's, its year.
    const calendar = await schoolCalendarOf(manager, school.id);
    const reasons = escalationReasons(
      report.urgent ?? false,
      [
        report.description,
        report.locationDetail ?? '',
        ...(report.parties ?? []).map((party) => party.note ?? ''),
      ],
      // The built-in terms and the district's own.
      await districtDangerTerms(manager, school.districtId),
    );
    const incident = await manager.getRepository(Incident).save(
      manager.getRepository(Incident).create({
        schoolId: school.id,
        districtId: school.districtId,
        reference: await this.nextReference(manager, school, now),
        reporterId: filing.reporterId,
        reporterKind: filing.reporterKind,
        reporterLocale: filing.reporterLocale ?? null,
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
    // The guardians of a child named as a target hear that a report concerns their child.
    await this.targetFamilies.tell(
      manager,
      incident,
      (report.parties ?? []).map((party) => ({
        role: party.role,
        studentId: party.studentId ?? null,
      })),
      filing.reporterId,
    );
    // Filed while the school is closed: the automatic reply in the reporter's thread.
    await this.afterHours.replyIfClosed(manager, {
      incident,
      threadStudentId: null,
      authorId: filing.reporterId,
      authorKind: filing.reporterKind,
    });
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

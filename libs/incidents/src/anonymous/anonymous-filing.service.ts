import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictError, NotFoundError } from '@app/common';
import { School } from '@app/identity';
import { DataSource, EntityManager } from 'typeorm';
import { AnonymousAccess } from '../entities/anonymous-access.entity';
import type { FiledAnonymousReport, IncidentReportInput } from '../filing/filing.types';
import { IncidentWriter } from '../filing/incident-writer';
import { HelpService } from '../after-hours/help';
import { anonymousKey, IdempotencyService } from '../idempotency/idempotency.service';
import { RetryTrackingCodes } from './retry-tracking-codes';
import { generateTrackingCode, hashTrackingCode, normaliseTrackingCode } from './tracking-code';

/** Filing a report with a school's public code: no account, a one-time tracking code. */
@Injectable()
export class AnonymousFilingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly writer: IncidentWriter,
    private readonly retryCodes: RetryTrackingCodes,
    private readonly help: HelpService,
  ) {}

  /**
   * With an Idempotency-Key, a retry of the same request gets the same
   * reference and tracking code. The stored answer holds the reference only;
   * the code is derived again (`RetryTrackingCodes`).
   */
  async file(
    schoolCode: string,
    report: IncidentReportInput,
    idempotency?: { key: string; body: unknown },
    reporterLocale: 'en' | 'es' | null = null,
  ): Promise<FiledAnonymousReport> {
    return this.dataSource.transaction(async (manager) => {
      if (!idempotency) {
        return this.recordAnonymous(
          manager,
          schoolCode,
          report,
          generateTrackingCode,
          reporterLocale,
        );
      }
      const codeFor = (reference: string) => this.retryCodes.codeFor(reference, idempotency);
      let filed: FiledAnonymousReport | undefined;
      const { replayed, response } = await this.idempotency.run(
        manager,
        { userId: null, key: anonymousKey(idempotency.key), body: idempotency.body },
        async () => {
          filed = await this.recordAnonymous(manager, schoolCode, report, codeFor, reporterLocale);
          return { reference: filed.reference };
        },
      );
      if (!replayed && filed) return filed;
      return this.replayed(manager, response.reference, codeFor(response.reference));
    });
  }

  private async recordAnonymous(
    manager: EntityManager,
    schoolCode: string,
    report: IncidentReportInput,
    trackingCodeFor: (reference: string) => string,
    reporterLocale: 'en' | 'es' | null,
  ): Promise<FiledAnonymousReport> {
    const school = await manager
      .getRepository(School)
      .findOneBy({ code: schoolCode.trim().toUpperCase() });
    if (!school) throw new NotFoundError(`No school has the code ${schoolCode}`);
    const incident = await this.writer.write(manager, {
      school,
      reporterId: null,
      reporterKind: 'anonymous',
      onBehalfOfStudentId: null,
      reporterLocale,
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
    return {
      reference: incident.reference,
      trackingCode,
      triageDueAt: incident.triageDueAt,
      resolveDueAt: incident.resolveDueAt,
      schoolTimeZone: school.timeZone,
      help: await this.help.of(manager, school.id),
    };
  }

  /**
   * The first answer again, for a retry: the stored answer holds the reference
   * only, so the due dates are read back. A derived code stops matching when the
   * server secret changes: never answer a dead code.
   */
  private async replayed(
    manager: EntityManager,
    reference: string,
    trackingCode: string,
  ): Promise<FiledAnonymousReport> {
    const [filed] = await manager.query<
      { triage_due_at: Date; resolve_due_at: Date; time_zone: string; school_id: string }[]
    >(
      `SELECT i.triage_due_at, i.resolve_due_at, s.time_zone, s.id AS school_id
         FROM anonymous_access a
         JOIN incidents i ON i.id = a.incident_id
         JOIN schools s ON s.id = i.school_id
        WHERE i.reference = $1 AND a.code_hash = $2`,
      [reference, hashTrackingCode(normaliseTrackingCode(trackingCode)!)],
    );
    if (!filed) {
      throw new ConflictError(
        `Report ${reference} was filed with this Idempotency-Key, but its tracking code cannot be shown again: use the one from the first answer`,
      );
    }
    return {
      reference,
      trackingCode,
      triageDueAt: filed.triage_due_at,
      resolveDueAt: filed.resolve_due_at,
      schoolTimeZone: filed.time_zone,
      help: await this.help.of(manager, filed.school_id),
    };
  }
}

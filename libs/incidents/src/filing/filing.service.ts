import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotAllowedError, NotFoundError, RuleViolationError } from '@app/common';
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
import type { Incident } from '../entities/incident.entity';
import { HelpService, type Help } from '../after-hours/help';
import { IdempotencyService } from '../idempotency/idempotency.service';
import type { FiledIncident, FileIncidentInput } from './filing.types';
import { IncidentWriter, type Filing } from './incident-writer';

/** Filing a report from an account: who may file what, for which school and child, in one transaction. */
@Injectable()
export class FilingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly writer: IncidentWriter,
    private readonly directory: DirectoryService,
    private readonly help: HelpService,
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
        const incident = await this.writer.write(manager, filing);
        return summary(
          incident,
          filing.school.timeZone,
          await this.help.of(manager, incident.schoolId),
        );
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
}

function summary(incident: Incident, schoolTimeZone: string, help: Help): FiledIncident {
  return {
    id: incident.id,
    reference: incident.reference,
    status: incident.status,
    severity: incident.severity,
    triageDueAt: incident.triageDueAt,
    resolveDueAt: incident.resolveDueAt,
    schoolTimeZone,
    help,
  };
}

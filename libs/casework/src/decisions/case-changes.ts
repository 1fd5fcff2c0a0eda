import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictError, RuleViolationError } from '@app/common';
import { DirectoryService, Permission, type Principal } from '@app/identity';
import {
  CaseRecorder,
  Incident,
  IncidentAccessService,
  IncidentViewsService,
  type StaffIncidentView,
  type Status,
} from '@app/incidents';
import { DataSource, EntityManager } from 'typeorm';
import {
  allowedActions,
  nextStatus,
  type CaseAction,
  type CaseHistory,
} from '../workflow/workflow';

export type Changes = Partial<
  Pick<
    Incident,
    | 'status'
    | 'severity'
    | 'category'
    | 'assigneeId'
    | 'resolvedAt'
    | 'outcome'
    | 'resolutionSummary'
    | 'dismissalReason'
    | 'triageDueAt'
    | 'resolveDueAt'
  >
>;

/**
 * What every caseworker decision shares: it locks the incident, checks the
 * caller's `incident.decide` permission, the version they read and the
 * workflow, and writes the change with its timeline events, audit entry and
 * notices in one transaction.
 */
@Injectable()
export class CaseChanges {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IncidentAccessService,
    private readonly recorder: CaseRecorder,
    private readonly views: IncidentViewsService,
    private readonly directory: DirectoryService,
  ) {}

  /** Locks the case, checks reach and version, runs the change, answers the fresh staff view. */
  async change(
    principal: Principal,
    incidentId: string,
    version: number,
    work: (manager: EntityManager, incident: Incident) => Promise<void>,
  ): Promise<StaffIncidentView> {
    await this.dataSource.transaction(async (manager) => {
      const { incident } = await this.access.require({
        principal,
        permission: Permission.IncidentDecide,
        incidentId,
        manager,
        lock: true,
      });
      if (incident.version !== version) {
        throw new ConflictError(
          `The incident changed since you read it (you sent version ${version}, it is now ${incident.version}): reload it and decide again`,
        );
      }
      await work(manager, incident);
    });
    return this.views.staffViewOf(incidentId);
  }

  advance(status: Status, action: CaseAction, history?: CaseHistory): Status {
    const next = nextStatus(status, action, history);
    if (!next) {
      const allowed = allowedActions(status);
      throw new ConflictError(
        `Cannot ${action} an incident that is ${status}; allowed now: ${allowed.length ? allowed.join(', ') : 'nothing (the case is closed)'}`,
      );
    }
    return next;
  }

  async apply(manager: EntityManager, incident: Incident, changes: Changes): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Incident)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id', { id: incident.id })
      .execute();
  }

  async statusChanged(manager: EntityManager, incident: Incident, actorId: string, to: Status) {
    await this.recorder.record(manager, {
      incident,
      actorId,
      event: { type: 'status_changed', visibility: 'shared', data: { from: incident.status, to } },
      notice: {
        type: 'status_changed',
        to: [{ kind: 'family' }],
        payload: { from: incident.status, status: to },
      },
    });
  }

  async assigned(manager: EntityManager, incident: Incident, actorId: string, assigneeId: string) {
    await this.recorder.record(manager, {
      incident,
      actorId,
      event: { type: 'assigned', visibility: 'internal', data: { assigneeId } },
      audit: { action: 'incident.assigned', details: { assigneeId } },
      notice: {
        type: 'assigned',
        to: [{ kind: 'user', userId: assigneeId }],
        payload: { assigneeId },
      },
    });
  }

  /** Cases go to the school's counselors and administrators only. */
  async requireAssignable(manager: EntityManager, schoolId: string, userId: string): Promise<void> {
    if (!(await this.directory.isCaseworkerOf(schoolId, userId, manager))) {
      throw new RuleViolationError(
        'assigneeId must be an active counselor or administrator of the school',
      );
    }
  }
}

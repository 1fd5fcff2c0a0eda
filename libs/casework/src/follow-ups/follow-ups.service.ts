import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, ConflictError, NotFoundError, RuleViolationError } from '@app/common';
import { DirectoryService, Permission, type Principal } from '@app/identity';
import { CaseRecorder, IncidentAccessService, type Incident } from '@app/incidents';
import { DataSource, EntityManager } from 'typeorm';
import {
  IncidentAction,
  type ActionStatus,
  type ActionType,
} from '../entities/incident-action.entity';
import { isTodayOrLater } from './reminder-due';

export interface PlanInput {
  type: ActionType;
  description: string;
  /** `YYYY-MM-DD`, today or later in the school's time zone. */
  scheduledFor: string;
  /** A caseworker of the school; the caller when absent. */
  ownerId?: string;
}

export interface CompleteInput {
  takenAt: Date;
  /** What was done; the planned description stays when absent. */
  description?: string;
}

export interface FollowUp {
  id: string;
  type: ActionType;
  description: string;
  status: ActionStatus;
  scheduledFor: string;
  owner: { id: string; displayName: string };
  takenAt: Date | null;
  remindedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  recordedBy: { id: string; displayName: string };
  createdAt: Date;
}

/** Statuses on which no follow-up can be planned any more. */
const FINISHED = ['closed', 'dismissed'];

/**
 * Planned interventions ("a check-in in two weeks"): planned for a day with an
 * owner, reminded once on that morning (`FollowUpReminders`), then done or
 * cancelled. Each step is one transaction with its timeline event and audit row.
 */
@Injectable()
export class FollowUpsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IncidentAccessService,
    private readonly recorder: CaseRecorder,
    private readonly directory: DirectoryService,
    private readonly clock: Clock,
  ) {}

  plan(principal: Principal, incidentId: string, input: PlanInput): Promise<FollowUp> {
    return this.onCase(principal, incidentId, async (manager, incident) => {
      if (FINISHED.includes(incident.status)) {
        throw new RuleViolationError(`No follow-up can be planned on a ${incident.status} case`);
      }
      const timeZone = await this.timeZoneOf(manager, incident.schoolId);
      if (!isTodayOrLater(input.scheduledFor, this.clock.now(), timeZone)) {
        throw new RuleViolationError('scheduledFor must be today or later (school time)');
      }
      const ownerId = input.ownerId ?? principal.id;
      if (!(await this.directory.isCaseworkerOf(incident.schoolId, ownerId, manager))) {
        throw new RuleViolationError(
          'ownerId must be an active counselor or administrator of the school',
        );
      }
      const repository = manager.getRepository(IncidentAction);
      const action = await repository.save(
        repository.create({
          incidentId,
          schoolId: incident.schoolId,
          type: input.type,
          description: input.description,
          status: 'planned',
          takenAt: null,
          scheduledFor: input.scheduledFor,
          ownerId,
          recordedById: principal.id,
        }),
      );
      await this.recorder.record(manager, {
        incident,
        actorId: principal.id,
        event: {
          type: 'follow_up_scheduled',
          visibility: 'internal',
          data: {
            actionId: action.id,
            type: action.type,
            description: action.description,
            scheduledFor: input.scheduledFor,
            ownerId,
          },
        },
        audit: {
          action: 'follow_up.scheduled',
          details: { actionId: action.id, scheduledFor: input.scheduledFor, ownerId },
        },
      });
      return this.view(manager, action.id);
    });
  }

  /** Every follow-up of the case (planned first, by day), for its staff. */
  async list(principal: Principal, incidentId: string): Promise<FollowUp[]> {
    await this.access.require({ principal, permission: Permission.IncidentDecide, incidentId });
    return this.views(this.dataSource.manager, 'a.incident_id = $1', [incidentId]);
  }

  complete(
    principal: Principal,
    incidentId: string,
    actionId: string,
    input: CompleteInput,
  ): Promise<FollowUp> {
    return this.onCase(principal, incidentId, async (manager, incident) => {
      const action = await this.plannedOne(manager, incidentId, actionId);
      action.status = 'done';
      action.takenAt = input.takenAt;
      if (input.description) action.description = input.description;
      await manager.getRepository(IncidentAction).save(action);
      await this.recorder.record(manager, {
        incident,
        actorId: principal.id,
        event: {
          type: 'follow_up_completed',
          visibility: 'internal',
          data: {
            actionId,
            type: action.type,
            description: action.description,
            takenAt: action.takenAt,
            scheduledFor: action.scheduledFor,
          },
        },
        audit: { action: 'follow_up.completed', details: { actionId, type: action.type } },
      });
      return this.view(manager, actionId);
    });
  }

  cancel(
    principal: Principal,
    incidentId: string,
    actionId: string,
    reason: string,
  ): Promise<FollowUp> {
    return this.onCase(principal, incidentId, async (manager, incident) => {
      const action = await this.plannedOne(manager, incidentId, actionId);
      action.status = 'cancelled';
      action.cancelledAt = this.clock.now();
      action.cancelReason = reason;
      await manager.getRepository(IncidentAction).save(action);
      await this.recorder.record(manager, {
        incident,
        actorId: principal.id,
        event: {
          type: 'follow_up_cancelled',
          visibility: 'internal',
          data: { actionId, type: action.type, scheduledFor: action.scheduledFor, reason },
        },
        audit: { action: 'follow_up.cancelled', details: { actionId, reason } },
      });
      return this.view(manager, actionId);
    });
  }

  /** The follow-up, locked; 404 when it is not one of this case, 409 when no longer planned. */
  private async plannedOne(
    manager: EntityManager,
    incidentId: string,
    actionId: string,
  ): Promise<IncidentAction> {
    const action = await manager
      .getRepository(IncidentAction)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.id = :actionId AND a.incidentId = :incidentId', { actionId, incidentId })
      .getOne();
    if (!action || !action.scheduledFor) throw new NotFoundError('Follow-up not found');
    if (action.status !== 'planned') {
      throw new ConflictError(`This follow-up is already ${action.status}`);
    }
    return action;
  }

  private async timeZoneOf(manager: EntityManager, schoolId: string): Promise<string> {
    const [school] = await manager.query<{ time_zone: string }[]>(
      'SELECT time_zone FROM schools WHERE id = $1',
      [schoolId],
    );
    return school.time_zone;
  }

  private async view(manager: EntityManager, actionId: string): Promise<FollowUp> {
    const [followUp] = await this.views(manager, 'a.id = $1', [actionId]);
    return followUp;
  }

  private async views(manager: EntityManager, where: string, params: unknown[]) {
    const rows = await manager.query<FollowUpRow[]>(
      `SELECT a.id, a.type, a.description, a.status, a.scheduled_for::text AS scheduled_for,
              a.owner_id, o.display_name AS owner_name, a.taken_at, a.reminded_at,
              a.cancelled_at, a.cancel_reason, a.recorded_by_id, r.display_name AS recorder_name,
              a.created_at
         FROM incident_actions a
         JOIN users o ON o.id = a.owner_id
         JOIN users r ON r.id = a.recorded_by_id
        WHERE a.scheduled_for IS NOT NULL AND ${where}
        ORDER BY a.status = 'planned' DESC, a.scheduled_for, a.created_at, a.id`,
      params,
    );
    return rows.map((row): FollowUp => ({
      id: row.id,
      type: row.type,
      description: row.description,
      status: row.status,
      scheduledFor: row.scheduled_for,
      owner: { id: row.owner_id, displayName: row.owner_name },
      takenAt: row.taken_at,
      remindedAt: row.reminded_at,
      cancelledAt: row.cancelled_at,
      cancelReason: row.cancel_reason,
      recordedBy: { id: row.recorded_by_id, displayName: row.recorder_name },
      createdAt: row.created_at,
    }));
  }

  private onCase<T>(
    principal: Principal,
    incidentId: string,
    work: (manager: EntityManager, incident: Incident) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const { incident } = await this.access.require({
        principal,
        permission: Permission.IncidentDecide,
        incidentId,
        manager,
      });
      return work(manager, incident);
    });
  }
}

interface FollowUpRow {
  id: string;
  type: ActionType;
  description: string;
  status: ActionStatus;
  scheduled_for: string;
  owner_id: string;
  owner_name: string;
  taken_at: Date | null;
  reminded_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  recorded_by_id: string;
  recorder_name: string;
  created_at: Date;
}

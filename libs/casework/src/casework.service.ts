import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@app/common';
import { DirectoryService, Permission, School, type Principal } from '@app/identity';
import {
  CaseRecorder,
  Incident,
  IncidentAccessService,
  IncidentParty,
  IncidentViewsService,
  type Category,
  type DismissalReason,
  type Outcome,
  type Severity,
  type StaffIncidentView,
  type Status,
  type TimelineEventType,
} from '@app/incidents';
import { DataSource, EntityManager, In } from 'typeorm';
import { DeadlineNotice } from './entities/deadline-notice.entity';
import { reopenedDeadlines } from './deadlines/reopened-deadlines';
import {
  allowedActions,
  nextStatus,
  requiresReason,
  type CaseAction,
  type CaseHistory,
} from './workflow/workflow';

export interface TriageInput {
  version: number;
  severity: Severity;
  category?: Category;
  assigneeId?: string;
  partyLinks?: { partyId: string; studentId: string }[];
}

export interface TransitionInput {
  version: number;
  action: Exclude<CaseAction, 'triage' | 'resolve'>;
  reason?: string;
  reasonCode?: DismissalReason;
}

export interface ResolveInput {
  version: number;
  outcome: Outcome;
  summary: string;
}

const TRANSITION_EVENTS: Record<TransitionInput['action'], TimelineEventType> = {
  start: 'investigation_started',
  dismiss: 'dismissed',
  close: 'closed',
  reopen: 'reopened',
};

type Changes = Partial<
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
 * A caseworker's decisions on a case. Each one locks the incident, checks the
 * version the caller read and the workflow, and writes the change with its
 * timeline events, audit entry and notices in one transaction.
 */
@Injectable()
export class CaseworkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IncidentAccessService,
    private readonly recorder: CaseRecorder,
    private readonly views: IncidentViewsService,
    private readonly clock: Clock,
    private readonly directory: DirectoryService,
  ) {}

  triage(principal: Principal, incidentId: string, input: TriageInput): Promise<StaffIncidentView> {
    return this.change(principal, incidentId, input.version, async (manager, incident) => {
      const status = this.advance(incident.status, 'triage');
      if (input.assigneeId)
        await this.requireAssignable(manager, incident.schoolId, input.assigneeId);
      for (const link of input.partyLinks ?? [])
        await this.link(manager, incident, link, principal.id);
      const changes: Changes = { status, severity: input.severity };
      if (input.category) changes.category = input.category;
      if (input.assigneeId) changes.assigneeId = input.assigneeId;
      await this.apply(manager, incident, changes);
      await this.statusChanged(manager, incident, principal.id, status);
      await this.recorder.record(manager, {
        incident,
        actorId: principal.id,
        event: {
          type: 'triaged',
          visibility: 'internal',
          data: { severity: input.severity, category: changes.category ?? incident.category },
        },
        audit: { action: 'incident.triaged', details: { ...input } },
      });
      if (input.assigneeId) await this.assigned(manager, incident, principal.id, input.assigneeId);
    });
  }

  assign(principal: Principal, incidentId: string, version: number, assigneeId: string) {
    return this.change(principal, incidentId, version, async (manager, incident) => {
      if (incident.status === 'closed') {
        throw new ConflictException(
          'A closed incident cannot be assigned; reopen is not possible for closed cases',
        );
      }
      await this.requireAssignable(manager, incident.schoolId, assigneeId);
      await this.apply(manager, incident, { assigneeId });
      await this.assigned(manager, incident, principal.id, assigneeId);
    });
  }

  transition(principal: Principal, incidentId: string, input: TransitionInput) {
    return this.change(principal, incidentId, input.version, async (manager, incident) => {
      const history =
        input.action === 'reopen' ? await this.historyOf(manager, incident) : undefined;
      const status = this.advance(incident.status, input.action, history);
      const reason = input.reason?.trim();
      if (requiresReason(input.action) && !reason) {
        throw new UnprocessableEntityException(`reason is required to ${input.action}`);
      }
      if (input.reasonCode && input.action !== 'dismiss') {
        throw new UnprocessableEntityException('reasonCode is only for dismiss');
      }
      const deadlines =
        input.action === 'reopen' ? await this.restartDeadlines(manager, incident, status) : {};
      const changes: Changes = { status, ...deadlines };
      if (input.action === 'dismiss') changes.dismissalReason = input.reasonCode ?? 'other';
      if (input.action === 'reopen') {
        Object.assign(changes, {
          resolvedAt: null,
          outcome: null,
          resolutionSummary: null,
          dismissalReason: null,
        });
      }
      await this.apply(manager, incident, changes);
      await this.statusChanged(manager, incident, principal.id, status);
      await this.recorder.record(manager, {
        incident,
        actorId: principal.id,
        event: {
          type: TRANSITION_EVENTS[input.action],
          visibility: 'internal',
          data: {
            ...(reason ? { reason } : {}),
            ...(changes.dismissalReason ? { reasonCode: changes.dismissalReason } : {}),
            ...deadlines,
          },
        },
        audit: {
          action: `incident.${TRANSITION_EVENTS[input.action]}`,
          details: { from: incident.status, to: status, reason },
        },
      });
    });
  }

  resolve(principal: Principal, incidentId: string, input: ResolveInput) {
    return this.change(principal, incidentId, input.version, async (manager, incident) => {
      const status = this.advance(incident.status, 'resolve');
      await this.apply(manager, incident, {
        status,
        resolvedAt: this.clock.now(),
        outcome: input.outcome,
        resolutionSummary: input.summary,
      });
      await this.recorder.record(manager, {
        incident,
        actorId: principal.id,
        event: {
          type: 'resolved',
          visibility: 'shared',
          data: { outcome: input.outcome, summary: input.summary },
        },
        audit: { action: 'incident.resolved', details: { outcome: input.outcome } },
        notice: {
          type: 'resolved',
          to: [{ kind: 'family' }],
          payload: { outcome: input.outcome },
        },
      });
    });
  }

  /** Locks the case, checks reach and version, runs the change, answers the fresh staff view. */
  private async change(
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
        throw new ConflictException(
          `The incident changed since you read it (you sent version ${version}, it is now ${incident.version}): reload it and decide again`,
        );
      }
      await work(manager, incident);
    });
    return this.views.staffViewOf(incidentId);
  }

  private advance(status: Status, action: CaseAction, history?: CaseHistory): Status {
    const next = nextStatus(status, action, history);
    if (!next) {
      const allowed = allowedActions(status);
      throw new ConflictException(
        `Cannot ${action} an incident that is ${status}; allowed now: ${allowed.length ? allowed.join(', ') : 'nothing (the case is closed)'}`,
      );
    }
    return next;
  }

  /** Whether a caseworker ever triaged the case: its timeline has a `triaged` event. */
  private async historyOf(manager: EntityManager, incident: Incident): Promise<CaseHistory> {
    const [row] = await manager.query<{ triaged: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM incident_events WHERE incident_id = $1 AND type = 'triaged') AS triaged`,
      [incident.id],
    );
    return { triaged: row.triaged };
  }

  /**
   * Counts the deadlines still ahead of a reopened case again from now, and
   * forgets the notices already sent for the old ones, so that the reminder
   * and the overdue escalation come again for the new deadlines.
   */
  private async restartDeadlines(manager: EntityManager, incident: Incident, to: Status) {
    const school = await manager.getRepository(School).findOneByOrFail({ id: incident.schoolId });
    const deadlines = reopenedDeadlines(to, this.clock.now(), school);
    await manager.getRepository(DeadlineNotice).delete({
      incidentId: incident.id,
      deadline: In(deadlines.triageDueAt ? ['triage', 'resolve'] : ['resolve']),
    });
    return deadlines;
  }

  private async apply(manager: EntityManager, incident: Incident, changes: Changes): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Incident)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id', { id: incident.id })
      .execute();
  }

  private async statusChanged(
    manager: EntityManager,
    incident: Incident,
    actorId: string,
    to: Status,
  ) {
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

  private async assigned(
    manager: EntityManager,
    incident: Incident,
    actorId: string,
    assigneeId: string,
  ) {
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
  private async requireAssignable(
    manager: EntityManager,
    schoolId: string,
    userId: string,
  ): Promise<void> {
    if (!(await this.directory.isCaseworkerOf(schoolId, userId, manager))) {
      throw new UnprocessableEntityException(
        'assigneeId must be an active counselor or administrator of the school',
      );
    }
  }

  private async link(
    manager: EntityManager,
    incident: Incident,
    link: { partyId: string; studentId: string },
    actorId: string,
  ): Promise<void> {
    if (!(await this.directory.isStudentOf(incident.schoolId, link.studentId, manager)))
      throw new UnprocessableEntityException(
        'partyLinks.studentId must be a student of the school',
      );
    const result = await manager
      .getRepository(IncidentParty)
      .update({ id: link.partyId, incidentId: incident.id }, { studentId: link.studentId });
    if (!result.affected)
      throw new UnprocessableEntityException('partyLinks.partyId must be a party of this incident');
    await this.recorder.record(manager, {
      incident,
      actorId,
      event: { type: 'party_linked', visibility: 'internal', data: link },
    });
  }
}

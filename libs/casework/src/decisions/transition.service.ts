import { Injectable } from '@nestjs/common';
import { Clock, RuleViolationError } from '@app/common';
import { School, schoolCalendarOf, type Principal } from '@app/identity';
import {
  CaseRecorder,
  Incident,
  type DismissalReason,
  type Status,
  type TimelineEventType,
} from '@app/incidents';
import { EntityManager, In } from 'typeorm';
import { reopenedDeadlines } from '../deadlines/reopened-deadlines';
import { DeadlineNotice } from '../entities/deadline-notice.entity';
import { requiresReason, type CaseAction, type CaseHistory } from '../workflow/workflow';
import { CaseChanges, type Changes } from './case-changes';

export interface TransitionInput {
  version: number;
  action: Exclude<CaseAction, 'triage' | 'resolve'>;
  reason?: string;
  reasonCode?: DismissalReason;
}

const TRANSITION_EVENTS: Record<TransitionInput['action'], TimelineEventType> = {
  start: 'investigation_started',
  dismiss: 'dismissed',
  close: 'closed',
  reopen: 'reopened',
};

/** Start, dismiss, close and reopen a case. */
@Injectable()
export class TransitionService {
  constructor(
    private readonly changes: CaseChanges,
    private readonly recorder: CaseRecorder,
    private readonly clock: Clock,
  ) {}

  transition(principal: Principal, incidentId: string, input: TransitionInput) {
    return this.changes.change(principal, incidentId, input.version, async (manager, incident) => {
      const history =
        input.action === 'reopen' ? await this.historyOf(manager, incident) : undefined;
      const status = this.changes.advance(incident.status, input.action, history);
      const reason = input.reason?.trim();
      if (requiresReason(input.action) && !reason) {
        throw new RuleViolationError(`reason is required to ${input.action}`);
      }
      if (input.reasonCode && input.action !== 'dismiss') {
        throw new RuleViolationError('reasonCode is only for dismiss');
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
      await this.changes.apply(manager, incident, changes);
      await this.changes.statusChanged(manager, incident, principal.id, status);
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
    const calendar = await schoolCalendarOf(manager, school.id);
    const deadlines = reopenedDeadlines(to, this.clock.now(), school, calendar);
    await manager.getRepository(DeadlineNotice).delete({
      incidentId: incident.id,
      deadline: In(deadlines.triageDueAt ? ['triage', 'resolve'] : ['resolve']),
    });
    return deadlines;
  }
}

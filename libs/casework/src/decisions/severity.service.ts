import { Injectable } from '@nestjs/common';
import { ConflictError, RuleViolationError } from '@app/common';
import type { Principal } from '@app/identity';
import {
  CaseRecorder,
  criticalReasons,
  type Severity,
  type StaffIncidentView,
} from '@app/incidents';
import { staffActions } from '../workflow/staff-actions';
import { CaseChanges } from './case-changes';

export interface SeverityInput {
  version: number;
  severity: Severity;
  reason: string;
}

/**
 * A caseworker changes a triaged case's severity, saying why: an internal
 * `severity_changed` entry (from, to, reason) and an `incident.severity_changed`
 * audit row with the version bump. Raising a case to critical raises the
 * school's critical alert and tells every counselor and school admin, as a
 * report filed critical does; its critical reasons are the escalation at
 * filing when there was one, else `triage` (a caseworker's decision).
 */
@Injectable()
export class SeverityService {
  constructor(
    private readonly changes: CaseChanges,
    private readonly recorder: CaseRecorder,
  ) {}

  change(
    principal: Principal,
    incidentId: string,
    input: SeverityInput,
  ): Promise<StaffIncidentView> {
    return this.changes.change(principal, incidentId, input.version, async (manager, incident) => {
      if (!staffActions(incident.status).includes('change_severity')) {
        throw new ConflictError(
          incident.status === 'submitted'
            ? 'The severity of a case is set at triage: triage it first'
            : `The severity of an incident that is ${incident.status} cannot change${incident.status === 'dismissed' ? ': reopen it first' : ''}`,
        );
      }
      const from = incident.severity;
      if (from === input.severity)
        throw new RuleViolationError(`severity is ${from} already: send another one`);
      await this.changes.apply(manager, incident, { severity: input.severity });
      const data = { from, to: input.severity, reason: input.reason };
      // `incident` still holds the severity before the change: becoming critical raises the alert.
      await this.recorder.record(manager, {
        incident,
        actorId: principal.id,
        event: { type: 'severity_changed', visibility: 'internal', data },
        audit: { action: 'incident.severity_changed', details: data },
        ...(input.severity === 'critical'
          ? {
              notice: {
                type: 'escalated' as const,
                to: [{ kind: 'caseworkers' as const }],
                payload: {
                  reasons: criticalReasons({
                    severity: 'critical',
                    escalationReasons: incident.escalationReasons,
                  }),
                },
              },
            }
          : {}),
      });
    });
  }
}

import { criticalReasons } from '../escalation/critical-reasons';
import type { Incident } from '../entities/incident.entity';
import type { InvolvedRole } from '@app/identity';
import type {
  InvolvedFamilyIncidentSummary,
  OwnIncidentSummary,
  PersonRef,
  StaffIncidentSummary,
} from './incident.views';
import { nextDeadline } from './view-parts';

/** The columns a summary needs: lists never load descriptions (up to 10,000 characters each). */
export const SUMMARY_COLUMNS = [
  'id',
  'reference',
  'schoolId',
  'reporterId',
  'status',
  'severity',
  'category',
  'location',
  'urgent',
  'escalationReasons',
  'assigneeId',
  'occurredAt',
  'triageDueAt',
  'resolveDueAt',
  'resolvedAt',
  'createdAt',
].map((column) => `incident.${column}`);

/** One line of the caseworker's queue. */
export function staffSummary(
  incident: Incident,
  schoolTimeZone: string,
  assignee: PersonRef | null,
): StaffIncidentSummary {
  return {
    view: 'staff',
    id: incident.id,
    reference: incident.reference,
    schoolId: incident.schoolId,
    status: incident.status,
    severity: incident.severity,
    category: incident.category,
    location: incident.location,
    urgent: incident.urgent,
    critical: incident.severity === 'critical',
    criticalReasons: criticalReasons(incident),
    assigneeId: incident.assigneeId,
    assignee,
    occurredAt: incident.occurredAt,
    triageDueAt: incident.triageDueAt,
    resolveDueAt: incident.resolveDueAt,
    dueAt: nextDeadline(incident),
    schoolTimeZone,
    createdAt: incident.createdAt,
  };
}

export function ownSummary(
  incident: Incident,
  view: 'reporter' | 'family',
  schoolTimeZone: string,
  child: PersonRef | null,
): OwnIncidentSummary {
  return {
    view,
    id: incident.id,
    reference: incident.reference,
    status: incident.status,
    category: incident.category,
    location: incident.location,
    occurredAt: incident.occurredAt,
    triageDueAt: incident.triageDueAt,
    resolveDueAt: incident.resolveDueAt,
    dueAt: nextDeadline(incident),
    schoolTimeZone,
    child,
    resolvedAt: incident.resolvedAt,
    createdAt: incident.createdAt,
  };
}

/** A line for the parents of a linked aggressor or witness: their child's part and the status, nothing of the report. */
export function involvedFamilySummary(
  incident: Incident,
  child: PersonRef,
  childRole: InvolvedRole,
): InvolvedFamilyIncidentSummary {
  return {
    view: 'involved_family',
    id: incident.id,
    reference: incident.reference,
    status: incident.status,
    child,
    childRole,
    resolvedAt: incident.resolvedAt,
    createdAt: incident.createdAt,
  };
}

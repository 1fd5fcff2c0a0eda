import { staffActions } from '@app/casework';
import type { StaffIncidentView as StaffView } from '@app/incidents';
import type { StaffIncidentView } from '../incidents/dto/incident-views.dto';

/** The staff view with the decisions the workflow allows now, so that clients never restate the rule. */
export function withAllowedActions(view: StaffView): StaffIncidentView {
  return { ...view, allowedActions: staffActions(view.status) };
}

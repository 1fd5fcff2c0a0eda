/**
 * What a notice is about: the `type` of an outbox event and of an in-app
 * notice (`GET /api/v1/notifications`). Each is named after the case timeline
 * event it announces (`TIMELINE_EVENT_TYPES` in `@app/incidents` starts with
 * these), in snake_case like every other value of the API.
 */
export const NOTICE_TYPES = [
  'filed',
  'escalated',
  'assigned',
  'status_changed',
  'shared_note',
  'resolved',
  'message_posted',
  'deadline_reminder',
  'overdue_escalated',
  'alert_escalated',
  'outcome_notice',
  'child_named_target',
  'after_hours_critical',
  'follow_up_due',
] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];

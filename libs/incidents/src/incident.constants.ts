export const CATEGORIES = [
  'verbal',
  'physical',
  'social',
  'cyber',
  'sexual_harassment',
  'discrimination',
  'threat',
  'property',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const LOCATIONS = [
  'classroom',
  'hallway',
  'cafeteria',
  'playground',
  'bus',
  'restroom',
  'locker_room',
  'gym',
  'online',
  'off_campus',
  'other',
] as const;
export type Location = (typeof LOCATIONS)[number];

export const STATUSES = [
  'submitted',
  'triaged',
  'investigating',
  'resolved',
  'closed',
  'dismissed',
] as const;
export type Status = (typeof STATUSES)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const PARTY_ROLES = ['target', 'aggressor', 'witness'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** Who filed: an account of one of these kinds, or nobody (anonymous). */
export const REPORTER_KINDS = ['student', 'parent', 'staff', 'anonymous'] as const;
export type ReporterKind = (typeof REPORTER_KINDS)[number];

export const OUTCOMES = ['substantiated', 'unsubstantiated', 'inconclusive'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const DISMISSAL_REASONS = ['prank', 'duplicate', 'other'] as const;
export type DismissalReason = (typeof DISMISSAL_REASONS)[number];

/** Statuses of a case still being worked. */
export const OPEN_STATUSES: readonly Status[] = ['submitted', 'triaged', 'investigating'];

/** `IN (...)` list for CHECK constraints. */
export const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

import { api, type Schemas } from '../../lib/api-client';
import { OPEN_STATUSES } from '../cases/status';

export type CaseSummary = Schemas['StaffIncidentSummary'];
export type Caseload = Schemas['CaseloadDto'];
export type Notice = Schemas['NotificationDto'];

/** More pages than anyone's caseload needs; the rest is the queue's job. */
const MAX_PAGES = 10;

/** Every open case assigned to the caller, in the queue's order. */
export async function loadMyOpenCases(): Promise<CaseSummary[] | null> {
  const cases: CaseSummary[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { data } = await api
      .GET('/api/v1/incidents', {
        params: {
          query: {
            assignee: 'me',
            status: [...OPEN_STATUSES],
            limit: 100,
            ...(cursor ? { cursor } : {}),
          },
        },
      })
      .catch(() => ({ data: undefined }));
    if (!data) return null;
    for (const item of data.items) if (item.view === 'staff') cases.push(item);
    if (!data.nextCursor) break;
    cursor = data.nextCursor;
  }
  return cases;
}

export async function loadCaseload(): Promise<Caseload | null> {
  const { data } = await api.GET('/api/v1/caseload').catch(() => ({ data: undefined }));
  return data ?? null;
}

const REMINDERS: readonly Notice['type'][] = ['deadline_reminder', 'overdue_escalated'];

/** The caller's latest deadline notices: one coming up, or one missed. */
export async function loadReminders(): Promise<Notice[] | null> {
  const { data } = await api
    .GET('/api/v1/notifications', { params: { query: { limit: 100 } } })
    .catch(() => ({ data: undefined }));
  if (!data) return null;
  return data.items.filter((notice) => REMINDERS.includes(notice.type)).slice(0, 10);
}

import { api, MISSING_STATUSES, type Schemas } from '../../lib/api-client';

export type DirectoryStudent = Schemas['DirectoryStudentDto'];
export type HistoryEntry = Schemas['ChronologyEntryDto'];
export type RepeatSummary = Schemas['RepeatSummaryDto'];

export interface StudentPage {
  items: DirectoryStudent[];
  nextCursor: string | null;
}

/** Students of the caller's schools whose name or username holds every word of `q`. */
export async function searchStudents(
  q: string,
  cursor: string | null = null,
  limit = 20,
): Promise<StudentPage | null> {
  const { data } = await api
    .GET('/api/v1/students', {
      params: { query: { ...(q ? { q } : {}), limit, ...(cursor ? { cursor } : {}) } },
    })
    .catch(() => ({ data: undefined }));
  return data ?? null;
}

export type StudentAnswer =
  { kind: 'found'; student: DirectoryStudent } | { kind: 'missing' } | { kind: 'failed' };

export async function loadStudent(id: string): Promise<StudentAnswer> {
  try {
    const { data, response } = await api.GET('/api/v1/students/{id}', {
      params: { path: { id } },
    });
    if (data) return { kind: 'found', student: data };
    return MISSING_STATUSES.includes(response.status) ? { kind: 'missing' } : { kind: 'failed' };
  } catch {
    return { kind: 'failed' };
  }
}

export interface HistoryPage {
  items: HistoryEntry[];
  nextCursor: string | null;
  repeat: RepeatSummary;
}

/** One page of the student's involvement, newest occurrence first, with the repeat flags. */
export async function loadHistory(id: string, cursor: string | null): Promise<HistoryPage | null> {
  const { data } = await api
    .GET('/api/v1/students/{id}/incidents', {
      params: { path: { id }, query: cursor ? { cursor } : {} },
    })
    .catch(() => ({ data: undefined }));
  return data ?? null;
}

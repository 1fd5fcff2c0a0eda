import type { components } from '../../api/schema';
import { api, errorMessages } from '../../lib/api-client';

export type SchoolCalendar = components['schemas']['SchoolCalendarDto'];
export type DayOff = components['schemas']['DayOffDto'];
export interface DayOffFields {
  name: string;
  from: string;
  to: string;
}

/** Which calendar the page shows: one school's, or the district-wide days off. */
export type CalendarTarget = { kind: 'school'; id: string } | { kind: 'district'; id: string };

export interface Loaded {
  daysOff: DayOff[];
  school?: SchoolCalendar;
}

export interface Changed {
  ok: boolean;
  movedCases: number;
  errors: string[];
}

export async function loadCalendar(target: CalendarTarget): Promise<Loaded | null> {
  if (target.kind === 'school') {
    const { data } = await api.GET('/api/v1/schools/{id}/calendar', {
      params: { path: { id: target.id } },
    });
    return data ? { daysOff: data.daysOff, school: data } : null;
  }
  const { data } = await api.GET('/api/v1/districts/{id}/days-off', {
    params: { path: { id: target.id } },
  });
  return data ? { daysOff: data.daysOff } : null;
}

export async function addDayOff(target: CalendarTarget, body: DayOffFields): Promise<Changed> {
  const { data, error } =
    target.kind === 'school'
      ? await api.POST('/api/v1/schools/{id}/days-off', {
          params: { path: { id: target.id } },
          body,
        })
      : await api.POST('/api/v1/districts/{id}/days-off', {
          params: { path: { id: target.id } },
          body,
        });
  return { ok: Boolean(data), movedCases: data?.movedCases ?? 0, errors: errorMessages(error) };
}

export async function removeDayOff(target: CalendarTarget, dayOffId: string): Promise<Changed> {
  const path = { id: target.id, dayOffId };
  const { data, error } =
    target.kind === 'school'
      ? await api.DELETE('/api/v1/schools/{id}/days-off/{dayOffId}', { params: { path } })
      : await api.DELETE('/api/v1/districts/{id}/days-off/{dayOffId}', { params: { path } });
  return { ok: Boolean(data), movedCases: data?.movedCases ?? 0, errors: errorMessages(error) };
}

export async function setYear(
  schoolId: string,
  body: { startsOn: string; endsOn: string; nextStartsOn: string | null },
): Promise<Changed> {
  const { data, error } = await api.PUT('/api/v1/schools/{id}/calendar/year', {
    params: { path: { id: schoolId } },
    body,
  });
  return { ok: Boolean(data), movedCases: data?.movedCases ?? 0, errors: errorMessages(error) };
}

import type { SchoolCalendar, SchoolYearBounds } from '@app/common';
import type { EntityManager } from 'typeorm';

/** A day off as the calendar lists it: the school's own, or its district's. */
export interface DayOffRecord {
  id: string;
  name: string;
  /** First day off, `YYYY-MM-DD`. */
  from: string;
  /** Last day off, `YYYY-MM-DD`. */
  to: string;
  districtWide: boolean;
}

/** Everything that decides a school's school days. */
export interface SchoolCalendarRecord {
  schoolId: string;
  districtId: string;
  timeZone: string;
  triageSchoolDays: number;
  resolveSchoolDays: number;
  /** The single days of the school's `holidays` list. */
  holidays: string[];
  year: SchoolYearBounds | null;
  /** The school's days off and its district's, by first day. */
  daysOff: DayOffRecord[];
}

interface Row {
  school_id: string;
  district_id: string;
  time_zone: string;
  triage_school_days: number;
  resolve_school_days: number;
  holidays: string[];
  starts_on: string | null;
  ends_on: string | null;
  next_starts_on: string | null;
  days_off: DayOffRecord[];
}

/** The calendars of `schoolIds`, in one statement, keyed by school id. */
export async function loadSchoolCalendars(
  manager: EntityManager,
  schoolIds: readonly string[],
): Promise<Map<string, SchoolCalendarRecord>> {
  const rows = await manager.query<Row[]>(
    `SELECT s.id AS school_id, s.district_id, s.time_zone, s.triage_school_days,
            s.resolve_school_days, s.holidays::text[] AS holidays,
            y.starts_on::text AS starts_on, y.ends_on::text AS ends_on,
            y.next_starts_on::text AS next_starts_on,
            COALESCE((SELECT json_agg(json_build_object(
                               'id', d.id, 'name', d.name, 'from', d.starts_on, 'to', d.ends_on,
                               'districtWide', d.school_id IS NULL)
                             ORDER BY d.starts_on, d.ends_on, d.name, d.id)
                        FROM days_off d
                       WHERE d.school_id = s.id
                          OR (d.school_id IS NULL AND d.district_id = s.district_id)), '[]') AS days_off
       FROM schools s
       LEFT JOIN school_years y ON y.school_id = s.id
      WHERE s.id = ANY($1)`,
    [schoolIds],
  );
  return new Map(
    rows.map((row) => [
      row.school_id,
      {
        schoolId: row.school_id,
        districtId: row.district_id,
        timeZone: row.time_zone,
        triageSchoolDays: row.triage_school_days,
        resolveSchoolDays: row.resolve_school_days,
        holidays: row.holidays ?? [],
        year:
          row.starts_on && row.ends_on
            ? { startsOn: row.starts_on, endsOn: row.ends_on, nextStartsOn: row.next_starts_on }
            : null,
        daysOff: row.days_off,
      },
    ]),
  );
}

/** What deadline arithmetic needs of a school's calendar. */
export function toSchoolCalendar(record: SchoolCalendarRecord): SchoolCalendar {
  return {
    timeZone: record.timeZone,
    holidays: record.holidays,
    daysOff: record.daysOff.map(({ from, to }) => ({ from, to })),
    year: record.year,
  };
}

/** One school's calendar, for deadline arithmetic. */
export async function schoolCalendarOf(
  manager: EntityManager,
  schoolId: string,
): Promise<SchoolCalendar> {
  const record = (await loadSchoolCalendars(manager, [schoolId])).get(schoolId);
  if (!record) throw new RangeError(`School ${schoolId} has no calendar`);
  return toSchoolCalendar(record);
}

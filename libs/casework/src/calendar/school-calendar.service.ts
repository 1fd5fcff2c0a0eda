import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@app/audit';
import {
  InvalidInputError,
  NotAllowedError,
  NotFoundError,
  type SchoolYearBounds,
} from '@app/common';
import {
  AccessService,
  DAY_OFF_MAX_DAYS,
  DAY_OFF_NAME_MAX,
  DayOff,
  loadSchoolCalendars,
  Permission,
  School,
  SchoolsService,
  SchoolYear,
  type DayOffRecord,
  type Principal,
  type SchoolCalendarRecord,
  type UpdateSchoolInput,
} from '@app/identity';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { DeadlineMover, type CalendarChange } from './deadline-mover';

export interface DayOffInput {
  name: string;
  from: string;
  to: string;
}

export interface SchoolYearInput {
  startsOn: string;
  endsOn: string;
  nextStartsOn?: string | null;
}

/** A school's calendar as its admins see it. */
export interface SchoolCalendarView {
  schoolId: string;
  timeZone: string;
  year: (SchoolYearBounds & { nextStartsOn: string | null }) | null;
  /** The school's days off and its district's (`districtWide`), by first day. */
  daysOff: DayOffRecord[];
  /** The single days of the school's `holidays` list (changed with the school). */
  holidays: string[];
}

export interface DistrictDaysOffView {
  districtId: string;
  daysOff: DayOffRecord[];
}

/** What a calendar change did: the calendar now, and how many open cases' deadlines moved. */
export interface CalendarChangeResult<T> {
  calendar: T;
  movedCases: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

function dayNumber(field: string, value: string): number {
  const ms = Date.parse(`${value}T00:00:00Z`);
  if (
    !ISO_DATE.test(value) ||
    Number.isNaN(ms) ||
    new Date(ms).toISOString().slice(0, 10) !== value
  ) {
    throw new InvalidInputError(`${field} must be a date, YYYY-MM-DD`);
  }
  return ms / DAY_MS;
}

/** Checks a day off a client sent: a name, real dates in order, not too long. */
export function checkDayOff(input: DayOffInput): DayOffInput {
  const name = input.name.trim();
  if (name.length < 1 || name.length > DAY_OFF_NAME_MAX) {
    throw new InvalidInputError(`name must be 1 to ${DAY_OFF_NAME_MAX} characters`);
  }
  const days = dayNumber('to', input.to) - dayNumber('from', input.from);
  if (days < 0) throw new InvalidInputError('from must be on or before to');
  if (days >= DAY_OFF_MAX_DAYS) {
    throw new InvalidInputError(`a day off spans at most ${DAY_OFF_MAX_DAYS} days`);
  }
  return { name, from: input.from, to: input.to };
}

export function checkSchoolYear(input: SchoolYearInput): SchoolYearInput {
  const length = dayNumber('endsOn', input.endsOn) - dayNumber('startsOn', input.startsOn);
  if (length <= 0) throw new InvalidInputError('startsOn must be before endsOn');
  if (length > 400) throw new InvalidInputError('a school year spans at most 400 days');
  const next = input.nextStartsOn ?? null;
  if (next !== null && dayNumber('nextStartsOn', next) <= dayNumber('endsOn', input.endsOn)) {
    throw new InvalidInputError('nextStartsOn must be after endsOn');
  }
  return { startsOn: input.startsOn, endsOn: input.endsOn, nextStartsOn: next };
}

/**
 * The school calendar: the year, the school's days off and the district's.
 * Every change locks the schools it concerns, changes the calendar and moves
 * the open deadlines it touches, in one transaction.
 */
@Injectable()
export class SchoolCalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly mover: DeadlineMover,
    private readonly audit: AuditService,
    private readonly schools: SchoolsService,
  ) {}

  /**
   * Changes a school's settings (`PATCH /schools/:id`). A new time zone or
   * holidays list changes the school days: the school is locked, changed, and
   * the open deadlines it touches are counted again in one transaction, so
   * either all of it is saved or nothing (a code already taken included).
   * Other changes go straight to the school.
   */
  async updateSchool(
    principal: Principal,
    schoolId: string,
    input: UpdateSchoolInput,
  ): Promise<School> {
    if (input.timeZone === undefined && input.holidays === undefined) {
      return this.schools.update(principal, schoolId, input);
    }
    await this.access.require(principal, Permission.SchoolAdminister, schoolId);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockAndLoad(manager, { schoolId });
      const school = await this.schools.update(principal, schoolId, input, manager);
      const after = await loadSchoolCalendars(manager, [schoolId]);
      const change = settingsChange(before.get(schoolId)!, after.get(schoolId)!);
      if (!change) return school;
      const movedCases = await this.mover.move(manager, before, after, change, principal.id);
      if (change.timeZone) {
        await this.audit.record(manager, {
          schoolId,
          actorId: principal.id,
          action: 'school.time_zone_changed',
          details: { ...change.timeZone, movedCases },
        });
      }
      if (change.holidays) {
        await this.audit.record(manager, {
          schoolId,
          actorId: principal.id,
          action: 'school.holidays_changed',
          details: { ...change.holidays, movedCases },
        });
      }
      return school;
    });
  }

  async view(principal: Principal, schoolId: string): Promise<SchoolCalendarView> {
    await this.access.require(principal, Permission.SchoolCalendar, schoolId);
    return this.viewOf(this.dataSource.manager, schoolId);
  }

  async setYear(
    principal: Principal,
    schoolId: string,
    input: SchoolYearInput,
  ): Promise<CalendarChangeResult<SchoolCalendarView>> {
    const year = checkSchoolYear(input);
    await this.access.require(principal, Permission.SchoolCalendar, schoolId);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockAndLoad(manager, { schoolId });
      const old = before.get(schoolId)!.year;
      await manager.getRepository(SchoolYear).upsert(
        {
          schoolId,
          startsOn: year.startsOn,
          endsOn: year.endsOn,
          nextStartsOn: year.nextStartsOn,
        },
        ['schoolId'],
      );
      const after = await loadSchoolCalendars(manager, [schoolId]);
      const since = [old?.endsOn, year.endsOn, old?.startsOn, year.startsOn]
        .filter((d): d is string => !!d)
        .sort()[0];
      const yearView = {
        startsOn: year.startsOn,
        endsOn: year.endsOn,
        nextStartsOn: year.nextStartsOn ?? null,
      };
      const movedCases = await this.mover.move(
        manager,
        before,
        after,
        { kind: 'year_changed', reason: 'School year changed', year: yearView, since },
        principal.id,
      );
      await this.audit.record(manager, {
        schoolId,
        actorId: principal.id,
        action: 'school.year_set',
        details: { ...yearView, movedCases },
      });
      return { calendar: viewFrom(after.get(schoolId)!), movedCases };
    });
  }

  async addDayOff(
    principal: Principal,
    schoolId: string,
    input: DayOffInput,
  ): Promise<CalendarChangeResult<SchoolCalendarView>> {
    const dayOff = checkDayOff(input);
    await this.access.require(principal, Permission.SchoolCalendar, schoolId);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockAndLoad(manager, { schoolId });
      const districtId = before.get(schoolId)!.districtId;
      const saved = await manager.getRepository(DayOff).save(
        manager.getRepository(DayOff).create({
          districtId,
          schoolId,
          name: dayOff.name,
          startsOn: dayOff.from,
          endsOn: dayOff.to,
          createdById: principal.id,
        }),
      );
      const movedCases = await this.changed(manager, principal, before, 'day_off_added', {
        ...dayOff,
        id: saved.id,
        districtWide: false,
      });
      return { calendar: await this.viewOf(manager, schoolId), movedCases };
    });
  }

  async removeDayOff(
    principal: Principal,
    schoolId: string,
    dayOffId: string,
  ): Promise<CalendarChangeResult<SchoolCalendarView>> {
    await this.access.require(principal, Permission.SchoolCalendar, schoolId);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockAndLoad(manager, { schoolId });
      const dayOff = before.get(schoolId)!.daysOff.find((d) => d.id === dayOffId);
      if (!dayOff) throw new NotFoundError(`Day off ${dayOffId} not found`);
      if (dayOff.districtWide) {
        throw new NotAllowedError(
          'This day off is the whole district’s: the district administrator removes it',
        );
      }
      await manager.getRepository(DayOff).delete({ id: dayOffId, schoolId });
      const movedCases = await this.changed(manager, principal, before, 'day_off_removed', dayOff);
      return { calendar: await this.viewOf(manager, schoolId), movedCases };
    });
  }

  async districtDaysOff(principal: Principal, districtId: string): Promise<DistrictDaysOffView> {
    await this.access.require(principal, Permission.DistrictCalendar, districtId);
    return this.districtViewOf(this.dataSource.manager, districtId);
  }

  async addDistrictDayOff(
    principal: Principal,
    districtId: string,
    input: DayOffInput,
  ): Promise<CalendarChangeResult<DistrictDaysOffView>> {
    const dayOff = checkDayOff(input);
    await this.access.require(principal, Permission.DistrictCalendar, districtId);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockAndLoad(manager, { districtId });
      const saved = await manager.getRepository(DayOff).save(
        manager.getRepository(DayOff).create({
          districtId,
          schoolId: null,
          name: dayOff.name,
          startsOn: dayOff.from,
          endsOn: dayOff.to,
          createdById: principal.id,
        }),
      );
      const movedCases = await this.changed(manager, principal, before, 'day_off_added', {
        ...dayOff,
        id: saved.id,
        districtWide: true,
      });
      return { calendar: await this.districtViewOf(manager, districtId), movedCases };
    });
  }

  async removeDistrictDayOff(
    principal: Principal,
    districtId: string,
    dayOffId: string,
  ): Promise<CalendarChangeResult<DistrictDaysOffView>> {
    await this.access.require(principal, Permission.DistrictCalendar, districtId);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockAndLoad(manager, { districtId });
      const [dayOff] = (await this.districtViewOf(manager, districtId)).daysOff.filter(
        (d) => d.id === dayOffId,
      );
      if (!dayOff) throw new NotFoundError(`Day off ${dayOffId} not found`);
      await manager.getRepository(DayOff).delete({ id: dayOffId, districtId });
      const movedCases = await this.changed(manager, principal, before, 'day_off_removed', dayOff);
      return { calendar: await this.districtViewOf(manager, districtId), movedCases };
    });
  }

  /**
   * Locks the schools whose calendar changes (one school, or every school of
   * a district) so that two calendar changes never count from the same
   * "before", and loads their calendars.
   */
  private async lockAndLoad(
    manager: EntityManager,
    where: { schoolId: string } | { districtId: string },
  ): Promise<Map<string, SchoolCalendarRecord>> {
    const rows = await manager.query<{ id: string }[]>(
      'schoolId' in where
        ? 'SELECT id FROM schools WHERE id = $1 ORDER BY id FOR UPDATE'
        : 'SELECT id FROM schools WHERE district_id = $1 ORDER BY id FOR UPDATE',
      ['schoolId' in where ? where.schoolId : where.districtId],
    );
    return loadSchoolCalendars(
      manager,
      rows.map((row) => row.id),
    );
  }

  /** Moves the deadlines a day off added or removed touches, and audits the change for each school. */
  private async changed(
    manager: EntityManager,
    principal: Principal,
    before: Map<string, SchoolCalendarRecord>,
    kind: 'day_off_added' | 'day_off_removed',
    dayOff: DayOffRecord,
  ): Promise<number> {
    const after = await loadSchoolCalendars(manager, [...before.keys()]);
    const change: CalendarChange = {
      kind,
      reason: `${kind === 'day_off_added' ? 'Day off added' : 'Day off removed'}: ${dayOff.name}`,
      dayOff: {
        name: dayOff.name,
        from: dayOff.from,
        to: dayOff.to,
        districtWide: dayOff.districtWide,
      },
      since: dayOff.from,
    };
    const movedCases = await this.mover.move(manager, before, after, change, principal.id);
    for (const schoolId of before.keys()) {
      await this.audit.record(manager, {
        schoolId,
        actorId: principal.id,
        action: kind === 'day_off_added' ? 'school.day_off_added' : 'school.day_off_removed',
        details: { dayOffId: dayOff.id, ...change.dayOff, movedCases },
      });
    }
    return movedCases;
  }

  private async viewOf(manager: EntityManager, schoolId: string): Promise<SchoolCalendarView> {
    const record = (await loadSchoolCalendars(manager, [schoolId])).get(schoolId);
    if (!record) throw new NotFoundError(`School ${schoolId} not found`);
    return viewFrom(record);
  }

  private async districtViewOf(
    manager: EntityManager,
    districtId: string,
  ): Promise<DistrictDaysOffView> {
    const daysOff = await manager.getRepository(DayOff).find({
      where: { districtId, schoolId: IsNull() },
      order: { startsOn: 'ASC', endsOn: 'ASC', name: 'ASC', id: 'ASC' },
    });
    return {
      districtId,
      daysOff: daysOff.map((d) => ({
        id: d.id,
        name: d.name,
        from: d.startsOn,
        to: d.endsOn,
        districtWide: true,
      })),
    };
  }
}

/** What a change of the school's time zone or holidays list did to its calendar, if anything. */
function settingsChange(
  before: SchoolCalendarRecord,
  after: SchoolCalendarRecord,
): CalendarChange | null {
  const timeZone =
    before.timeZone !== after.timeZone ? { from: before.timeZone, to: after.timeZone } : undefined;
  const added = after.holidays.filter((day) => !before.holidays.includes(day)).sort();
  const removed = before.holidays.filter((day) => !after.holidays.includes(day)).sort();
  const holidays = added.length + removed.length > 0 ? { added, removed } : undefined;
  if (timeZone) {
    return {
      kind: 'time_zone_changed',
      reason: `Time zone changed: ${timeZone.from} to ${timeZone.to}${holidays ? '; holidays changed' : ''}`,
      timeZone,
      ...(holidays ? { holidays } : {}),
      // Every day of every deadline is counted in the new zone.
      since: null,
    };
  }
  if (!holidays) return null;
  return {
    kind: 'holidays_changed',
    reason: 'Holidays changed',
    holidays,
    since: [...added, ...removed].sort()[0],
  };
}

function viewFrom(record: SchoolCalendarRecord): SchoolCalendarView {
  return {
    schoolId: record.schoolId,
    timeZone: record.timeZone,
    year: record.year ? { ...record.year, nextStartsOn: record.year.nextStartsOn ?? null } : null,
    daysOff: record.daysOff,
    holidays: record.holidays,
  };
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ConflictError,
  RuleViolationError,
  type SchoolHours,
  validSchoolHours,
  decodeCursor,
  isUniqueViolation,
  NotAllowedError,
  Page,
  toPage,
} from '@app/common';
import { EntityManager, Repository } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Permission } from '../access/permission';
import { scopeOf } from '../access/school-scope';
import { School } from '../entities/school.entity';
import type { Principal } from '../principal';
import { normaliseCrisisContacts } from './crisis-contacts';
import { normaliseOnCallContacts, type OnCallContact } from './on-call-contacts';
import { normalisePlaces } from './places';

export interface DeadlinePolicy {
  triageSchoolDays: number;
  resolveSchoolDays: number;
}

export interface CreateSchoolInput {
  name: string;
  code: string;
  timeZone: string;
  holidays?: string[];
  policy?: DeadlinePolicy;
  crisisContacts?: { name: string; phone: string; hours?: string | null }[];
  /** Named places for the report form; replaces the whole list. */
  places?: { name: string; location: string }[];
  /** When the school is staffed on its school days (default 08:00-15:30). */
  schoolHours?: SchoolHours;
  /** Whom to e-mail about a critical report while the school is closed; replaces the whole list. */
  onCallContacts?: OnCallContact[];
}

export type UpdateSchoolInput = Partial<CreateSchoolInput>;

/**
 * Fields only a district administrator may change; school admins edit the
 * public code, the time zone, the calendar, policy, crisis contacts, places,
 * school hours and on-call contacts.
 */
const DISTRICT_ONLY_FIELDS = ['name'] as const;

@Injectable()
export class SchoolsService {
  constructor(
    @InjectRepository(School) private readonly schools: Repository<School>,
    private readonly access: AccessService,
  ) {}

  async create(principal: Principal, input: CreateSchoolInput): Promise<School> {
    const school = this.schools.create({
      districtId: principal.districtId,
      name: input.name,
      code: input.code.toUpperCase(),
      timeZone: input.timeZone,
      holidays: normaliseHolidays(input.holidays ?? []),
      triageSchoolDays: input.policy?.triageSchoolDays ?? 1,
      resolveSchoolDays: input.policy?.resolveSchoolDays ?? 10,
      crisisContacts: normaliseCrisisContacts(input.crisisContacts ?? []),
      places: normalisePlaces(input.places ?? []),
      ...(input.schoolHours ? { schoolHours: checkedHours(input.schoolHours) } : {}),
      onCallContacts: normaliseOnCallContacts(input.onCallContacts ?? []),
    });
    return this.saveUnique(school);
  }

  async list(principal: Principal, limit: number, cursor?: string): Promise<Page<School>> {
    const query = this.schools
      .createQueryBuilder('school')
      .orderBy('school.name')
      .addOrderBy('school.id')
      .take(limit + 1);
    if (principal.role === 'district_admin') {
      query.where('school.districtId = :districtId', { districtId: principal.districtId });
    } else {
      query.where('school.id = ANY(:ids)', { ids: scopeOf(principal).schoolIds });
    }
    if (cursor) {
      const [name, id] = decodeCursor(cursor, 2);
      query.andWhere('(school.name, school.id) > (:name, :id)', { name, id });
    }
    return toPage(
      await query.getMany(),
      limit,
      (school) => school,
      (school) => [school.name, school.id],
    );
  }

  async get(principal: Principal, id: string): Promise<School> {
    await this.access.require(principal, Permission.SchoolAdminister, id);
    return this.schools.findOneByOrFail({ id });
  }

  /**
   * Changes the fields given. With `manager`, inside the caller's transaction
   * (the calendar fields: the caller moves the deadlines in the same one).
   */
  async update(
    principal: Principal,
    id: string,
    input: UpdateSchoolInput,
    manager?: EntityManager,
  ): Promise<School> {
    await this.access.require(principal, Permission.SchoolAdminister, id);
    if (principal.role !== 'district_admin') {
      const refused = DISTRICT_ONLY_FIELDS.filter((field) => input[field] !== undefined);
      if (refused.length > 0) {
        throw new NotAllowedError(
          `Only a district administrator may change ${refused.join(', ')}; school administrators may change the code, time zone, holidays, policy, crisis contacts, places, school hours and on-call contacts`,
        );
      }
    }
    const schools = manager ? manager.getRepository(School) : this.schools;
    const school = await schools.findOneByOrFail({ id });
    if (input.name !== undefined) school.name = input.name;
    if (input.code !== undefined) school.code = input.code.toUpperCase();
    if (input.timeZone !== undefined) school.timeZone = input.timeZone;
    if (input.holidays !== undefined) school.holidays = normaliseHolidays(input.holidays);
    if (input.policy !== undefined) {
      school.triageSchoolDays = input.policy.triageSchoolDays;
      school.resolveSchoolDays = input.policy.resolveSchoolDays;
    }
    if (input.crisisContacts !== undefined)
      school.crisisContacts = normaliseCrisisContacts(input.crisisContacts);
    if (input.places !== undefined) school.places = normalisePlaces(input.places);
    if (input.schoolHours !== undefined) school.schoolHours = checkedHours(input.schoolHours);
    if (input.onCallContacts !== undefined)
      school.onCallContacts = normaliseOnCallContacts(input.onCallContacts);
    return this.saveUnique(school, schools);
  }

  private async saveUnique(school: School, schools = this.schools): Promise<School> {
    try {
      return await schools.save(school);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(`School code ${school.code} is already taken`);
      }
      throw error;
    }
  }
}

function checkedHours(hours: SchoolHours): SchoolHours {
  if (!validSchoolHours(hours)) {
    throw new RuleViolationError('schoolHours.opens must be before schoolHours.closes');
  }
  return { opens: hours.opens, closes: hours.closes };
}

function normaliseHolidays(holidays: string[]): string[] {
  return [...new Set(holidays)].sort();
}

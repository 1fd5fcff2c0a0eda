import { Injectable } from '@nestjs/common';
import { Clock, DEFAULT_SCHOOL_HOURS, openingState, type SchoolHours } from '@app/common';
import {
  loadSchoolCalendars,
  Permission,
  toSchoolCalendar,
  type CrisisContact,
  type Principal,
} from '@app/identity';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { IncidentAccessService } from '../access/incident-access.service';

/** A national line: how to reach it is fixed, its label is the web app's (en, es). */
export interface NationalLine {
  /** `emergency` (911), `suicide_crisis_lifeline` (988), `crisis_text_line` (741741). */
  id: 'emergency' | 'suicide_crisis_lifeline' | 'crisis_text_line';
  /** What to dial or text. */
  number: string;
  /** `call`, `text`, or both. */
  ways: ('call' | 'text')[];
  /** The word to text, when the line wants one. */
  keyword: string | null;
}

/** The United States' national lines, in the order to try them. Nothing here varies by school. */
export const NATIONAL_LINES: readonly NationalLine[] = [
  { id: 'emergency', number: '911', ways: ['call'], keyword: null },
  { id: 'suicide_crisis_lifeline', number: '988', ways: ['call', 'text'], keyword: null },
  { id: 'crisis_text_line', number: '741741', ways: ['text'], keyword: 'HOME' },
];

/**
 * Where to get help now, as the public school page and every filing answer
 * carry it: the effective crisis contacts (the school's; its district's when
 * the school lists none), the national lines, the school's hours and whether
 * it is open now (else when it next opens).
 */
export interface Help {
  crisisContacts: CrisisContact[];
  /** Whose contacts these are: the school's, its district's, or none at all. */
  crisisContactsFrom: 'school' | 'district' | 'none';
  nationalLines: NationalLine[];
  schoolHours: SchoolHours & { timeZone: string };
  openNow: boolean;
  /** While closed: the next opening (null when the calendar has none); null while open. */
  nextOpensAt: Date | null;
}

/** What the after-hours rules need of a school, read in two statements. */
export interface SchoolHelpFacts {
  schoolId: string;
  schoolName: string;
  help: Help;
  onCallContacts: { name: string; email: string }[];
}

interface Row {
  name: string;
  school_hours: SchoolHours | null;
  crisis_contacts: CrisisContact[];
  district_contacts: CrisisContact[];
  on_call_contacts: { name: string; email: string }[];
}

/**
 * The help a school offers now, by the injected `Clock`. Read once per
 * transaction and school: a filing asks for it for its automatic reply, its
 * on-call e-mail and its answer.
 */
@Injectable()
export class HelpService {
  private readonly read = new WeakMap<EntityManager, Map<string, Promise<SchoolHelpFacts>>>();

  constructor(
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IncidentAccessService,
  ) {}

  /** The help of a case's school, for whoever may read the case (404 otherwise). */
  async forIncident(principal: Principal, incidentId: string): Promise<Help> {
    const { incident } = await this.access.require({
      principal,
      permission: Permission.IncidentRead,
      incidentId,
    });
    return this.of(this.dataSource.manager, incident.schoolId);
  }

  async of(manager: EntityManager, schoolId: string): Promise<Help> {
    return (await this.facts(manager, schoolId)).help;
  }

  facts(manager: EntityManager, schoolId: string): Promise<SchoolHelpFacts> {
    // Outside a transaction (the public school page) nothing is kept.
    if (!manager.queryRunner) return this.load(manager, schoolId);
    let schools = this.read.get(manager);
    if (!schools) this.read.set(manager, (schools = new Map<string, Promise<SchoolHelpFacts>>()));
    let facts = schools.get(schoolId);
    if (!facts) {
      facts = this.load(manager, schoolId);
      schools.set(schoolId, facts);
      facts.catch(() => schools.delete(schoolId));
    }
    return facts;
  }

  private async load(manager: EntityManager, schoolId: string): Promise<SchoolHelpFacts> {
    // One after the other: inside a transaction both go through one connection.
    const [row] = await manager.query<Row[]>(
      `SELECT s.name, s.school_hours, s.crisis_contacts, s.on_call_contacts,
              d.crisis_contacts AS district_contacts
         FROM schools s JOIN districts d ON d.id = s.district_id
        WHERE s.id = $1`,
      [schoolId],
    );
    const calendars = await loadSchoolCalendars(manager, [schoolId]);
    const record = calendars.get(schoolId);
    if (!row || !record) throw new RangeError(`School ${schoolId} not found`);
    const hours = row.school_hours ?? DEFAULT_SCHOOL_HOURS;
    const state = openingState(this.clock.now(), hours, toSchoolCalendar(record));
    const own = row.crisis_contacts ?? [];
    const district = row.district_contacts ?? [];
    const [crisisContacts, crisisContactsFrom] =
      own.length > 0
        ? [own, 'school' as const]
        : district.length > 0
          ? [district, 'district' as const]
          : [[], 'none' as const];
    return {
      schoolId,
      schoolName: row.name,
      onCallContacts: row.on_call_contacts ?? [],
      help: {
        crisisContacts: crisisContacts.map(({ name, phone, hours: when }) => ({
          name,
          phone,
          hours: when ?? null,
        })),
        crisisContactsFrom,
        nationalLines: NATIONAL_LINES.map((line) => ({ ...line, ways: [...line.ways] })),
        schoolHours: { opens: hours.opens, closes: hours.closes, timeZone: record.timeZone },
        openNow: state.open,
        nextOpensAt: state.open ? null : state.opensAt,
      },
    };
  }
}

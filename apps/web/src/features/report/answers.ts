import type { Schemas } from '../../lib/api-client';
import { daysBefore, localDate, twoDigits } from '../../lib/local-dates';
import type { LinkedStudent } from '../students/StudentPicker';

export type Category = Schemas['CreateIncidentDto']['category'];
export type Location = Schemas['CreateIncidentDto']['location'];
export type PartyRole = Schemas['PartyDto']['role'];
/** A named place of the school ("North stairwell") and the location it files under. */
export type SchoolPlace = Schemas['SchoolPlaceView'];

// The server's own lists, so the form offers exactly what the API accepts, in its order.
export { CATEGORIES, LOCATIONS, PARTY_ROLES } from '@incident-constants';

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 10_000;
export const NAME_MAX = 200;
export const LOCATION_DETAIL_MAX = 200;
export const MAX_PEOPLE = 20;
/** How far back a report may go: the server refuses older dates. */
export const MAX_AGE_YEARS = 5;

export type WhenChoice = 'today' | 'yesterday' | 'earlier';

export interface Person {
  key: string;
  name: string;
  role: PartyRole | '';
  /** Staff: the student record the person is linked to, from the directory. */
  student?: LinkedStudent;
}

export interface ChosenFile {
  key: string;
  file: File;
}

/** Everything the reporter answered, as they typed it. */
export interface Answers {
  /** A parent's child, or the school of staff who work at more than one. */
  subject: string;
  urgent: 'yes' | 'no' | '';
  category: Category | '';
  location: Location | '';
  locationDetail: string;
  /** The school's named place the reporter chose, or '' for one of the general choices. */
  place: string;
  when: WhenChoice | '';
  /** yyyy-mm-dd, when the answer is "another day". */
  date: string;
  /** HH:mm, or empty when the reporter does not know. */
  time: string;
  ongoing: boolean;
  people: Person[];
  description: string;
  files: ChosenFile[];
}

let lastKey = 0;
export function newKey(prefix: string): string {
  lastKey += 1;
  return `${prefix}-${lastKey}`;
}

export function emptyAnswers(subject = ''): Answers {
  return {
    subject,
    urgent: '',
    category: '',
    location: '',
    locationDetail: '',
    place: '',
    when: '',
    date: '',
    time: '',
    ongoing: false,
    people: [{ key: newKey('person'), name: '', role: '' }],
    description: '',
    files: [],
  };
}

/** The day the answer names, as yyyy-mm-dd, or '' when not answered. */
export function chosenDate(answers: Answers, now: Date): string {
  if (answers.when === 'today') return localDate(now);
  if (answers.when === 'yesterday') return localDate(daysBefore(now, 1));
  if (answers.when === 'earlier') return answers.date;
  return '';
}

export function isTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

/** A local date and time as ISO-8601 with the reporter's offset, as the API asks. */
export function withOffset(at: Date): string {
  const offset = -at.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return (
    `${localDate(at)}T${twoDigits(at.getHours())}:${twoDigits(at.getMinutes())}:00` +
    `${sign}${twoDigits(Math.floor(abs / 60))}:${twoDigits(abs % 60)}`
  );
}

/**
 * When it happened, for the API. Without a time the report says midday of
 * that day (or now, for a report about this morning), never the future.
 */
export function occurredAt(answers: Answers, now: Date): string {
  const [year, month, day] = chosenDate(answers, now).split('-').map(Number);
  const [hours, minutes] = isTime(answers.time) ? answers.time.split(':').map(Number) : [12, 0];
  const at = new Date(year, month - 1, day, hours, minutes);
  return withOffset(at.getTime() > now.getTime() ? now : at);
}

/** The people named, without empty rows; those linked to a student record carry its id. */
export function namedPeople(
  answers: Answers,
): { role: PartyRole; name: string; studentId?: string }[] {
  return answers.people
    .filter((person) => person.name.trim() && person.role)
    .map((person) => ({
      role: person.role as PartyRole,
      name: person.name.trim(),
      ...(person.student ? { studentId: person.student.id } : {}),
    }));
}

/** What every report sends, whoever files it. */
export function reportFields(answers: Answers, now: Date) {
  const parties = namedPeople(answers);
  const detail = answers.locationDetail.trim();
  return {
    category: answers.category as Category,
    location: answers.location as Location,
    ...(detail ? { locationDetail: detail } : {}),
    occurredAt: occurredAt(answers, now),
    ongoing: answers.ongoing,
    description: answers.description.trim(),
    urgent: answers.urgent === 'yes',
    ...(parties.length > 0 ? { parties } : {}),
  };
}

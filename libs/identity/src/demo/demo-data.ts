import type { Locale, Role } from '../roles';
import type { CrisisContact } from '../schools/crisis-contacts';
import type { OnCallContact } from '../schools/on-call-contacts';

export const DEMO_DISTRICT = 'Riverside Unified';

export const DEMO_SCHOOLS = [
  { key: 'maple', name: 'Maple Ridge Middle School', code: 'MAPLE' },
  { key: 'oak', name: 'Oak Hill Elementary', code: 'OAKHILL' },
] as const;

type SchoolKey = (typeof DEMO_SCHOOLS)[number]['key'];

/** Fictitious contacts (555-01xx numbers are reserved for fiction) for the schools' public pages. */
export const DEMO_CRISIS_CONTACTS: Record<SchoolKey, CrisisContact[]> = {
  maple: [
    { name: 'Maple Ridge counseling office', phone: '555-0142', hours: 'School days 7:30–3:30' },
    {
      name: 'Riverside demo helpline (fictitious)',
      phone: '555-0199',
      hours: 'Every day, all day',
    },
  ],
  oak: [{ name: 'Oak Hill front office', phone: '555-0157', hours: 'School days 8:00–3:00' }],
};

/** Who is e-mailed when a case turns critical while the school is closed (the demo mailbox). */
export const DEMO_ON_CALL_CONTACTS: Record<SchoolKey, OnCallContact[]> = {
  maple: [{ name: 'Alex Admin (on call)', email: 'oncall.maple@riverside.example' }],
  oak: [{ name: 'Avery Admin (on call)', email: 'oncall.oakhill@riverside.example' }],
};

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  school?: SchoolKey;
  guardianOf?: string;
  locale?: Locale;
  /** Students: their grade. */
  grade?: string;
}

/** The demo accounts listed in the API contract; all share DEMO_PASSWORD. */
export const DEMO_USERS: DemoUser[] = [
  { username: 'district.dana', displayName: 'Dana Whitfield', role: 'district_admin' },
  { username: 'admin.alex', displayName: 'Alex Moreno', role: 'school_admin', school: 'maple' },
  { username: 'counselor.casey', displayName: 'Casey Lin', role: 'counselor', school: 'maple' },
  { username: 'counselor.morgan', displayName: 'Morgan Reyes', role: 'counselor', school: 'maple' },
  { username: 'staff.taylor', displayName: 'Taylor Brooks', role: 'staff', school: 'maple' },
  {
    username: 'student.sam',
    displayName: 'Sam Carter',
    role: 'student',
    school: 'maple',
    grade: '7',
  },
  { username: 'student.jo', displayName: 'Jo Patel', role: 'student', school: 'maple', grade: '6' },
  {
    username: 'parent.pat',
    displayName: 'Pat Carter',
    role: 'parent',
    school: 'maple',
    guardianOf: 'student.sam',
  },
  { username: 'admin.avery', displayName: 'Avery Okafor', role: 'school_admin', school: 'oak' },
  { username: 'counselor.chris', displayName: 'Chris Novak', role: 'counselor', school: 'oak' },
  {
    username: 'student.riley',
    displayName: 'Riley Santos',
    role: 'student',
    school: 'oak',
    grade: '4',
  },
  {
    username: 'parent.quinn',
    displayName: 'Quinn Santos',
    role: 'parent',
    school: 'oak',
    guardianOf: 'student.riley',
    locale: 'es',
  },
];

export const DEMO_TIME_ZONE = 'America/New_York';

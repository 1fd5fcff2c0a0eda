import { useCallback, useEffect, useState } from 'react';
import { useSearch } from 'wouter';
import { api, type Schemas } from '../../lib/api-client';
import { useProfile, type Profile } from '../../lib/auth';
import { isDistrictAdmin, isSchoolAdmin } from '../../lib/roles';

export type School = Schemas['SchoolDto'];
export type User = Schemas['UserDto'];
export type Role = User['role'];
export type Place = Schemas['SchoolPlaceDto'];
export type CrisisContact = Schemas['CrisisContactDto'];

/** Roles a school's accounts may have, in the order of the API's list. */
export const SCHOOL_ROLES: Role[] = ['student', 'parent', 'staff', 'counselor', 'school_admin'];

/** The roles the caller may give to an account they create (the API checks it too). */
export function creatableRoles(role: Profile['role']): Role[] {
  if (role === 'district_admin') return [...SCHOOL_ROLES, 'district_admin'];
  if (role === 'school_admin') return SCHOOL_ROLES;
  return [];
}

/** An admin page's link for one school: `?school=<id>` when the caller has several. */
export function schoolHref(path: string, schoolId: string | undefined): string {
  return schoolId ? `${path}?school=${encodeURIComponent(schoolId)}` : path;
}

/** The schools the caller administers (a district has a few dozen at most: one page of 100). */
export function useAdminSchools() {
  const [schools, setSchools] = useState<School[] | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const reload = useCallback(async () => {
    const { data } = await api.GET('/api/v1/schools', { params: { query: { limit: 100 } } });
    setFailed(!data);
    setSchools(data?.items ?? []);
  }, []);
  useEffect(() => {
    void reload().catch(() => setFailed(true));
  }, [reload]);
  return { schools, failed, reload };
}

/**
 * The school an admin page works on: `?school=<id>` from the address, else
 * the caller's only school. `undefined` while loading; `null` when there is
 * none to choose (a district admin must pick one).
 */
export function useChosenSchool() {
  const profile = useProfile();
  const search = useSearch();
  const wanted = new URLSearchParams(search).get('school');
  const id = wanted ?? (isSchoolAdmin(profile) ? profile.schools[0]?.id : undefined);
  // The answer for the school the address names now: a slower answer for the
  // school it named before never shows, nor overwrites it.
  const [loaded, setLoaded] = useState<{ id: string; school: School | null } | undefined>();
  useEffect(() => {
    if (!id) return;
    let live = true;
    void api.GET('/api/v1/schools/{id}', { params: { path: { id } } }).then(
      ({ data }) => live && setLoaded({ id, school: data ?? null }),
      () => live && setLoaded({ id, school: null }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  const school = !id ? null : loaded?.id === id ? loaded.school : undefined;
  const setSchool = useCallback(
    (changed: School) => setLoaded({ id: changed.id, school: changed }),
    [],
  );
  return { school, setSchool, multiple: isDistrictAdmin(profile) || !!wanted };
}

/** A password that meets the API's rules: 4 random words-like chunks, read out easily. */
export function suggestPassword(): string {
  const letters = 'abcdefghjkmnpqrstuvwxyz';
  const digits = '23456789';
  const random = new Uint32Array(16);
  crypto.getRandomValues(random);
  const chunk = (start: number) =>
    Array.from(random.slice(start, start + 4), (n) => letters[n % letters.length]).join('');
  return `${chunk(0)}-${chunk(4)}-${chunk(8)}-${digits[random[12] % digits.length]}${digits[random[13] % digits.length]}`;
}

/** Every IANA time zone the browser knows, `current` first if the browser lacks it. */
export function timeZones(current: string): string[] {
  const known = Intl.supportedValuesOf('timeZone');
  return known.includes(current) || !current ? known : [current, ...known];
}

/** A school's public code, as the API checks it: capitals, digits and dashes. */
export const SCHOOL_CODE = /^[A-Z0-9][A-Z0-9-]{1,15}$/;

/** The school days a deadline may take, as the API checks them. */
export const TRIAGE_DAYS = { min: 0, max: 60 } as const;
export const RESOLVE_DAYS = { min: 1, max: 120 } as const;

/** A whole number of school days from what was typed, or undefined when it is not one in range. */
export function schoolDays(value: string, range: { min: number; max: number }): number | undefined {
  const n = Number(value.trim());
  return value.trim() !== '' && Number.isInteger(n) && n >= range.min && n <= range.max
    ? n
    : undefined;
}

/** A school's name, code and deadline policy as typed in a form. */
export interface SchoolDraft {
  name: string;
  code: string;
  triage: string;
  resolve: string;
}

/** The message key (admin namespace) of each rule a school draft may break. */
const SCHOOL_RULES = {
  name: 'settings.nameMissing',
  code: 'settings.codeRule',
  triage: 'settings.triageRule',
  resolve: 'settings.resolveRule',
} as const;

/**
 * What is wrong with a school draft: one problem per broken rule, on the field
 * `fields` names for it (a part without a field, such as the code for a school
 * admin, is not checked), with the message's key in the admin namespace.
 */
export function validateSchoolDraft(
  draft: SchoolDraft,
  fields: Partial<Record<keyof SchoolDraft, string>>,
): { field: string; message: (typeof SCHOOL_RULES)[keyof SchoolDraft] }[] {
  const broken: Record<keyof SchoolDraft, boolean> = {
    name: draft.name.trim().length < 2,
    code: !SCHOOL_CODE.test(draft.code.trim().toUpperCase()),
    triage: schoolDays(draft.triage, TRIAGE_DAYS) === undefined,
    resolve: schoolDays(draft.resolve, RESOLVE_DAYS) === undefined,
  };
  return (Object.keys(SCHOOL_RULES) as (keyof SchoolDraft)[]).flatMap((part) => {
    const field = fields[part];
    return field && broken[part] ? [{ field, message: SCHOOL_RULES[part] }] : [];
  });
}

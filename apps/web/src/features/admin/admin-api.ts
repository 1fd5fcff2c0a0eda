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

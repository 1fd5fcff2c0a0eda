import { NotFoundError } from '@app/common';
import type { Principal } from '../principal';

declare const scopeBrand: unique symbol;

/**
 * The schools whose case data a query may touch. Only this module builds one,
 * from the principal, so a case query that takes a `SchoolScope` cannot be
 * handed a plain list of ids: a query that forgets the school does not compile.
 */
export interface SchoolScope {
  readonly schoolIds: readonly string[];
  readonly [scopeBrand]: true;
}

/** The caller's schools (district administrators: none, they see no case content). */
export function scopeOf(principal: Pick<Principal, 'role' | 'schoolIds'>): SchoolScope {
  const schoolIds = principal.role === 'district_admin' ? [] : [...principal.schoolIds];
  return Object.freeze({ schoolIds: Object.freeze(schoolIds) }) as unknown as SchoolScope;
}

export function inScope(scope: SchoolScope, schoolId: string): boolean {
  return scope.schoolIds.includes(schoolId);
}

/** The scope cut down to one school when asked for one; a school out of scope is a 404. */
export function narrowScope(scope: SchoolScope, schoolId?: string): SchoolScope {
  if (schoolId === undefined) return scope;
  if (!inScope(scope, schoolId)) throw new NotFoundError('School not found');
  return Object.freeze({ schoolIds: Object.freeze([schoolId]) }) as unknown as SchoolScope;
}

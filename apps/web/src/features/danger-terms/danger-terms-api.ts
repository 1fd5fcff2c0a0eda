import type { components } from '../../api/schema';
import { api, errorMessages } from '../../lib/api-client';

export type DangerTerm = components['schemas']['DangerTermDto'];
export type DangerTermInput = components['schemas']['DangerTermInputDto'];
export type DangerLanguage = DangerTermInput['language'];
export type DangerCategory = DangerTermInput['category'];

export const DANGER_LANGUAGES: readonly DangerLanguage[] = ['en', 'es'];
export const DANGER_CATEGORIES: readonly DangerCategory[] = [
  'self_harm',
  'weapon',
  'threat',
  'abuse',
];

export interface Changed {
  ok: boolean;
  errors: string[];
  /** The term as stored (as the matcher reads it), when it was saved. */
  term?: DangerTerm;
}

/** The district's own terms, or null when they could not be loaded. */
export async function loadTerms(districtId: string): Promise<DangerTerm[] | null> {
  const { data } = await api.GET('/api/v1/districts/{id}/danger-terms', {
    params: { path: { id: districtId } },
  });
  return data?.items ?? null;
}

export async function addTerm(districtId: string, body: DangerTermInput): Promise<Changed> {
  const { data, error } = await api.POST('/api/v1/districts/{id}/danger-terms', {
    params: { path: { id: districtId } },
    body,
  });
  return { ok: Boolean(data), errors: errorMessages(error), term: data };
}

export async function removeTerm(districtId: string, termId: string): Promise<Changed> {
  const { data, error } = await api.DELETE('/api/v1/districts/{id}/danger-terms/{termId}', {
    params: { path: { id: districtId, termId } },
  });
  return { ok: Boolean(data), errors: errorMessages(error) };
}

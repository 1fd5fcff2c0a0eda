export const ROLES = [
  'student',
  'parent',
  'staff',
  'counselor',
  'school_admin',
  'district_admin',
] as const;

export type Role = (typeof ROLES)[number];

export const SUPPORTED_LOCALES = ['en', 'es'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

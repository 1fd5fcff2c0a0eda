import type { FieldError } from '../forms/ErrorSummary';

/** What the server takes: it checks the content, this only spares a wasted upload. */
export const ACCEPTED_TYPES = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'application/pdf',
  'text/plain',
];
export const ACCEPT = 'image/*,application/pdf,text/plain';
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type FileProblem = 'type' | 'size' | 'empty';

/**
 * The chosen files worth sending, and a problem for each other one, for the
 * field `field`, said as `say` words it (the `files.problem.*` strings).
 */
export function checkFiles(
  files: File[],
  field: string,
  say: (problem: FileProblem, name: string) => string,
): { good: File[]; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const good = files.filter((file) => {
    const problem = fileProblem(file);
    if (problem) problems.push({ field, message: say(problem, file.name) });
    return !problem;
  });
  return { good, problems };
}

export function fileProblem(file: File): FileProblem | null {
  if (file.size === 0) return 'empty';
  if (file.size > MAX_FILE_BYTES) return 'size';
  if (file.type && !ACCEPTED_TYPES.includes(file.type)) return 'type';
  return null;
}

/** "340 KB", "2.5 MB", in the reader's language. */
export function fileSize(bytes: number, language: string): string {
  const megabytes = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: megabytes ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  }).format(megabytes ? bytes / (1024 * 1024) : Math.max(1, Math.round(bytes / 1024)));
}

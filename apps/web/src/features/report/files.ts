import type { FieldError } from '../forms/ErrorSummary';

/** What the server takes: it checks the content, this only spares a wasted upload. */
export const ACCEPTED_TYPES = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'application/pdf',
  'text/plain',
  // Phone photos and videos (browsers that know no type for HEIC give none: the server decides)
  'image/heic',
  'image/heif',
  'image/heic-sequence',
  'image/heif-sequence',
  'video/mp4',
  'video/quicktime',
];
export const ACCEPT =
  'image/*,video/mp4,video/quicktime,.heic,.heif,.mp4,.mov,application/pdf,text/plain';
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** The server's default `MAX_VIDEO_BYTES`; a school that set it lower answers 413, said as "too big". */
export const MAX_VIDEO_BYTES = 50 * 1024 * 1024;

const isVideo = (file: File) => file.type.startsWith('video/') || /\.(mp4|mov)$/i.test(file.name);

/** Pictures a browser shows on the page; HEIC photos and videos are offered as downloads. */
export const PREVIEWED_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];

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
  if (file.size > (isVideo(file) ? MAX_VIDEO_BYTES : MAX_FILE_BYTES)) return 'size';
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

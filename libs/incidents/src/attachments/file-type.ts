/** The evidence formats the platform keeps. Anything else is refused with 415. */
export const ALLOWED_CONTENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'application/pdf',
  'text/plain',
] as const;

export type EvidenceContentType = (typeof ALLOWED_CONTENT_TYPES)[number];

const startsWith = (head: Buffer, bytes: number[], offset = 0) =>
  head.length >= offset + bytes.length && bytes.every((byte, i) => head[offset + i] === byte);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * The type of a file judged from its first bytes, never from its name or the
 * type the client claims. Plain text must be UTF-8 without control characters
 * (other than tab, line feed, carriage return and form feed).
 */
export function sniffContentType(head: Buffer): EvidenceContentType | undefined {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  if (head.length > 0 && looksLikeText(head)) return 'text/plain';
  return undefined;
}

function looksLikeText(head: Buffer): boolean {
  // The head may end in the middle of a multi-byte character: ignore up to 3 trailing bytes.
  for (let cut = 0; cut <= Math.min(3, head.length - 1); cut += 1) {
    const slice = head.subarray(0, head.length - cut);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(slice);
    } catch {
      continue;
    }
    // eslint-disable-next-line no-control-regex -- control characters are what this looks for
    return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
  }
  return false;
}

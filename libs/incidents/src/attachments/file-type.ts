/** The evidence formats the platform keeps. Anything else is refused with 415. */
export const ALLOWED_CONTENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'application/pdf',
  'text/plain',
  'image/heic',
  'image/heif',
  'video/mp4',
  'video/quicktime',
] as const;

export type EvidenceContentType = (typeof ALLOWED_CONTENT_TYPES)[number];

/** Videos may be larger than other evidence (`MAX_VIDEO_BYTES`). */
export const VIDEO_CONTENT_TYPES = ['video/mp4', 'video/quicktime'] as const;

export const isVideo = (contentType: EvidenceContentType): boolean =>
  (VIDEO_CONTENT_TYPES as readonly string[]).includes(contentType);

/**
 * ISO base media file format (ISO/IEC 14496-12) brands, as registered with the
 * MP4 registration authority and written by phones: an iPhone photo is
 * `heic` (`mif1`, `heic` compatible), an iPhone video `qt  `, an Android photo
 * `heic` or `mif1`, an Android video `isom`/`mp42`.
 */
const HEIC_BRANDS = ['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs'];
const HEIF_BRANDS = ['mif1', 'msf1', 'mif2'];
const MP4_BRANDS = [
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'avc1',
  'M4V ',
  'M4VH',
  'M4VP',
  'MSNV',
  'mmp4',
  'dash',
];
const QUICKTIME_BRANDS = ['qt  '];
/** Other ISO BMFF files that carry the HEIF or MP4 brands among their compatible ones. */
const REFUSED_MAJOR_BRANDS = ['avif', 'avis', 'M4A ', 'M4B ', 'M4P ', 'crx ', 'jp2 ', 'jpx '];

/** The type an ISO BMFF `ftyp` box names, from its major and compatible brands. */
export function sniffIsoMedia(head: Buffer): EvidenceContentType | undefined {
  if (head.length < 16 || head.toString('latin1', 4, 8) !== 'ftyp') return undefined;
  const boxSize = head.readUInt32BE(0);
  if (boxSize < 16 || boxSize > 4096 || boxSize % 4 !== 0) return undefined;
  const major = head.toString('latin1', 8, 12);
  if (REFUSED_MAJOR_BRANDS.includes(major)) return undefined;
  const compatible: string[] = [];
  for (let at = 16; at + 4 <= Math.min(boxSize, head.length); at += 4) {
    compatible.push(head.toString('latin1', at, at + 4));
  }
  const brands = [major, ...compatible];
  const has = (list: string[]) => brands.some((brand) => list.includes(brand));
  // HEVC-coded HEIF (what phones write) is told from plain HEIF by its brands, wherever listed
  if (has(HEIC_BRANDS)) return 'image/heic';
  if (has(HEIF_BRANDS)) return 'image/heif';
  if (has(QUICKTIME_BRANDS)) return 'video/quicktime';
  if (has(MP4_BRANDS)) return 'video/mp4';
  return undefined;
}

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
  const isoMedia = sniffIsoMedia(head);
  if (isoMedia) return isoMedia;
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

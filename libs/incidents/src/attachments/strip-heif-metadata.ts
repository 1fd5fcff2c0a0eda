/**
 * HEIC/HEIF photos without their Exif (camera, GPS position, time) and XMP:
 * the platform cannot decode HEVC to write the picture again, so the bytes of
 * those metadata items are overwritten with zeros where they lie. Nothing
 * moves, so every offset in the file stays right and the picture is untouched
 * (its orientation is an `irot`/`imir` property, not Exif).
 *
 * ISO/IEC 23008-12 (HEIF) on ISO/IEC 14496-12 boxes: the top-level `meta` box
 * lists the items (`iinf`/`infe`: an `Exif` item; a `mime` item of type
 * `application/rdf+xml` for XMP) and where their bytes are (`iloc`: extents
 * in the file, or in the `idat` box). Returns how many items were blanked, or
 * `undefined` when the file is not laid out as expected (then nothing is
 * changed, and the caller decides).
 */
export function blankHeifMetadata(file: Buffer): number | undefined {
  try {
    const meta = topLevelBox(file, 'meta');
    if (!meta) return 0;
    // `meta` is a full box: version and flags come before its children.
    const children = boxesIn(file, meta.start + 4, meta.end);
    const iinf = children.find((box) => box.type === 'iinf');
    const iloc = children.find((box) => box.type === 'iloc');
    const idat = children.find((box) => box.type === 'idat');
    if (!iinf) return 0;
    const hidden = metadataItems(file, iinf);
    if (hidden.size === 0) return 0;
    if (!iloc) return undefined;
    const ranges = extentsOf(file, iloc, hidden, idat);
    if (!ranges) return undefined;
    for (const [from, to] of ranges) {
      if (from < 0 || to > file.length || from > to) return undefined;
    }
    for (const [from, to] of ranges) file.fill(0, from, to);
    return hidden.size;
  } catch {
    return undefined;
  }
}

interface Box {
  type: string;
  /** Where the payload starts (after size and type) and where the box ends. */
  start: number;
  end: number;
}

function boxesIn(file: Buffer, from: number, to: number): Box[] {
  const boxes: Box[] = [];
  let at = from;
  while (at + 8 <= to) {
    let size = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    let header = 8;
    if (size === 1) {
      size = Number(file.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) {
      size = to - at;
    }
    if (size < header || at + size > to) throw new Error('box outside its parent');
    boxes.push({ type, start: at + header, end: at + size });
    at += size;
  }
  return boxes;
}

function topLevelBox(file: Buffer, type: string): Box | undefined {
  return boxesIn(file, 0, file.length).find((box) => box.type === type);
}

function readUInt(file: Buffer, at: number, bytes: number): number {
  if (bytes === 0) return 0;
  if (bytes === 4) return file.readUInt32BE(at);
  if (bytes === 8) return Number(file.readBigUInt64BE(at));
  if (bytes === 2) return file.readUInt16BE(at);
  throw new Error(`unexpected field size ${bytes}`);
}

/** The ids of the Exif and XMP items listed in `iinf`. */
function metadataItems(file: Buffer, iinf: Box): Set<number> {
  const version = file[iinf.start];
  const first = iinf.start + 4 + (version === 0 ? 2 : 4);
  const items = new Set<number>();
  for (const infe of boxesIn(file, first, iinf.end)) {
    if (infe.type !== 'infe') continue;
    const infeVersion = file[infe.start];
    if (infeVersion < 2) continue; // versions 0 and 1 name no item type
    let at = infe.start + 4;
    const id = infeVersion === 2 ? file.readUInt16BE(at) : file.readUInt32BE(at);
    at += infeVersion === 2 ? 2 : 4;
    at += 2; // item_protection_index
    const itemType = file.toString('latin1', at, at + 4);
    at += 4;
    if (itemType === 'Exif') {
      items.add(id);
    } else if (itemType === 'mime') {
      const nameEnd = file.indexOf(0, at);
      const typeEnd = file.indexOf(0, nameEnd + 1);
      const contentType = file.toString('latin1', nameEnd + 1, typeEnd < 0 ? infe.end : typeEnd);
      if (contentType.trim() === 'application/rdf+xml') items.add(id);
    }
  }
  return items;
}

/** The byte ranges of the `wanted` items' extents, in the file. */
function extentsOf(
  file: Buffer,
  iloc: Box,
  wanted: Set<number>,
  idat: Box | undefined,
): [number, number][] | undefined {
  const version = file[iloc.start];
  let at = iloc.start + 4;
  const sizes = file.readUInt16BE(at);
  at += 2;
  const offsetSize = sizes >> 12;
  const lengthSize = (sizes >> 8) & 0xf;
  const baseOffsetSize = (sizes >> 4) & 0xf;
  const indexSize = version === 1 || version === 2 ? sizes & 0xf : 0;
  const itemCount = version < 2 ? file.readUInt16BE(at) : file.readUInt32BE(at);
  at += version < 2 ? 2 : 4;
  const ranges: [number, number][] = [];
  for (let item = 0; item < itemCount; item += 1) {
    const id = version < 2 ? file.readUInt16BE(at) : file.readUInt32BE(at);
    at += version < 2 ? 2 : 4;
    let method = 0;
    if (version === 1 || version === 2) {
      method = file.readUInt16BE(at) & 0xf;
      at += 2;
    }
    at += 2; // data_reference_index
    const baseOffset = readUInt(file, at, baseOffsetSize);
    at += baseOffsetSize;
    const extentCount = file.readUInt16BE(at);
    at += 2;
    for (let extent = 0; extent < extentCount; extent += 1) {
      at += indexSize;
      const offset = readUInt(file, at, offsetSize);
      at += offsetSize;
      const length = readUInt(file, at, lengthSize);
      at += lengthSize;
      if (!wanted.has(id)) continue;
      // A length of 0 means "to the end", an item offset (method 2) points into another item:
      // neither is how phones store metadata, so the file is left to the caller.
      if (length === 0 || method === 2) return undefined;
      if (method === 1 && !idat) return undefined;
      const start = (method === 1 ? idat!.start : 0) + baseOffset + offset;
      ranges.push([start, start + length]);
    }
  }
  return ranges;
}

import { isVideo, sniffContentType, sniffIsoMedia } from './file-type';

/** An ISO BMFF `ftyp` box as phones write it, followed by the start of the next box. */
const ftyp = (major: string, compatible: string[], minor = 0) => {
  const size = 16 + compatible.length * 4;
  const box = Buffer.alloc(size);
  box.writeUInt32BE(size, 0);
  box.write('ftyp', 4, 'latin1');
  box.write(major, 8, 'latin1');
  box.writeUInt32BE(minor, 12);
  compatible.forEach((brand, i) => box.write(brand, 16 + i * 4, 'latin1'));
  const next = Buffer.from([0, 0, 0, 8, 0x6d, 0x64, 0x61, 0x74]); // an empty `mdat`
  return Buffer.concat([box, next]);
};

describe('sniffing phone photos and videos (ISO BMFF ftyp brands)', () => {
  it.each([
    ['an iPhone photo', ftyp('heic', ['mif1', 'heic']), 'image/heic'],
    ['an HEIC with extended range', ftyp('heix', ['mif1', 'heix']), 'image/heic'],
    ['an HEIC burst', ftyp('hevc', ['msf1', 'hevc']), 'image/heic'],
    ['an Android photo branded mif1 first', ftyp('mif1', ['mif1', 'heic', 'miaf']), 'image/heic'],
    ['a plain HEIF', ftyp('mif1', ['mif1', 'miaf']), 'image/heif'],
    ['an HEIF sequence', ftyp('msf1', ['msf1', 'iso8']), 'image/heif'],
    ['an iPhone video', ftyp('qt  ', ['qt  '], 0x200), 'video/quicktime'],
    ['an Android video', ftyp('isom', ['isom', 'iso2', 'avc1', 'mp41']), 'video/mp4'],
    ['an MP4 version 2', ftyp('mp42', ['isom', 'mp42']), 'video/mp4'],
    ['an iTunes video', ftyp('M4V ', ['M4V ', 'M4A ', 'mp42', 'isom']), 'video/mp4'],
    ['a Samsung video', ftyp('mp42', ['isom', 'mp42']), 'video/mp4'],
    [
      'an unknown major brand with mp4 compatibility',
      ftyp('XAVC', ['XAVC', 'mp42', 'iso2']),
      'video/mp4',
    ],
  ])('recognises %s', (_what, head, type) => {
    expect(sniffContentType(head)).toBe(type);
  });

  it.each([
    ['an AVIF picture, although HEIF-compatible', ftyp('avif', ['avif', 'mif1', 'miaf'])],
    ['an audio file', ftyp('M4A ', ['M4A ', 'mp42', 'isom'])],
    ['a JPEG 2000 picture', ftyp('jp2 ', ['jp2 '])],
    ['an unknown brand only', ftyp('zzzz', ['zzzz'])],
    [
      'a box that is not ftyp',
      Buffer.concat([Buffer.from([0, 0, 0, 16]), Buffer.from('moovisom\0\0\0\0')]),
    ],
    [
      'a box size that cannot be',
      (() => {
        const head = ftyp('isom', ['isom']);
        head.writeUInt32BE(7, 0);
        return head;
      })(),
    ],
    ['a cut-off header', ftyp('isom', ['isom']).subarray(0, 12)],
    [
      'a Windows program renamed .mp4',
      Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(64)]),
    ],
  ])('refuses %s', (_what, head) => {
    expect(sniffIsoMedia(head)).toBeUndefined();
    expect(sniffContentType(head)).toBeUndefined();
  });

  it('reads only the brands inside the ftyp box', () => {
    // a box of 16 bytes has no compatible brands: what follows (here `mp42`) is another box
    const head = Buffer.concat([ftyp('zzzz', []).subarray(0, 16), Buffer.from('mp42mp42')]);
    expect(sniffIsoMedia(head)).toBeUndefined();
  });

  it('gives videos their own size limit, and pictures not', () => {
    expect(isVideo('video/mp4')).toBe(true);
    expect(isVideo('video/quicktime')).toBe(true);
    expect(isVideo('image/heic')).toBe(false);
    expect(isVideo('application/pdf')).toBe(false);
  });
});

import sharp from 'sharp';
import { blankHeifMetadata } from './strip-heif-metadata';

/** A small HEIF file written by libheif (AV1-coded: the only HEIF codec sharp writes) with Exif. */
const heifWithExif = () =>
  sharp({ create: { width: 32, height: 32, channels: 3, background: 'red' } })
    .withExif({ IFD0: { Make: 'PhoneCo', Copyright: 'GPS 40.7128 N 74.0060 W' } })
    .heif({ compression: 'av1' })
    .toBuffer();

describe('blankHeifMetadata', () => {
  it('overwrites the Exif item with zeros, keeping the size and the picture', async () => {
    const file = await heifWithExif();
    expect(file.indexOf('GPS 40.7128')).toBeGreaterThan(0);
    const before = Buffer.from(file);

    expect(blankHeifMetadata(file)).toBe(1);

    expect(file.length).toBe(before.length);
    expect(file.indexOf('GPS 40.7128')).toBe(-1);
    expect(file.indexOf('PhoneCo')).toBe(-1);
    const changed = [...file].filter((byte, i) => byte !== before[i]).length;
    expect(changed).toBeLessThan(200);
    const metadata = await sharp(file).metadata();
    expect(metadata).toMatchObject({ width: 32, height: 32 });
    const pixels = await sharp(file).raw().toBuffer();
    expect(pixels.length).toBe(32 * 32 * 3);
  });

  it('changes nothing in a file without metadata items', async () => {
    const file = await sharp({ create: { width: 8, height: 8, channels: 3, background: 'blue' } })
      .heif({ compression: 'av1' })
      .toBuffer();
    const before = Buffer.from(file);
    expect(blankHeifMetadata(file)).toBe(0);
    expect(file.equals(before)).toBe(true);
  });

  it('leaves a file it cannot read alone', () => {
    const broken = Buffer.concat([
      Buffer.from([0, 0, 0, 24]),
      Buffer.from('ftypheic\0\0\0\0mif1heic'),
      Buffer.from([0, 0, 0xff, 0xff]),
      Buffer.from('meta'),
      Buffer.alloc(16),
    ]);
    const before = Buffer.from(broken);
    expect(blankHeifMetadata(broken)).toBeUndefined();
    expect(broken.equals(before)).toBe(true);
  });
});

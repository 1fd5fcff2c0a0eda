import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { TooLargeError, UnsupportedTypeError } from '@app/common';
import sharp from 'sharp';
import { sniffContentType } from './file-type';
import { stripImageMetadata } from './strip-image-metadata';

const EXIF = {
  IFD0: { Make: 'PhoneCo', Model: 'X', Software: 'PhoneCo Camera 1.0' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '40/1 26/1 46/1' },
};
const XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:tiff="http://ns.adobe.com/tiff/1.0/" tiff:Make="PhoneCo"/></rdf:RDF></x:xmpmeta>';

const canvas = (width = 40, height = 30) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } });

/** A PNG with a tEXt chunk `Comment: <text>` right after its header chunk. */
function withTextChunk(png: Buffer, text: string): Buffer {
  const data = Buffer.from(`Comment\0${text}`, 'latin1');
  const type = Buffer.from('tEXt', 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([type, data])));
  const afterHeader = 8 + 25; // signature, then IHDR (4 length + 4 type + 13 data + 4 crc)
  return Buffer.concat([
    png.subarray(0, afterHeader),
    length,
    type,
    data,
    crc,
    png.subarray(afterHeader),
  ]);
}

describe('stripImageMetadata', () => {
  it('drops the EXIF (camera, GPS), XMP and ICC profile of a JPEG, which stays a JPEG', async () => {
    const photo = await canvas().jpeg().withExif(EXIF).withXmp(XMP).withIccProfile('p3').toBuffer();
    const before = await sharp(photo).metadata();
    expect(before.exif).toBeDefined();
    expect(before.icc).toBeDefined();

    const clean = await stripImageMetadata(photo, 'image/jpeg');

    const after = await sharp(clean).metadata();
    expect(after).toMatchObject({ format: 'jpeg', width: 40, height: 30 });
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(clean.includes('PhoneCo')).toBe(false);
    expect(sniffContentType(clean)).toBe('image/jpeg');
  });

  it('turns a photo upright by its EXIF orientation before dropping it', async () => {
    const sideways = await canvas(40, 30).jpeg().withMetadata({ orientation: 6 }).toBuffer();

    const clean = await stripImageMetadata(sideways, 'image/jpeg');

    const after = await sharp(clean).metadata();
    expect(after).toMatchObject({ width: 30, height: 40 });
    expect(after.orientation).toBeUndefined();
  });

  it('drops the text chunks and EXIF of a PNG, which stays a PNG with its pixels', async () => {
    const png = withTextChunk(await canvas().png().withExif(EXIF).toBuffer(), 'PhoneCo secret');
    expect((await sharp(png).metadata()).comments).toEqual([
      { keyword: 'Comment', text: 'PhoneCo secret' },
    ]);

    const clean = await stripImageMetadata(png, 'image/png');

    const after = await sharp(clean).metadata();
    expect(after).toMatchObject({ format: 'png', width: 40, height: 30 });
    expect(after.comments).toBeUndefined();
    expect(after.exif).toBeUndefined();
    expect(clean.includes('PhoneCo')).toBe(false);
    const pixel = await sharp(clean)
      .extract({ left: 5, top: 5, width: 1, height: 1 })
      .raw()
      .toBuffer();
    expect([...pixel.subarray(0, 3)]).toEqual([200, 30, 30]);
  });

  it('drops the EXIF and XMP of a WebP, which stays a WebP', async () => {
    const webp = await canvas().webp().withExif(EXIF).withXmp(XMP).toBuffer();

    const clean = await stripImageMetadata(webp, 'image/webp');

    const after = await sharp(clean).metadata();
    expect(after).toMatchObject({ format: 'webp', width: 40, height: 30 });
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(clean.includes('PhoneCo')).toBe(false);
  });

  it.each([
    ['GIF', 'image/gif', 'gif'],
    ['WebP', 'image/webp', 'webp'],
  ] as const)('keeps every frame of an animated %s', async (_name, type, format) => {
    const frames = await Promise.all(
      ['red', 'blue', 'green'].map((colour) =>
        sharp({ create: { width: 8, height: 6, channels: 4, background: colour } })
          .png()
          .toBuffer(),
      ),
    );
    const animation = await sharp(frames, { join: { animated: true } })
      [format]()
      .toBuffer();

    const clean = await stripImageMetadata(animation, type);

    expect(await sharp(clean).metadata()).toMatchObject({ format, pages: 3, width: 8, height: 6 });
  });

  it.each([
    [
      'a PNG signature before random bytes',
      'image/png',
      () => Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(200)]),
    ],
    [
      'a JPEG start before random bytes',
      'image/jpeg',
      () => Buffer.concat([Buffer.from('ffd8ffe0', 'hex'), randomBytes(200)]),
    ],
    ['a GIF header alone', 'image/gif', () => Buffer.from('GIF89a')],
    [
      'a WebP header before random bytes',
      'image/webp',
      () => Buffer.concat([Buffer.from('RIFF\x01\x02\x03\x04WEBPVP8 ', 'latin1'), randomBytes(40)]),
    ],
  ] as const)('refuses %s as an unsupported type naming the format', async (_case, type, make) => {
    const refusal = stripImageMetadata(make(), type).catch((error: unknown) => error);
    const format = {
      'image/png': 'PNG',
      'image/jpeg': 'JPEG',
      'image/gif': 'GIF',
      'image/webp': 'WebP',
    }[type];

    await expect(refusal).resolves.toBeInstanceOf(UnsupportedTypeError);
    await expect(refusal).resolves.toMatchObject({
      message: expect.stringContaining(`like a ${format} picture but cannot be read`),
    });
  });

  it('refuses a JPEG cut short', async () => {
    const photo = await canvas(400, 300).jpeg().toBuffer();
    await expect(
      stripImageMetadata(photo.subarray(0, photo.length - 300), 'image/jpeg'),
    ).rejects.toThrow(UnsupportedTypeError);
  });

  it('refuses a picture of more than 60 megapixels before decoding it', async () => {
    // 10,000 x 7,000: a small file (one colour), a lot of pixels.
    const huge = await sharp({
      create: { width: 10_000, height: 7_000, channels: 3, background: 'white' },
    })
      .png({ compressionLevel: 9 })
      .toBuffer();

    await expect(stripImageMetadata(huge, 'image/png')).rejects.toThrow(TooLargeError);
  });
});

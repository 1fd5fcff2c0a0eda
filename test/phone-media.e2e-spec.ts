import { createHash } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import sharp from 'sharp';
import type { Factory } from './support/factory';
import type { ApiClient } from './support/api-driver';
import { TestApp } from './support/test-app';

jest.setTimeout(120_000);

type World = Awaited<ReturnType<Factory['world']>>;
type Cast = keyof World['users'];

const MB = 1024 * 1024;
/** The video limit of this test app: small enough to go over quickly, above the 30 MB video. */
const VIDEO_LIMIT = 40 * MB;

/** An ISO BMFF `ftyp` box with these brands, then an `mdat` box header. */
const ftyp = (major: string, compatible: string[]) => {
  const size = 16 + compatible.length * 4;
  const box = Buffer.alloc(size);
  box.writeUInt32BE(size, 0);
  box.write('ftyp', 4, 'latin1');
  box.write(major, 8, 'latin1');
  compatible.forEach((brand, i) => box.write(brand, 16 + i * 4, 'latin1'));
  return Buffer.concat([box, Buffer.from([0, 0, 0x10, 0, 0x6d, 0x64, 0x61, 0x74])]);
};
const HEIC = ftyp('heic', ['mif1', 'heic']);
const MP4 = ftyp('isom', ['isom', 'iso2', 'avc1', 'mp41']);
const MOV = ftyp('qt  ', ['qt  ']);
const EXE = Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1');

/** A Node script that streams a file as multipart/form-data, printing the status and the body. */
const UPLOADER = `
const [url, authorization, path, name] = process.argv.slice(1);
const { createReadStream, statSync } = require('node:fs');
const boundary = 'phone-media-' + Date.now();
const head = Buffer.from('--' + boundary + '\\r\\nContent-Disposition: form-data; name="file"; filename="' + name + '"\\r\\nContent-Type: application/octet-stream\\r\\n\\r\\n');
const tail = Buffer.from('\\r\\n--' + boundary + '--\\r\\n');
const request = require('node:http').request(url, {
  method: 'POST',
  headers: {
    authorization,
    'content-type': 'multipart/form-data; boundary=' + boundary,
    'content-length': head.length + statSync(path).size + tail.length,
  },
}, (response) => {
  let body = '';
  response.on('data', (chunk) => (body += chunk));
  response.on('end', () => process.stdout.write(JSON.stringify({ status: response.statusCode, body: JSON.parse(body) })));
});
request.write(head);
createReadStream(path).on('end', () => request.end(tail)).pipe(request, { end: false });
`;

const uploadFromChild = (url: string, authorization: string, path: string, name: string) =>
  new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
    execFile(
      process.execPath,
      ['-e', UPLOADER, url, authorization, path, name],
      { maxBuffer: MB },
      (error, stdout) => {
        if (error) reject(new Error(`the uploader failed: ${error.message}`));
        else resolve(JSON.parse(stdout) as { status: number; body: Record<string, unknown> });
      },
    );
  });

describe('phone photos and videos as evidence', () => {
  let t: TestApp;
  let world: World;
  let api: Record<Cast, ApiClient>;
  let dataDir: string;
  let scratch: string;
  let base: string;

  const uploads = () => join(dataDir, 'uploads');
  const storedFiles = () =>
    existsSync(uploads())
      ? (readdirSync(uploads(), { recursive: true }) as string[])
          .filter((entry) => statSync(join(uploads(), entry)).isFile())
          .sort()
      : [];
  const stored = async () => ({
    rows: (
      await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM attachments')
    )[0].n,
    files: storedFiles(),
  });
  /** A file on disk of `size` bytes starting with `head` (the rest zeros, sparse). */
  const fileOf = (name: string, head: Buffer, size: number) => {
    const path = join(scratch, name);
    writeFileSync(path, head);
    truncateSync(path, size);
    return path;
  };
  const sha256Of = (path: string) =>
    new Promise<string>((resolve, reject) => {
      const hash = createHash('sha256');
      createReadStream(path)
        .on('data', (chunk) => hash.update(chunk))
        .on('end', () => resolve(hash.digest('hex')))
        .on('error', reject);
    });
  const newCase = async () => {
    const response = await api.student
      .post('/incidents')
      .send({
        schoolId: world.school.id,
        category: 'physical',
        location: 'cafeteria',
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        description: 'Someone filmed the fight at lunch and it is going around.',
      })
      .expect(201);
    return response.body.id as string;
  };
  const upload = (incidentId: string, content: Buffer | string, fileName: string) =>
    t.http
      .post(`/api/v1/incidents/${incidentId}/attachments`)
      .set(api.student.headers)
      .attach('file', content, fileName);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'phone-media-'));
    scratch = mkdtempSync(join(tmpdir(), 'phone-media-files-'));
    t = await TestApp.start({ DATA_DIR: dataDir, MAX_VIDEO_BYTES: String(VIDEO_LIMIT) });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    world = await t.factory.world();
    api = await t.signInAll(world.users);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });

  it.each([
    ['an iPhone photo', HEIC, 'IMG_0042.HEIC', 'image/heic'],
    ['an MP4 video', MP4, 'VID_20261201.mp4', 'video/mp4'],
    ['a QuickTime video', MOV, 'IMG_0043.MOV', 'video/quicktime'],
    ['an MP4 named like a photo', MP4, 'photo.jpg', 'video/mp4'],
  ])('keeps %s as sent, its type judged from the content', async (_what, head, name, type) => {
    const incidentId = await newCase();
    const content = Buffer.concat([head, Buffer.alloc(64 * 1024, 7)]);
    const response = await upload(incidentId, content, name).expect(201);
    expect(response.body).toMatchObject({
      fileName: name,
      contentType: type,
      size: content.length,
    });
    const download = await t.http
      .get(`/api/v1/attachments/${response.body.id}`)
      .set(api.counselor.headers)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(download.headers['content-type']).toBe(type);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(Buffer.compare(download.body as Buffer, content)).toBe(0);
  });

  it('keeps an HEIF photo without its Exif (GPS position included)', async () => {
    const incidentId = await newCase();
    const photo = await sharp({
      create: { width: 32, height: 32, channels: 3, background: 'green' },
    })
      .withExif({ IFD0: { Copyright: 'GPS 40.7128 N 74.0060 W' } })
      .heif({ compression: 'av1' })
      .toBuffer();
    // As a phone would brand it (sharp writes AV1-coded HEIF only, branded avif).
    photo.write('heic', 8, 'latin1');
    expect(photo.indexOf('GPS 40.7128')).toBeGreaterThan(0);
    const response = await upload(incidentId, photo, 'IMG_0044.HEIC').expect(201);
    expect(response.body).toMatchObject({ contentType: 'image/heic', size: photo.length });
    const kept = readFileSync(join(uploads(), world.school.id, response.body.id as string));
    expect(kept.length).toBe(photo.length);
    expect(kept.indexOf('GPS 40.7128')).toBe(-1);
  });

  it('refuses a program renamed .mp4 with 415 and stores nothing', async () => {
    const incidentId = await newCase();
    const before = await stored();
    const response = await upload(
      incidentId,
      Buffer.concat([EXE, Buffer.alloc(200_000)]),
      'funny.mp4',
    ).expect(415);
    expect(response.body.message).toContain('video/mp4');
    expect(await stored()).toEqual(before);
  });

  it('refuses a video over MAX_VIDEO_BYTES with 413, leaving no row and no partial file', async () => {
    const incidentId = await newCase();
    const before = await stored();
    const path = fileOf('too-long.mp4', MP4, VIDEO_LIMIT + 1);
    await upload(incidentId, path, 'too-long.mp4').expect(413);
    expect(await stored()).toEqual(before);
  });

  it('keeps pictures at 10 MB: an HEIC photo over it gets 413', async () => {
    const incidentId = await newCase();
    const before = await stored();
    await upload(incidentId, fileOf('big.heic', HEIC, 10 * MB + 1), 'big.heic').expect(413);
    expect(await stored()).toEqual(before);
  });

  it('streams a 30 MB video to storage without holding it in memory', async () => {
    const incidentId = await newCase();
    const path = fileOf('lunch.mp4', MP4, 30 * MB);
    const expected = await sha256Of(path);
    // Retained memory only: a young-generation collection before each sample frees the chunks
    // already written (Buffers live outside the heap, so they count in arrayBuffers until then).
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;
    const retained = () => {
      gc({ type: 'minor' });
      return process.memoryUsage().arrayBuffers;
    };
    gc({ type: 'major' });
    const baseline = retained();
    let peak = baseline;
    let sampling = true;
    const sample = () => {
      if (!sampling) return;
      peak = Math.max(peak, retained());
      setTimeout(sample, 50);
    };
    sample();
    try {
      // Sent from another process, so that only the API's memory is in this one.
      const response = await uploadFromChild(
        `${base}/api/v1/incidents/${incidentId}/attachments`,
        api.student.headers.Authorization,
        path,
        'lunch.mp4',
      );
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ contentType: 'video/mp4', size: 30 * MB });
      const [row] = await t.dataSource.query<{ sha256: string }[]>(
        'SELECT sha256 FROM attachments WHERE id = $1',
        [response.body.id],
      );
      expect(row.sha256).toBe(expected);
      expect(statSync(join(uploads(), world.school.id, response.body.id as string)).size).toBe(
        30 * MB,
      );
    } finally {
      sampling = false;
    }
    // Buffered whole, the upload would hold 30 MB at least; streamed, a few chunks at a time
    // (5 to 10 MB measured here, with the sockets' and the parser's buffers).
    expect(peak - baseline).toBeLessThan(20 * MB);
  });

  it('takes phone media on the anonymous route too', async () => {
    const filed = await t.http
      .post('/api/v1/public/reports')
      .send({
        schoolCode: world.school.code,
        category: 'cyber',
        location: 'online',
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        description: 'A video of me is being shared in a group chat.',
      })
      .expect(201);
    const send = (content: Buffer | string, name: string) =>
      t.http
        .post('/api/v1/public/reports/attachments')
        .field('trackingCode', filed.body.trackingCode as string)
        .attach('file', content, name);
    const video = await send(Buffer.concat([MOV, Buffer.alloc(4096)]), 'clip.mov').expect(201);
    expect(video.body.contentType).toBe('video/quicktime');
    const photo = await send(Buffer.concat([HEIC, Buffer.alloc(4096)]), 'photo.heic').expect(201);
    expect(photo.body.contentType).toBe('image/heic');
    const before = await stored();
    await send(Buffer.concat([EXE, Buffer.alloc(4096)]), 'clip.mp4').expect(415);
    await send(fileOf('anon-long.mov', MOV, VIDEO_LIMIT + 1), 'long.mov').expect(413);
    expect(await stored()).toEqual(before);
  });
});

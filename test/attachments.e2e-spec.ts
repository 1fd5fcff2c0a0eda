import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import type { Response } from 'supertest';
import type { User } from '@app/identity';
import { AttachmentStorage } from '@app/incidents';
import { Factory } from './support/factory';
import type { ApiClient } from './support/api-driver';
import { TestApp } from './support/test-app';

// Starting the app, and some uploads, can take longer than jest's default 5 s on a busy machine.
jest.setTimeout(60_000);

type World = Awaited<ReturnType<Factory['world']>>;
type Cast = keyof World['users'];
type Headers = Record<string, string>;

const MB = 1024 * 1024;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A file that starts like a PNG but is none: refused before it is read, or as unreadable. */
const fakePng = (size = 64) => Buffer.concat([PNG_SIGNATURE, randomBytes(Math.max(0, size - 8))]);
/** Real pictures, made once (`beforeAll`): uploads of pictures are decoded and written again. */
const pictures = {} as Record<'png' | 'jpeg' | 'webp' | 'gif', Buffer>;
const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 90, g: 140, b: 200 } } });
const png = () => pictures.png;
const jpeg = () => pictures.jpeg;
const webp = () => pictures.webp;
const gif = () => pictures.gif;
/** What a phone writes into a photo: its make and model, and where it was taken. */
const PHONE_EXIF = {
  IFD0: { Make: 'PhoneCo', Model: 'X' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '40/1 26/1 46/1' },
};
/** A PNG with a tEXt chunk `Comment: <text>` after its header chunk. */
function withTextChunk(image: Buffer, text: string): Buffer {
  const type = Buffer.from('tEXt', 'latin1');
  const data = Buffer.from(`Comment\0${text}`, 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([type, data])));
  const afterHeader = 8 + 25;
  return Buffer.concat([
    image.subarray(0, afterHeader),
    length,
    type,
    data,
    crc,
    image.subarray(afterHeader),
  ]);
}
const pdf = () =>
  Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1');
const text = (words = 'He shoved me in the hallway again today.\r\nThen again at lunch.\n') =>
  Buffer.from(words, 'utf8');
/** The start of a Windows program: 'MZ', then the DOS header. */
const windowsProgram = () =>
  Buffer.concat([
    Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]),
    randomBytes(200),
  ]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const idsOf = (items: unknown) => (items as { id: string }[]).map((item) => item.id);

interface Part {
  name: string;
  value?: string;
  /** Sent as is inside `filename="..."`. */
  fileName?: string;
  /** Sent as RFC 5987 `filename*=UTF-8''...` (already percent-encoded). */
  fileNameStar?: string;
  content?: Buffer;
}

/** A multipart/form-data body written by hand, for what supertest cannot express. */
function multipart(parts: Part[]): { contentType: string; body: Buffer } {
  const boundary = `----e2e-${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    let disposition = `form-data; name="${part.name}"`;
    if (part.fileName !== undefined) disposition += `; filename="${part.fileName}"`;
    if (part.fileNameStar !== undefined) disposition += `; filename*=UTF-8''${part.fileNameStar}`;
    const isFile = part.content !== undefined;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\n` +
          (isFile ? 'Content-Type: application/octet-stream\r\n' : '') +
          '\r\n',
        'latin1',
      ),
    );
    chunks.push(part.content ?? Buffer.from(part.value ?? '', 'utf8'));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(chunks) };
}

/** Collects a response body as bytes, whatever its type. */
const binary = (res: unknown, callback: (error: Error | null, body: Buffer) => void) => {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
  stream.on('error', (error: Error) => callback(error, Buffer.alloc(0)));
};

describe('evidence attachments', () => {
  let t: TestApp;
  let world: World;
  let api: Record<Cast, ApiClient>;
  let dataDir: string;
  let otherParent: User;
  let otherParentToken: string;

  const uploads = () => join(dataDir, 'uploads');
  /** The bytes the platform keeps of an attachment, as the local-disk storage wrote them. */
  const storedBytes = (attachmentId: string) =>
    readFileSync(join(uploads(), world.school.id, attachmentId));

  const count = async (sql: string, params: unknown[] = []): Promise<number> => {
    const rows: { n: number }[] = await t.dataSource.query(sql, params);
    return rows[0].n;
  };
  const attachmentCount = () => count('SELECT count(*)::int AS n FROM attachments');
  /** Every regular file under DATA_DIR/uploads, relative to it. */
  const storedFiles = (): string[] =>
    existsSync(uploads())
      ? (readdirSync(uploads(), { recursive: true }) as string[])
          .filter((entry) => statSync(join(uploads(), entry)).isFile())
          .sort()
      : [];
  const everythingStored = async () => ({
    rows: await attachmentCount(),
    events: await count(
      "SELECT count(*)::int AS n FROM incident_events WHERE type = 'attachment_added'",
    ),
    files: storedFiles(),
  });

  const occurredAt = () => new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString();
  /** A report filed by `who` (a student of world.school by default). */
  const fileIncident = async (who: Cast = 'student', extra: Record<string, unknown> = {}) => {
    const response = await api[who]
      .post('/incidents')
      .send({
        schoolId: world.school.id,
        category: 'physical',
        location: 'hallway',
        occurredAt: occurredAt(),
        description: 'An older student shoved me into the lockers after class.',
        ...extra,
      })
      .expect(201);
    return response.body.id as string;
  };
  const upload = (incidentId: string, headers: Headers, content: Buffer, fileName: string) =>
    t.http
      .post(`/api/v1/incidents/${incidentId}/attachments`)
      .set(headers)
      .attach('file', content, fileName);
  const uploadRaw = (path: string, headers: Headers, parts: Part[]) => {
    const { contentType, body } = multipart(parts);
    return t.http.post(path).set(headers).set('Content-Type', contentType).send(body);
  };
  const download = (attachmentId: string, headers: Headers) =>
    t.http.get(`/api/v1/attachments/${attachmentId}`).set(headers).buffer(true).parse(binary);

  const expectDownloadHeaders = (response: Response, contentType: string) => {
    expect(response.headers['content-type']).toBe(contentType);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename=/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('private, no-store');
  };

  beforeAll(async () => {
    pictures.png = await picture(64, 48).png().toBuffer();
    pictures.jpeg = await picture(64, 48).jpeg().toBuffer();
    pictures.webp = await picture(64, 48).webp().toBuffer();
    pictures.gif = await picture(64, 48).gif().toBuffer();
    dataDir = mkdtempSync(join(tmpdir(), 'safe-schools-attachments-'));
    chmodSync(dataDir, 0o755);
    t = await TestApp.start({ DATA_DIR: dataDir });
    world = await t.factory.world();
    api = await t.signInAll(world.users);
    // A parent of the same school whose child has nothing to do with the cases.
    const otherChild = await t.factory.user('student', {
      district: world.district,
      schools: [world.school],
    });
    otherParent = await t.factory.user('parent', {
      district: world.district,
      schools: [world.school],
    });
    await t.factory.guardianship(otherParent, otherChild);
    otherParentToken = await t.login(otherParent.username);
  });

  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('POST /api/v1/incidents/:id/attachments', () => {
    it('stores a PNG the reporter adds, on disk and in the database, and answers its metadata', async () => {
      const incidentId = await fileIncident();
      const content = png();

      const response = await upload(incidentId, api.student.headers, content, 'bruise.png').expect(
        201,
      );

      expect(response.body).toEqual({
        id: expect.any(String),
        fileName: 'bruise.png',
        contentType: 'image/png',
        size: expect.any(Number),
        uploadedAt: expect.any(String),
      });
      // Pictures are written again without metadata: what is kept is what is answered.
      const stored = storedBytes(response.body.id);
      expect(response.body.size).toBe(stored.length);
      const [row]: Record<string, unknown>[] = await t.dataSource.query(
        'SELECT * FROM attachments WHERE id = $1',
        [response.body.id],
      );
      expect(row).toMatchObject({
        incident_id: incidentId,
        school_id: world.school.id,
        uploaded_by_id: world.users.student.id,
        file_name: 'bruise.png',
        content_type: 'image/png',
        size: stored.length,
        sha256: sha256(stored),
        storage_key: `${world.school.id}/${response.body.id}`,
      });
      expect(await sharp(stored).metadata()).toMatchObject({
        format: 'png',
        width: 64,
        height: 48,
      });
      expect(storedFiles().filter((file) => file.endsWith('.partial'))).toEqual([]);

      const staffView = await api.counselor.get(`/incidents/${incidentId}`).expect(200);
      expect(staffView.body.attachments).toEqual([response.body]);
      expect(staffView.body.timeline).toContainEqual(
        expect.objectContaining({
          type: 'attachment_added',
          visibility: 'internal',
          actor: expect.objectContaining({ id: world.users.student.id }),
        }),
      );
    });

    it('lets the family and the school staff add evidence to the case', async () => {
      const incidentId = await fileIncident();

      for (const who of ['parent', 'counselor', 'schoolAdmin'] as const) {
        const response = await upload(incidentId, api[who].headers, text(), `${who}.txt`).expect(
          201,
        );
        expect(response.body).toMatchObject({ fileName: `${who}.txt`, contentType: 'text/plain' });
      }
      await expect(
        count('SELECT count(*)::int AS n FROM attachments WHERE incident_id = $1', [incidentId]),
      ).resolves.toBe(3);
    });

    it('answers 404 to those who may not see the case and stores nothing', async () => {
      const incidentId = await fileIncident();
      const before = await everythingStored();

      for (const who of [
        'staff',
        'sisterAdmin',
        'sisterStudent',
        'foreignAdmin',
        'foreignStudent',
      ] as const) {
        await upload(incidentId, api[who].headers, png(), 'x.png').expect(404);
      }
      await upload(
        incidentId,
        { Authorization: `Bearer ${otherParentToken}` },
        png(),
        'x.png',
      ).expect(404);
      await upload(randomUUID(), api.counselor.headers, png(), 'x.png').expect(404);

      await expect(everythingStored()).resolves.toEqual(before);
    });

    it('answers 403 to a district admin, 401 without a token and 400 for a bad id, storing nothing', async () => {
      const incidentId = await fileIncident();
      const before = await everythingStored();

      await upload(incidentId, api.districtAdmin.headers, png(), 'x.png').expect(403);
      await upload(incidentId, {}, png(), 'x.png').expect(401);
      await upload('not-a-uuid', api.counselor.headers, png(), 'x.png').expect(400);

      await expect(everythingStored()).resolves.toEqual(before);
    });

    it.each([
      ['image/jpeg', jpeg, 'photo.txt'],
      ['image/webp', webp, 'chat.jpg'],
      ['image/gif', gif, 'meme.png'],
      ['application/pdf', pdf, 'letter.gif'],
      ['text/plain', () => text('Él me empujó — otra vez 😢\n'), 'notes.pdf'],
      ['image/png', () => png(), 'evil.pdf'],
    ])('stores %s judged from the bytes, whatever the name (%#)', async (type, make, name) => {
      const incidentId = await fileIncident();
      const content = make();

      const response = await upload(incidentId, api.student.headers, content, name).expect(201);

      const stored = storedBytes(response.body.id);
      expect(response.body).toMatchObject({
        fileName: name,
        contentType: type,
        size: stored.length,
      });
      const downloaded = await download(response.body.id, api.student.headers).expect(200);
      expectDownloadHeaders(downloaded, type === 'text/plain' ? 'text/plain; charset=utf-8' : type);
      expect((downloaded.body as Buffer).equals(stored)).toBe(true);
      if (type.startsWith('image/')) {
        // Written again in its own format, with the same picture.
        const format = type.replace('image/', '');
        expect(await sharp(stored).metadata()).toMatchObject({ format, width: 64, height: 48 });
      } else {
        // Documents are kept exactly as sent.
        expect(stored.equals(content)).toBe(true);
      }
    });

    it.each([
      ['a Windows program renamed photo.png', windowsProgram(), 'photo.png'],
      [
        'an ELF binary',
        Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), randomBytes(100)]),
        'me.jpg',
      ],
      [
        'a zip archive',
        Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(100)]),
        'pics.pdf',
      ],
      ['an empty file', Buffer.alloc(0), 'empty.txt'],
      ['text with NUL bytes', Buffer.from('hello\u0000world, this is not text'), 'notes.txt'],
      ['a PNG signature before random bytes', fakePng(5000), 'photo.png'],
      [
        'a JPEG start before random bytes',
        Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), randomBytes(400)]),
        'photo.jpg',
      ],
      ['a GIF header and nothing else', Buffer.from('GIF89a'), 'meme.gif'],
    ])('refuses %s with 415 and keeps no row and no file', async (_what, content, name) => {
      const incidentId = await fileIncident();
      const before = await everythingStored();

      const response = await upload(incidentId, api.student.headers, content, name).expect(415);

      expect(response.body).toEqual({
        statusCode: 415,
        error: 'Unsupported Media Type',
        message: expect.any(String),
      });
      await expect(everythingStored()).resolves.toEqual(before);
    });

    it('accepts a file of exactly 10 MB', async () => {
      const incidentId = await fileIncident();
      const content = Buffer.alloc(10 * MB, 'a');

      const response = await upload(incidentId, api.student.headers, content, 'big.txt').expect(
        201,
      );

      expect(response.body.size).toBe(10 * MB);
      expect(statSync(join(uploads(), world.school.id, response.body.id)).size).toBe(10 * MB);
    });

    it('refuses a file over 10 MB with 413 and keeps no row and no file', async () => {
      const incidentId = await fileIncident();
      const before = await everythingStored();
      const content = Buffer.concat([
        PNG_SIGNATURE,
        Buffer.alloc(10 * MB + 1 - PNG_SIGNATURE.length, 7),
      ]);

      const response = await upload(incidentId, api.student.headers, content, 'huge.png').expect(
        413,
      );

      expect(response.body).toMatchObject({ statusCode: 413 });
      await expect(everythingStored()).resolves.toEqual(before);
    });

    it('refuses a JSON body with 415', async () => {
      const incidentId = await fileIncident();
      const before = await everythingStored();

      await api.student
        .post(`/incidents/${incidentId}/attachments`)
        .send({ file: PNG_SIGNATURE.toString('base64') })
        .expect(415);

      await expect(everythingStored()).resolves.toEqual(before);
    });

    it('refuses a file in another field with 400', async () => {
      const incidentId = await fileIncident();
      const before = await everythingStored();

      const response = await api.student
        .post(`/incidents/${incidentId}/attachments`)
        .attach('evidence', png(), 'photo.png')
        .expect(400);

      expect(JSON.stringify(response.body.message)).toContain('file');
      await expect(everythingStored()).resolves.toEqual(before);
    });

    it('refuses a multipart body without any file with 400', async () => {
      const incidentId = await fileIncident();
      const before = await everythingStored();

      await uploadRaw(`/api/v1/incidents/${incidentId}/attachments`, api.student.headers, [
        { name: 'comment', value: 'no file here' },
      ]).expect(400);

      await expect(everythingStored()).resolves.toEqual(before);
    });

    it('refuses more than 25 files on one incident with 422', async () => {
      const incidentId = await fileIncident();
      for (let i = 1; i <= 25; i += 1) {
        await upload(incidentId, api.student.headers, text(`page ${i}\n`), `page-${i}.txt`).expect(
          201,
        );
      }
      const before = await everythingStored();

      const response = await upload(
        incidentId,
        api.counselor.headers,
        png(),
        'one-more.png',
      ).expect(422);

      expect(response.body).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity' });
      await expect(everythingStored()).resolves.toEqual(before);
    });
  });

  describe('pictures are kept without their metadata', () => {
    /** Uploads `content` as the reporter and answers the response and the stored bytes. */
    const keep = async (content: Buffer, name: string) => {
      const incidentId = await fileIncident();
      const response = await upload(incidentId, api.student.headers, content, name).expect(201);
      const [row]: { size: number; sha256: string }[] = await t.dataSource.query(
        'SELECT size, sha256 FROM attachments WHERE id = $1',
        [response.body.id],
      );
      return { response, row, stored: storedBytes(response.body.id) };
    };

    it('drops the EXIF of a phone photo, its make, model and GPS position with it', async () => {
      const photo = await picture(64, 48).jpeg().withExif(PHONE_EXIF).toBuffer();
      const sent = await sharp(photo).metadata();
      expect(sent.exif).toBeDefined();
      expect(photo.includes('PhoneCo')).toBe(true);

      const write = jest.spyOn(t.app.get(AttachmentStorage), 'write');
      const before = storedFiles();
      // A spy that calls through: the upload is stored as usual.
      const kept = await keep(photo, 'hallway.jpg');
      const written = write.mock.calls.map(([key]) => key);
      write.mockRestore();
      const { response, row, stored } = kept;

      // The photo was written once, already stripped: its metadata never touched the storage.
      expect(written).toEqual([`${world.school.id}/${response.body.id}`]);
      expect(storedFiles()).toEqual([...before, join(world.school.id, response.body.id)].sort());
      const metadata = await sharp(stored).metadata();
      expect(metadata).toMatchObject({ format: 'jpeg', width: 64, height: 48 });
      expect(metadata.exif).toBeUndefined();
      expect(metadata.xmp).toBeUndefined();
      expect(metadata.icc).toBeUndefined();
      expect(stored.includes('PhoneCo')).toBe(false);
      // The size and hash on record are those of the bytes kept, which are what a download gives.
      expect(response.body).toMatchObject({ contentType: 'image/jpeg', size: stored.length });
      expect(row).toEqual({ size: stored.length, sha256: sha256(stored) });
      const downloaded = await download(response.body.id, api.student.headers).expect(200);
      expect((downloaded.body as Buffer).equals(stored)).toBe(true);
    });

    it('turns a sideways photo upright by its EXIF orientation', async () => {
      const sideways = await picture(64, 48).jpeg().withMetadata({ orientation: 6 }).toBuffer();

      const { stored } = await keep(sideways, 'sideways.jpg');

      const metadata = await sharp(stored).metadata();
      expect(metadata).toMatchObject({ width: 48, height: 64 });
      expect(metadata.orientation).toBeUndefined();
    });

    it('drops the text chunks and EXIF of a PNG', async () => {
      const screenshot = withTextChunk(
        await picture(64, 48).png().withExif(PHONE_EXIF).toBuffer(),
        'Captured on PhoneCo X at 40.446 N',
      );
      expect((await sharp(screenshot).metadata()).comments).toHaveLength(1);

      const { response, stored } = await keep(screenshot, 'screenshot.png');

      const metadata = await sharp(stored).metadata();
      expect(metadata).toMatchObject({ format: 'png', width: 64, height: 48 });
      expect(metadata.comments).toBeUndefined();
      expect(metadata.exif).toBeUndefined();
      expect(stored.includes('PhoneCo')).toBe(false);
      expect(response.body.size).toBe(stored.length);
    });

    it('drops the EXIF of a WebP', async () => {
      const { stored } = await keep(
        await picture(64, 48).webp().withExif(PHONE_EXIF).toBuffer(),
        'chat.webp',
      );

      expect((await sharp(stored).metadata()).exif).toBeUndefined();
      expect(stored.includes('PhoneCo')).toBe(false);
    });

    it('keeps every frame of an animated GIF', async () => {
      const frames = await Promise.all(
        ['red', 'white', 'blue'].map((colour) =>
          sharp({ create: { width: 16, height: 12, channels: 4, background: colour } })
            .png()
            .toBuffer(),
        ),
      );
      const animation = await sharp(frames, { join: { animated: true } })
        .gif()
        .toBuffer();

      const { stored } = await keep(animation, 'meme.gif');

      expect(await sharp(stored).metadata()).toMatchObject({ format: 'gif', pages: 3 });
    });

    it('stores a PDF and a text file exactly as sent', async () => {
      for (const [content, name] of [
        [pdf(), 'letter.pdf'],
        [text('Exif: PhoneCo, but this is a text file.\n'), 'notes.txt'],
      ] as const) {
        const { row, stored } = await keep(content, name);
        expect(stored.equals(content)).toBe(true);
        expect(row).toEqual({ size: content.length, sha256: sha256(content) });
      }
    });

    it('refuses a picture that cannot be read with 415 saying so, and stores nothing', async () => {
      const incidentId = await fileIncident();
      const before = await everythingStored();

      const response = await upload(
        incidentId,
        api.student.headers,
        fakePng(4000),
        'photo.png',
      ).expect(415);

      expect(response.body).toEqual({
        statusCode: 415,
        error: 'Unsupported Media Type',
        message: expect.stringContaining('like a PNG picture but cannot be read'),
      });
      await expect(everythingStored()).resolves.toEqual(before);
    });
  });

  describe('limits under concurrency', () => {
    it('holds at most 25 files even when the last uploads arrive at the same time', async () => {
      const incidentId = await fileIncident();
      for (let i = 1; i <= 20; i += 1) {
        await upload(incidentId, api.student.headers, text(`page ${i}\n`), `page-${i}.txt`).expect(
          201,
        );
      }

      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          upload(incidentId, api.counselor.headers, png(), `burst-${i}.png`),
        ),
      );

      const statuses = responses.map((response) => response.status).sort();
      expect(statuses).toEqual([...Array(5).fill(201), ...Array(5).fill(422)]);
      await expect(
        count('SELECT count(*)::int AS n FROM attachments WHERE incident_id = $1', [incidentId]),
      ).resolves.toBe(25);
    });

    it('takes one file per request, never two', async () => {
      const incidentId = await fileIncident();
      const before = await attachmentCount();

      const response = await uploadRaw(
        `/api/v1/incidents/${incidentId}/attachments`,
        api.student.headers,
        [
          { name: 'file', fileName: 'one.png', content: png() },
          { name: 'file', fileName: 'two.png', content: png() },
        ],
      );

      expect(response.status).toBeLessThan(500);
      expect((await attachmentCount()) - before).toBeLessThanOrEqual(
        response.status === 201 ? 1 : 0,
      );
    });
  });

  describe('malformed multipart requests', () => {
    it.each([
      ['/api/v1/incidents/:id/attachments', true],
      ['/api/v1/public/reports/attachments', false],
    ])(
      'answers a multipart content type without boundary on %s with 4xx, storing nothing',
      async (path, signedIn) => {
        const incidentId = await fileIncident();
        const before = await everythingStored();

        const response = await t.http
          .post(path.replace(':id', incidentId))
          .set(signedIn ? api.student.headers : {})
          .set('Content-Type', 'multipart/form-data')
          .send(Buffer.from('this is not a multipart body'));

        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        await expect(everythingStored()).resolves.toEqual(before);
      },
    );

    it('answers a body cut off inside the file with 4xx and leaves no partial file behind', async () => {
      const incidentId = await fileIncident();
      const before = await everythingStored();
      const boundary = 'cut-off-boundary';
      const body = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.txt"\r\n` +
          'Content-Type: text/plain\r\n\r\nthe upload stops here without its closing boundary',
      );

      const outcome = await api.student
        .post(`/incidents/${incidentId}/attachments`)
        .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
        .send(body)
        .timeout(5_000)
        .then(
          (response) => `answered ${response.status}`,
          (error: Error) => `no answer: ${error.message}`,
        );

      expect(outcome).toMatch(/^answered 4\d\d$/);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await expect(everythingStored()).resolves.toEqual(before);
    }, 15_000);
  });

  describe('file names', () => {
    let incidentId: string;

    beforeAll(async () => {
      incidentId = await fileIncident();
    });

    const sendNamed = (part: Omit<Part, 'name' | 'content'>) =>
      uploadRaw(`/api/v1/incidents/${incidentId}/attachments`, api.student.headers, [
        { name: 'file', content: text(), ...part },
      ]);

    it('keeps only the last part of a path, and stores the file under its own key', async () => {
      const before = storedFiles();

      const response = await sendNamed({ fileName: '../../etc/passwd' }).expect(201);

      expect(response.body.fileName).toBe('passwd');
      expect(storedFiles()).toEqual([...before, `${world.school.id}/${response.body.id}`].sort());
      expect(existsSync(join(dataDir, 'etc'))).toBe(false);
      const downloaded = await download(response.body.id, api.student.headers).expect(200);
      expect(downloaded.headers['content-disposition']).toBe(
        `attachment; filename="passwd"; filename*=UTF-8''passwd`,
      );
    });

    it('drops Windows folders too', async () => {
      const response = await sendNamed({
        fileNameStar: encodeURIComponent('C:\\Users\\sam\\evil.pdf'),
      }).expect(201);

      expect(response.body.fileName).toBe('evil.pdf');
    });

    it('replaces quotes, control and shell characters', async () => {
      const response = await sendNamed({ fileName: 'a\\"b;c\u0001\u0002$(rm).txt' }).expect(201);

      expect(response.body.fileName).toBe('a_b_c_(rm).txt');
      const downloaded = await download(response.body.id, api.student.headers).expect(200);
      expect(downloaded.headers['content-disposition']).toBe(
        `attachment; filename="a_b_c_(rm).txt"; filename*=UTF-8''a_b_c_(rm).txt`,
      );
    });

    it('keeps letters of any language and sends them as UTF-8 in the download', async () => {
      const response = await sendNamed({
        fileNameStar: encodeURIComponent('captura_niño.txt'),
      }).expect(201);

      expect(response.body.fileName).toBe('captura_niño.txt');
      const downloaded = await download(response.body.id, api.student.headers).expect(200);
      expect(downloaded.headers['content-disposition']).toBe(
        `attachment; filename="captura_ni_o.txt"; filename*=UTF-8''captura_ni%C3%B1o.txt`,
      );
    });

    it('shortens a long name to 150 characters but keeps the extension', async () => {
      const response = await sendNamed({ fileName: `${'x'.repeat(300)}.txt` }).expect(201);

      expect(response.body.fileName).toHaveLength(150);
      expect(response.body.fileName).toMatch(/\.txt$/);
    });

    it('names a file without a usable name "attachment"', async () => {
      const response = await sendNamed({ fileName: '...' }).expect(201);

      expect(response.body.fileName).toBe('attachment');
    });

    it('serves text that looks like HTML as a plain-text download, never inline', async () => {
      const page = Buffer.from('<html><script>alert(document.cookie)</script></html>\n');
      const uploaded = await upload(incidentId, api.student.headers, page, 'page.html').expect(201);

      expect(uploaded.body.contentType).toBe('text/plain');
      const downloaded = await download(uploaded.body.id, api.student.headers).expect(200);
      expectDownloadHeaders(downloaded, 'text/plain; charset=utf-8');
      expect((downloaded.body as Buffer).equals(page)).toBe(true);
    });
  });

  describe('GET /api/v1/attachments/:id', () => {
    let incidentId: string;
    let fromReporter: { id: string; content: Buffer };
    let fromParent: { id: string; content: Buffer };
    let fromCounselor: { id: string; content: Buffer };

    beforeAll(async () => {
      incidentId = await fileIncident();
      /** The file as stored: pictures are written again without their metadata. */
      const add = async (who: Cast, content: Buffer, name: string) => {
        const response = await upload(incidentId, api[who].headers, content, name).expect(201);
        return { id: response.body.id as string, content: storedBytes(response.body.id) };
      };
      fromReporter = await add('student', png(), 'from-student.png');
      fromParent = await add('parent', pdf(), 'from-parent.pdf');
      fromCounselor = await add('counselor', jpeg(), 'from-counselor.jpg');
    });

    it('gives the uploader back the stored bytes with safe headers', async () => {
      const response = await download(fromReporter.id, api.student.headers).expect(200);

      expectDownloadHeaders(response, 'image/png');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="from-student.png"; filename*=UTF-8''from-student.png`,
      );
      expect(Number(response.headers['content-length'])).toBe(fromReporter.content.length);
      expect((response.body as Buffer).equals(fromReporter.content)).toBe(true);
    });

    it('lets the school staff download every file of the case', async () => {
      for (const who of ['counselor', 'schoolAdmin'] as const) {
        for (const file of [fromReporter, fromParent, fromCounselor]) {
          const response = await download(file.id, api[who].headers).expect(200);
          expect((response.body as Buffer).equals(file.content)).toBe(true);
        }
      }
    });

    it('lets reporters and parents download only the files they added themselves', async () => {
      await download(fromParent.id, api.parent.headers).expect(200);
      await download(fromReporter.id, api.parent.headers).expect(404);
      await download(fromCounselor.id, api.parent.headers).expect(404);
      await download(fromParent.id, api.student.headers).expect(404);
      await download(fromCounselor.id, api.student.headers).expect(404);
    });

    it('lists in the reporter and family views only the files each added', async () => {
      const reporterView = await api.student.get(`/incidents/${incidentId}`).expect(200);
      const familyView = await api.parent.get(`/incidents/${incidentId}`).expect(200);

      expect(idsOf(reporterView.body.attachments)).toEqual([fromReporter.id]);
      expect(idsOf(familyView.body.attachments)).toEqual([fromParent.id]);
      expect(reporterView.body.attachments[0]).toEqual({
        id: fromReporter.id,
        fileName: 'from-student.png',
        contentType: 'image/png',
        size: fromReporter.content.length,
        uploadedAt: expect.any(String),
      });
    });

    it('lists to each reporter and family exactly the files they may download', async () => {
      for (const who of ['student', 'parent'] as const) {
        const view = await api[who].get(`/incidents/${incidentId}`).expect(200);
        const listed = idsOf(view.body.attachments);
        for (const file of [fromReporter, fromParent, fromCounselor]) {
          const response = await download(file.id, api[who].headers);
          expect([file.id, response.status]).toEqual([
            file.id,
            listed.includes(file.id) ? 200 : 404,
          ]);
        }
      }
    });

    it('answers 404 to other schools, other users and unknown ids', async () => {
      for (const who of [
        'staff',
        'sisterAdmin',
        'sisterStudent',
        'foreignAdmin',
        'foreignStudent',
      ] as const) {
        for (const file of [fromReporter, fromParent, fromCounselor]) {
          const response = await download(file.id, api[who].headers).expect(404);
          expect((response.body as Buffer).includes(file.content.subarray(0, 16))).toBe(false);
        }
      }
      await download(fromReporter.id, { Authorization: `Bearer ${otherParentToken}` }).expect(404);
      await download(randomUUID(), api.counselor.headers).expect(404);
    });

    it('answers 403 to a district admin, 401 without a token and 400 for a bad id', async () => {
      await download(fromReporter.id, api.districtAdmin.headers).expect(403);
      await download(fromReporter.id, {}).expect(401);
      await download('not-a-uuid', api.counselor.headers).expect(400);
    });
  });

  describe('POST /api/v1/public/reports/attachments', () => {
    let trackingCode: string;
    let incidentId: string;

    beforeAll(async () => {
      const filed = await t.http
        .post('/api/v1/public/reports')
        .send({
          schoolCode: world.school.code,
          category: 'cyber',
          location: 'online',
          occurredAt: occurredAt(),
          description: 'They share screenshots of my messages to laugh at me.',
        })
        .expect(201);
      trackingCode = filed.body.trackingCode;
      const [row]: { id: string }[] = await t.dataSource.query(
        'SELECT id FROM incidents WHERE reference = $1',
        [filed.body.reference],
      );
      incidentId = row.id;
    });

    const publicUpload = (parts: Part[]) =>
      uploadRaw('/api/v1/public/reports/attachments', {}, parts);

    it('stores a file sent after the tracking code, for the reporter and the school staff', async () => {
      const content = png();

      const response = await publicUpload([
        { name: 'trackingCode', value: trackingCode.toLowerCase() },
        { name: 'file', fileName: 'screenshot.png', content },
      ]).expect(201);

      expect(response.body).toEqual({
        id: expect.any(String),
        fileName: 'screenshot.png',
        contentType: 'image/png',
        size: storedBytes(response.body.id).length,
        uploadedAt: expect.any(String),
      });
      const [row]: Record<string, unknown>[] = await t.dataSource.query(
        'SELECT incident_id, uploaded_by_id FROM attachments WHERE id = $1',
        [response.body.id],
      );
      expect(row).toEqual({ incident_id: incidentId, uploaded_by_id: null });
      const status = await t.http
        .post('/api/v1/public/reports/status')
        .send({ trackingCode })
        .expect(200);
      expect(status.body.attachments).toEqual([response.body]);
      const downloaded = await download(response.body.id, api.counselor.headers).expect(200);
      expect((downloaded.body as Buffer).equals(storedBytes(response.body.id))).toBe(true);
      await download(response.body.id, api.sisterAdmin.headers).expect(404);
    });

    it('keeps a photo without its EXIF, GPS position included', async () => {
      const photo = await picture(64, 48).jpeg().withExif(PHONE_EXIF).toBuffer();
      expect((await sharp(photo).metadata()).exif).toBeDefined();

      const response = await publicUpload([
        { name: 'trackingCode', value: trackingCode },
        { name: 'file', fileName: 'where.jpg', content: photo },
      ]).expect(201);

      const stored = storedBytes(response.body.id);
      const metadata = await sharp(stored).metadata();
      expect(metadata).toMatchObject({ format: 'jpeg', width: 64, height: 48 });
      expect(metadata.exif).toBeUndefined();
      expect(stored.includes('PhoneCo')).toBe(false);
      expect(response.body).toMatchObject({ contentType: 'image/jpeg', size: stored.length });
      const status = await t.http
        .post('/api/v1/public/reports/status')
        .send({ trackingCode })
        .expect(200);
      expect(status.body.attachments).toContainEqual(response.body);
    });

    it('refuses a picture that cannot be read with 415 and stores nothing', async () => {
      const before = await everythingStored();

      const response = await publicUpload([
        { name: 'trackingCode', value: trackingCode },
        { name: 'file', fileName: 'photo.png', content: fakePng(3000) },
      ]).expect(415);

      expect(response.body.message).toContain('cannot be read');
      await expect(everythingStored()).resolves.toEqual(before);
    });

    it('lists to the anonymous reporter only the files sent with the tracking code', async () => {
      const fromCounselor = await upload(
        incidentId,
        api.counselor.headers,
        pdf(),
        'school-notes.pdf',
      ).expect(201);
      const anonymousFile = await publicUpload([
        { name: 'trackingCode', value: trackingCode },
        { name: 'file', fileName: 'more.txt', content: text() },
      ]).expect(201);

      const status = await t.http
        .post('/api/v1/public/reports/status')
        .send({ trackingCode })
        .expect(200);

      const listed = idsOf(status.body.attachments);
      expect(listed).toContain(anonymousFile.body.id);
      expect(listed).not.toContain(fromCounselor.body.id);
      const rows: { uploaded_by_id: string | null }[] = await t.dataSource.query(
        'SELECT uploaded_by_id FROM attachments WHERE id = ANY($1)',
        [listed],
      );
      expect(rows.every((row) => row.uploaded_by_id === null)).toBe(true);
    });

    it('refuses a missing tracking code with 400 and stores nothing', async () => {
      const before = await everythingStored();

      const response = await publicUpload([
        { name: 'file', fileName: 'a.png', content: png() },
      ]).expect(400);

      expect(response.body.message).toContain('trackingCode');
      await expect(everythingStored()).resolves.toEqual(before);
    });

    it('refuses a tracking code sent after the file with 400, whatever the size of the file', async () => {
      const before = await everythingStored();
      const codeAfter = (content: Buffer) =>
        publicUpload([
          { name: 'file', fileName: 'a.txt', content },
          { name: 'trackingCode', value: trackingCode },
        ]);

      const large = await codeAfter(Buffer.alloc(2 * MB, 'a'));
      const small = await codeAfter(Buffer.alloc(100, 'a'));

      expect(large.status).toBe(400);
      expect(small.status).toBe(large.status);
      await expect(everythingStored()).resolves.toEqual(before);
    });

    it('answers 404 for a wrong tracking code and stores nothing', async () => {
      const before = await everythingStored();

      const response = await publicUpload([
        { name: 'trackingCode', value: 'ABCD-EFGH-JKLM-NPQR-STUV' },
        { name: 'file', fileName: 'a.png', content: png() },
      ]).expect(404);

      expect(response.body).toMatchObject({ statusCode: 404 });
      await expect(everythingStored()).resolves.toEqual(before);
    });

    it('refuses a program with 415 and stores nothing', async () => {
      const before = await everythingStored();

      await publicUpload([
        { name: 'trackingCode', value: trackingCode },
        { name: 'file', fileName: 'photo.png', content: windowsProgram() },
      ]).expect(415);

      await expect(everythingStored()).resolves.toEqual(before);
    });
  });
});

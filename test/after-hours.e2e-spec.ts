import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { INestApplicationContext } from '@nestjs/common';
import { Clock, parseEnvironment } from '@app/common';
import { EmailSender, OutboxDispatcher } from '@app/notifications';
import { startWorker } from '@app/worker';
import type { School, User } from '@app/identity';
import { MailSink } from './support/mail-sink';
import { TestApp } from './support/test-app';

jest.setTimeout(60_000);

type World = Awaited<ReturnType<TestApp['factory']['world']>>;
type Headers = Record<string, string>;

interface MessageBody {
  id: string;
  authorKind: string;
  authorName: string;
  mine: boolean;
  body: string;
}

interface HelpBody {
  crisisContacts: { name: string; phone: string; hours: string | null }[];
  crisisContactsFrom: string;
  nationalLines: { id: string; number: string; ways: string[]; keyword: string | null }[];
  schoolHours: { opens: string; closes: string; timeZone: string };
  openNow: boolean;
  nextOpensAt: string | null;
}

const PUBLIC_URL = 'https://reports.example.org';
/** New York in November: EST, UTC-5. */
const est = (local: string) => new Date(`${local}-05:00`);
const FRIDAY_9PM = est('2026-11-20T21:00:00');
const FRIDAY_11PM = est('2026-11-20T23:00:00');
const MONDAY_8AM = est('2026-11-23T08:00:00');
const TUESDAY_10AM = est('2026-11-17T10:00:00');
/** Thanksgiving, a holiday of the school below; the Wednesday before is a day off of its own. */
const THANKSGIVING_10AM = est('2026-11-26T10:00:00');

describe('after hours: help lines, automatic replies and on-call e-mails', () => {
  let t: TestApp;
  let sink: MailSink;
  let world: World;
  let clock: Clock;
  let holidaySchool: School;
  let holidayStudent: User;
  let spanishParent: User;
  let worker: INestApplicationContext;

  const as = async (user: User): Promise<Headers> => (await t.signIn(user)).headers;
  const at = (moment: Date) => jest.spyOn(clock, 'now').mockReturnValue(moment);
  const occurredAt = () => new Date(Date.now() - 60 * 60 * 1000).toISOString();
  const report = (schoolId: string, extra: Record<string, unknown> = {}) => ({
    schoolId,
    category: 'verbal',
    location: 'classroom',
    occurredAt: occurredAt(),
    description: 'Two classmates keep calling me names in class every day.',
    ...extra,
  });
  const file = async (user: User, schoolId = world.school.id, extra = {}) =>
    (
      await t.http
        .post('/api/v1/incidents')
        .set(await as(user))
        .send(report(schoolId, extra))
        .expect(201)
    ).body as { id: string; reference: string; help: HelpBody };
  const thread = async (user: User, incidentId: string): Promise<MessageBody[]> =>
    (
      await t.http
        .get(`/api/v1/incidents/${incidentId}/messages?limit=100`)
        .set(await as(user))
        .expect(200)
    ).body.items as MessageBody[];
  const automatic = (messages: MessageBody[]) =>
    messages.filter((message) => message.authorKind === 'system');
  const fileAnonymously = async (extra: Record<string, unknown> = {}) => {
    const fields: Record<string, unknown> = { ...report(world.school.id) };
    delete fields.schoolId;
    return (
      await t.http
        .post('/api/v1/public/reports')
        .send({ ...fields, schoolCode: world.school.code, ...extra })
        .expect(201)
    ).body as { reference: string; trackingCode: string; help: HelpBody };
  };
  const status = async (trackingCode: string) =>
    (await t.http.post('/api/v1/public/reports/status').send({ trackingCode }).expect(200))
      .body as { messages: MessageBody[]; help: HelpBody };
  /** Runs the worker's two delivery steps until nothing is left to do. */
  const deliverAll = async () => {
    for (let round = 0; round < 100; round += 1) {
      const events = await worker.get(OutboxDispatcher).dispatchBatch();
      const emails = await worker.get(EmailSender).sendBatch();
      if (events + emails === 0) return;
    }
    throw new Error('the worker never ran out of work');
  };
  const waitForMail = async (done: () => boolean, timeoutMs = 15_000) => {
    await deliverAll();
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error('timed out waiting for e-mail');
      await sleep(50);
    }
  };
  const ON_CALL = ['chen@maple.example.org', 'rivera.oncall@maple.example.org'];
  /** The e-mails to the on-call contacts about one report. */
  const mailsAbout = (reference: string) =>
    sink.accepted.filter(
      (mail) => ON_CALL.includes(mail.headers.to) && mail.headers.subject?.includes(reference),
    );

  beforeAll(async () => {
    sink = await MailSink.start();
    const dataDir = mkdtempSync(join(tmpdir(), 'safe-schools-after-hours-'));
    t = await TestApp.start({ AFTER_HOURS_REPLIES: 'true', DATA_DIR: dataDir, PUBLIC_URL });
    worker = await startWorker(
      parseEnvironment({
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        WORKER_POLL_MS: '60000',
        DEADLINE_SCAN_SECONDS: '3600',
        PUBLIC_URL,
        SMTP_URL: sink.url,
      }),
      (t.dataSource.options as { url: string }).url,
    );
    clock = t.app.get(Clock);
    world = await t.factory.world();
    holidaySchool = await t.factory.school(world.district, { holidays: ['2026-11-26'] });
    holidayStudent = await t.factory.user('student', {
      district: world.district,
      schools: [holidaySchool],
    });
    spanishParent = await t.factory.user(
      'parent',
      { district: world.district, schools: [world.school] },
      { locale: 'es' },
    );
    await t.factory.guardianship(spanishParent, world.users.student);
    // Signed in with the real clock: tokens issued at a fixed moment would have expired.
    for (const user of [...Object.values(world.users), holidayStudent, spanishParent]) {
      await t.signIn(user);
    }
    await t.http
      .patch(`/api/v1/schools/${world.school.id}`)
      .set(await as(world.users.schoolAdmin))
      .send({
        crisisContacts: [{ name: 'Maple counseling office', phone: '555-0142', hours: null }],
        onCallContacts: [
          { name: 'Principal Rivera', email: 'Rivera.OnCall@maple.example.org' },
          { name: 'Vice principal Chen', email: 'chen@maple.example.org' },
        ],
      })
      .expect(200);
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await sink?.close();
  });

  describe('help in the answers', () => {
    it('the public school page carries the crisis contacts, 911, 988 and the school hours', async () => {
      at(FRIDAY_9PM);
      const response = await t.http.get(`/api/v1/public/schools/${world.school.code}`).expect(200);
      const help = response.body.help as HelpBody;
      expect(response.body.crisisContacts).toHaveLength(1);
      expect(help.crisisContacts).toEqual([
        { name: 'Maple counseling office', phone: '555-0142', hours: null },
      ]);
      expect(help.crisisContactsFrom).toBe('school');
      expect(help.nationalLines.map((line) => line.number)).toEqual(['911', '988', '741741']);
      expect(help.nationalLines[1]).toEqual({
        id: 'suicide_crisis_lifeline',
        number: '988',
        ways: ['call', 'text'],
        keyword: null,
      });
      expect(help.schoolHours).toEqual({
        opens: '08:00',
        closes: '15:30',
        timeZone: 'America/New_York',
      });
      expect(help.openNow).toBe(false);
      expect(help.nextOpensAt).toBe(MONDAY_8AM.toISOString());
    });

    it('a school without contacts shows its district’s; none at all is an empty list', async () => {
      at(TUESDAY_10AM);
      const before = await t.http.get(`/api/v1/public/schools/${holidaySchool.code}`).expect(200);
      expect(before.body.help).toMatchObject({
        crisisContacts: [],
        crisisContactsFrom: 'none',
        openNow: true,
        nextOpensAt: null,
      });
      await t.http
        .put(`/api/v1/districts/${world.district.id}/crisis-contacts`)
        .set(await as(world.users.districtAdmin))
        .send({ crisisContacts: [{ name: 'District crisis team', phone: '555-0100' }] })
        .expect(200);
      const after = await t.http.get(`/api/v1/public/schools/${holidaySchool.code}`).expect(200);
      expect(after.body.help).toMatchObject({
        crisisContacts: [{ name: 'District crisis team', phone: '555-0100', hours: null }],
        crisisContactsFrom: 'district',
      });
      const own = await t.http.get(`/api/v1/public/schools/${world.school.code}`).expect(200);
      expect(own.body.help.crisisContactsFrom).toBe('school');
    });

    it('every filing answer carries help, keeps its fields, and a replay answers the same shape', async () => {
      at(TUESDAY_10AM);
      const headers = { ...(await as(world.users.student)), 'Idempotency-Key': 'help-replay-1' };
      const body = report(world.school.id);
      const first = await t.http.post('/api/v1/incidents').set(headers).send(body).expect(201);
      expect(Object.keys(first.body)).toEqual(
        expect.arrayContaining(['id', 'reference', 'triageDueAt', 'schoolTimeZone', 'help']),
      );
      const help = first.body.help as HelpBody;
      expect(help.nationalLines.map((line) => line.number)).toEqual(['911', '988', '741741']);
      expect(first.body.help.openNow).toBe(true);
      const again = await t.http.post('/api/v1/incidents').set(headers).send(body).expect(201);
      expect(again.body).toEqual(first.body);

      const fields: Record<string, unknown> = { ...body };
      delete fields.schoolId;
      const anonymous = { ...fields, schoolCode: world.school.code };
      const key = { 'Idempotency-Key': 'help-replay-2' };
      const filed = await t.http
        .post('/api/v1/public/reports')
        .set(key)
        .send(anonymous)
        .expect(201);
      expect(filed.body.help.crisisContacts).toHaveLength(1);
      expect(filed.body.trackingCode).toBeDefined();
      const replay = await t.http
        .post('/api/v1/public/reports')
        .set(key)
        .send(anonymous)
        .expect(201);
      expect(replay.body).toEqual(filed.body);
    });
    it('a case’s help answers whoever reads the case, and is a 404 beyond', async () => {
      at(FRIDAY_9PM);
      const filed = await file(world.users.student);
      for (const user of [world.users.student, world.users.parent, world.users.counselor]) {
        const response = await t.http
          .get(`/api/v1/incidents/${filed.id}/help`)
          .set(await as(user))
          .expect(200);
        expect(response.body).toMatchObject({
          openNow: false,
          nextOpensAt: MONDAY_8AM.toISOString(),
          crisisContactsFrom: 'school',
        });
      }
      for (const user of [world.users.sisterStudent, world.users.foreignAdmin, world.users.staff]) {
        const response = await t.http.get(`/api/v1/incidents/${filed.id}/help`).set(await as(user));
        expect(response.status).toBe(404);
      }
      await t.http.get(`/api/v1/incidents/${filed.id}/help`).expect(401);
    });
  });

  describe('the automatic reply', () => {
    it('answers a report filed on Friday at 9 pm in the reporter’s thread: Monday 08:00, 911, 988', async () => {
      at(FRIDAY_9PM);
      const filed = await file(world.users.student);
      expect(filed.help).toMatchObject({ openNow: false, nextOpensAt: MONDAY_8AM.toISOString() });
      const messages = await thread(world.users.student, filed.id);
      expect(messages).toHaveLength(1);
      const [reply] = messages;
      expect(reply).toMatchObject({
        authorKind: 'system',
        authorName: 'Automatic reply',
        mine: false,
      });
      expect(reply.body).toContain('This is an automatic reply');
      expect(reply.body).toContain('Monday, November 23, 2026');
      expect(reply.body).toContain('8:00');
      expect(reply.body).toContain('911');
      expect(reply.body).toContain('988');
      expect(reply.body).toContain('Maple counseling office: 555-0142');
      // The parents of the child see the reporter's thread too; the staff too, on the timeline.
      expect(automatic(await thread(world.users.parent, filed.id))).toHaveLength(1);
      const staff = await t.http
        .get(`/api/v1/incidents/${filed.id}`)
        .set(await as(world.users.counselor))
        .expect(200);
      const timeline = staff.body.timeline as { type: string }[];
      expect(timeline.map((entry) => entry.type)).toContain('after_hours_reply');
    });

    it('answers once per closed period: a second message the same night gets no second reply', async () => {
      at(FRIDAY_9PM);
      const filed = await file(world.users.student);
      at(FRIDAY_11PM);
      await t.http
        .post(`/api/v1/incidents/${filed.id}/messages`)
        .set(await as(world.users.student))
        .send({ body: 'It happened again on the bus home.' })
        .expect(201);
      const messages = await thread(world.users.student, filed.id);
      expect(messages.map((message) => message.authorKind)).toEqual(['system', 'reporter']);
      // Monday's school day is a new period: an evening message gets its own reply.
      at(est('2026-11-23T18:00:00'));
      await t.http
        .post(`/api/v1/incidents/${filed.id}/messages`)
        .set(await as(world.users.student))
        .send({ body: 'Still happening.' })
        .expect(201);
      const later = automatic(await thread(world.users.student, filed.id));
      expect(later).toHaveLength(2);
      expect(later[1].body).toContain('Tuesday, November 24, 2026');
    });

    it('answers a parent’s message in Spanish, their language', async () => {
      at(TUESDAY_10AM);
      const filed = await file(world.users.student);
      expect(await thread(world.users.student, filed.id)).toEqual([]);
      at(est('2026-11-21T10:00:00')); // Saturday
      await t.http
        .post(`/api/v1/incidents/${filed.id}/messages`)
        .set(await as(spanishParent))
        .send({ body: 'Mi hijo tiene miedo de ir a la escuela.' })
        .expect(201);
      const [reply] = automatic(await thread(spanishParent, filed.id));
      expect(reply.body).toContain('Esta es una respuesta automática');
      expect(reply.body).toContain('lunes');
      expect(reply.body).toContain('23 de noviembre de 2026');
      expect(reply.body).toContain('988');
    });

    it('within school hours writes no reply, and staff messages never get one', async () => {
      at(TUESDAY_10AM);
      const filed = await file(world.users.student);
      await t.http
        .post(`/api/v1/incidents/${filed.id}/messages`)
        .set(await as(world.users.student))
        .send({ body: 'One more thing.' })
        .expect(201);
      at(FRIDAY_9PM);
      await t.http
        .post(`/api/v1/incidents/${filed.id}/messages`)
        .set(await as(world.users.counselor))
        .send({ body: 'We will look at this on Monday.' })
        .expect(201);
      expect(automatic(await thread(world.users.student, filed.id))).toEqual([]);
    });

    it('on a holiday, the next opening is the school day after it', async () => {
      at(THANKSGIVING_10AM);
      const filed = await file(holidayStudent, holidaySchool.id);
      expect(filed.help.nextOpensAt).toBe(est('2026-11-27T08:00:00').toISOString());
      const [reply] = automatic(await thread(holidayStudent, filed.id));
      expect(reply.body).toContain('Friday, November 27, 2026');
      // Its district's crisis contacts, since the school lists none.
      expect(reply.body).toContain('District crisis team: 555-0100');
    });

    it('on a day off, the same: closed all day', async () => {
      await t.http
        .post(`/api/v1/schools/${holidaySchool.id}/days-off`)
        .set(await as(world.users.districtAdmin))
        .send({ name: 'Teacher training', from: '2026-11-18', to: '2026-11-18' })
        .expect(201);
      at(est('2026-11-18T11:00:00'));
      const filed = await file(holidayStudent, holidaySchool.id);
      expect(filed.help).toMatchObject({
        openNow: false,
        nextOpensAt: est('2026-11-19T08:00:00').toISOString(),
      });
      expect(automatic(await thread(holidayStudent, filed.id))).toHaveLength(1);
    });

    it('answers an anonymous report in the language chosen, visible with the tracking code', async () => {
      at(FRIDAY_9PM);
      const filed = await fileAnonymously({ locale: 'es' });
      const { messages, help } = await status(filed.trackingCode);
      expect(help.nextOpensAt).toBe(MONDAY_8AM.toISOString());
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({ authorKind: 'system', mine: false });
      expect(messages[0].body).toContain('Esta es una respuesta automática');
      expect(messages[0].body).toContain('lunes, 23 de noviembre de 2026');
      // A follow-up the same night: no second reply.
      await t.http
        .post('/api/v1/public/reports/messages')
        .send({ trackingCode: filed.trackingCode, body: 'Sigue pasando.' })
        .expect(201);
      expect(automatic((await status(filed.trackingCode)).messages)).toHaveLength(1);
    });

    it('refuses a language it does not speak', async () => {
      const response = await t.http
        .post('/api/v1/public/reports')
        .send({
          ...report(world.school.id),
          schoolId: undefined,
          schoolCode: world.school.code,
          locale: 'fr',
        })
        .expect(400);
      expect(JSON.stringify(response.body.message)).toContain('locale');
    });
  });

  describe('on-call e-mails for critical reports while the school is closed', () => {
    it('e-mails every on-call contact a critical report filed after hours: the reference and the link, no text', async () => {
      at(FRIDAY_9PM);
      const filed = await file(world.users.student, world.school.id, {
        urgent: true,
        description:
          'A boy said he would bring something to hurt Sam tomorrow. Sam Example is scared.',
      });
      await waitForMail(() => mailsAbout(filed.reference).length === 2);
      const mails = mailsAbout(filed.reference);
      expect(mails.map((mail) => mail.headers.to).sort()).toEqual(ON_CALL);
      for (const mail of mails) {
        expect(mail.headers.subject).toContain('URGENT');
        expect(mail.text).toContain(`${PUBLIC_URL}/cases/${filed.id}`);
        expect(mail.text).not.toContain('hurt');
        expect(mail.text).not.toContain('Sam');
      }
      const staff = await t.http
        .get(`/api/v1/incidents/${filed.id}`)
        .set(await as(world.users.counselor))
        .expect(200);
      const timeline = staff.body.timeline as { type: string }[];
      const entry = timeline.find((event) => event.type === 'after_hours_critical');
      expect(entry).toMatchObject({ visibility: 'internal' });
      // Families never see it.
      const own = await t.http
        .get(`/api/v1/incidents/${filed.id}`)
        .set(await as(world.users.student))
        .expect(200);
      expect(JSON.stringify(own.body)).not.toContain('after_hours_critical');
    });

    it('e-mails them when a case becomes critical at triage after hours', async () => {
      at(TUESDAY_10AM);
      const filed = await file(world.users.student);
      at(est('2026-11-17T19:00:00'));
      const counselor = await as(world.users.counselor);
      const view = await t.http.get(`/api/v1/incidents/${filed.id}`).set(counselor).expect(200);
      await t.http
        .post(`/api/v1/incidents/${filed.id}/triage`)
        .set(counselor)
        .send({ version: view.body.version, severity: 'critical' })
        .expect(200);
      await waitForMail(() => mailsAbout(filed.reference).length === 2);
    });

    it('sends nothing for a critical report within school hours', async () => {
      at(TUESDAY_10AM);
      const filed = await file(world.users.student, world.school.id, { urgent: true });
      const rows = await t.dataSource.query(
        `SELECT 1 FROM outbox WHERE incident_id = $1 AND type = 'after_hours_critical'`,
        [filed.id],
      );
      expect(rows).toEqual([]);
      await deliverAll();
      expect(mailsAbout(filed.reference)).toEqual([]);
    });
  });

  describe('settings and who may change them', () => {
    it('school hours and on-call contacts are read and changed with the school', async () => {
      const admin = await as(world.users.schoolAdmin);
      const changed = await t.http
        .patch(`/api/v1/schools/${world.school.id}`)
        .set(admin)
        .send({ schoolHours: { opens: '07:45', closes: '15:00' } })
        .expect(200);
      expect(changed.body.schoolHours).toEqual({ opens: '07:45', closes: '15:00' });
      expect(changed.body.onCallContacts).toEqual([
        { name: 'Principal Rivera', email: 'rivera.oncall@maple.example.org' },
        { name: 'Vice principal Chen', email: 'chen@maple.example.org' },
      ]);
      at(est('2026-11-17T07:50:00'));
      const school = await t.http.get(`/api/v1/public/schools/${world.school.code}`).expect(200);
      expect(school.body.help).toMatchObject({
        openNow: true,
        schoolHours: { opens: '07:45', closes: '15:00' },
      });
    });

    it('refuses bad hours and bad addresses, naming every field', async () => {
      const admin = await as(world.users.schoolAdmin);
      const bad = await t.http
        .patch(`/api/v1/schools/${world.school.id}`)
        .set(admin)
        .send({
          schoolHours: { opens: '8:00', closes: '25:00' },
          onCallContacts: [{ name: '', email: 'not-an-address' }],
        })
        .expect(400);
      const text = JSON.stringify(bad.body.message);
      for (const field of ['opens', 'closes', 'name', 'email']) expect(text).toContain(field);
      const reversed = await t.http
        .patch(`/api/v1/schools/${world.school.id}`)
        .set(admin)
        .send({ schoolHours: { opens: '15:00', closes: '08:00' } })
        .expect(400);
      expect(JSON.stringify(reversed.body.message)).toContain('closes must be after opens');
    });

    it('only school and district admins change a school’s hours; out of reach is a 404', async () => {
      const patch = async (user: User, schoolId = world.school.id) =>
        t.http
          .patch(`/api/v1/schools/${schoolId}`)
          .set(await as(user))
          .send({ onCallContacts: [] });
      for (const role of ['counselor', 'staff', 'student', 'parent'] as const) {
        expect((await patch(world.users[role])).status).toBe(403);
      }
      expect((await patch(world.users.sisterAdmin)).status).toBe(404);
      expect((await patch(world.users.foreignDistrictAdmin)).status).toBe(404);
      expect((await patch(world.users.districtAdmin, world.sisterSchool.id)).status).toBe(200);
    });

    it('only the district’s admins read and change its crisis contacts', async () => {
      const url = `/api/v1/districts/${world.district.id}/crisis-contacts`;
      const read = await t.http
        .get(url)
        .set(await as(world.users.districtAdmin))
        .expect(200);
      expect(read.body).toEqual({
        districtId: world.district.id,
        crisisContacts: [{ name: 'District crisis team', phone: '555-0100', hours: null }],
      });
      for (const role of ['schoolAdmin', 'counselor', 'staff', 'student', 'parent'] as const) {
        const headers = await as(world.users[role]);
        expect((await t.http.get(url).set(headers)).status).toBe(403);
        expect((await t.http.put(url).set(headers).send({ crisisContacts: [] })).status).toBe(403);
      }
      const foreign = await as(world.users.foreignDistrictAdmin);
      expect((await t.http.get(url).set(foreign)).status).toBe(404);
      expect((await t.http.put(url).set(foreign).send({ crisisContacts: [] })).status).toBe(404);
      const invalid = await t.http
        .put(url)
        .set(await as(world.users.districtAdmin))
        .send({ crisisContacts: [{ name: 'X', phone: 'call me' }] })
        .expect(400);
      expect(JSON.stringify(invalid.body.message)).toContain('phone');
      await t.http.get(url).expect(401);
    });
  });
});

import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { parseEnvironment } from '@app/common';
import type { User } from '@app/identity';
import { EmailSender, OutboxDispatcher } from '@app/notifications';
import { startWorker } from '@app/worker';
import type { ApiClient, IncidentView, TimelineEntry } from './support/api-driver';
import { parseMail } from './support/mail-sink';
import { TestApp } from './support/test-app';

jest.setTimeout(60_000);

type World = Awaited<ReturnType<TestApp['factory']['world']>>;

const DESCRIPTION = 'Brett Bully and Carla Crew pushed Tomás into the lockers after gym again.';
const AGGRESSOR = 'Brett Bully';
const PUBLIC_URL = 'https://reports.example-district.org';

describe('correcting a case: parties and severity, and telling the families of targets', () => {
  let t: TestApp;
  let world: World;
  let dataDir: string;
  let worker: INestApplicationContext;
  let counselor: ApiClient;
  let admin: ApiClient;
  /** A child of the school, their Spanish-speaking guardian (with an e-mail address), and a classmate. */
  let target: User;
  let targetParent: User;
  let classmate: User;
  let classmateParent: User;
  let sisterCounselor: User;

  const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
    t.dataSource.query<T[]>(sql, params);

  const deliverAll = async () => {
    for (let round = 0; round < 100; round += 1) {
      const events = await worker.get(OutboxDispatcher).dispatchBatch();
      const emails = await worker.get(EmailSender).sendBatch();
      if (events + emails === 0) return;
    }
    throw new Error('the worker never ran out of work');
  };

  const fileAsCounselor = async (parties: Record<string, unknown>[] = []) =>
    (await counselor.file(world.school.id, { description: DESCRIPTION, parties }).expectStatus(201))
      .id;
  const read = (id: string) => counselor.incident(id).expectStatus(200);
  const entries = (view: IncidentView, type: string): TimelineEntry[] =>
    view.timeline.filter((entry) => entry.type === type);
  const auditOf = (id: string, action: string) =>
    query<{ actor_id: string; details: Record<string, unknown> }>(
      'SELECT actor_id, details FROM audit_log WHERE incident_id = $1 AND action = $2 ORDER BY at',
      [id, action],
    );
  const told = (id: string) =>
    query<{ student_id: string; recipients: string[] }>(
      `SELECT payload ->> 'studentId' AS student_id,
              ARRAY(SELECT r ->> 'userId' FROM jsonb_array_elements(payload -> 'recipients') r) AS recipients
         FROM outbox WHERE incident_id = $1 AND type = 'child_named_target' ORDER BY created_at`,
      [id],
    );
  const mails = () =>
    existsSync(join(dataDir, 'mail'))
      ? readdirSync(join(dataDir, 'mail'))
          .filter((file) => file.endsWith('.eml'))
          .map((file) => parseMail(readFileSync(join(dataDir, 'mail', file), 'utf8')))
      : [];

  const addParty = (client: ApiClient, id: string, body: Record<string, unknown>) =>
    client.post(`/incidents/${id}/parties`, body);
  const changeParty = (
    client: ApiClient,
    id: string,
    partyId: string,
    body: Record<string, unknown>,
  ) => client.patch(`/incidents/${id}/parties/${partyId}`, body);
  const removeParty = (
    client: ApiClient,
    id: string,
    partyId: string,
    body: Record<string, unknown>,
  ) => client.post(`/incidents/${id}/parties/${partyId}/remove`, body);
  const changeSeverity = (client: ApiClient, id: string, body: Record<string, unknown>) =>
    client.post(`/incidents/${id}/severity`, body);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'safe-schools-parties-'));
    chmodSync(dataDir, 0o755);
    t = await TestApp.start({ DATA_DIR: dataDir });
    world = await t.factory.world();
    const inSchool = { district: world.district, schools: [world.school] };
    target = await t.factory.user('student', inSchool, { displayName: 'Tomás Target' });
    targetParent = await t.factory.user('parent', inSchool, {
      displayName: 'Teresa Target',
      locale: 'es',
      email: 'teresa@mail.test',
    });
    await t.factory.guardianship(targetParent, target);
    classmate = await t.factory.user('student', inSchool, { displayName: 'Carla Crew' });
    classmateParent = await t.factory.user('parent', inSchool, { email: 'cc@mail.test' });
    await t.factory.guardianship(classmateParent, classmate);
    sisterCounselor = await t.factory.user('counselor', {
      district: world.district,
      schools: [world.sisterSchool],
    });
    counselor = await t.signIn(world.users.counselor);
    admin = await t.signIn(world.users.schoolAdmin);
    worker = await startWorker(
      parseEnvironment({
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        WORKER_POLL_MS: '60000',
        DEADLINE_SCAN_SECONDS: '3600',
        PUBLIC_URL,
      }),
      (t.dataSource.options as { url: string }).url,
    );
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  describe('parties after filing', () => {
    it('adds, changes and removes a party, each with its reason on the timeline and in the audit log', async () => {
      const id = await fileAsCounselor([{ role: 'aggressor', name: AGGRESSOR }]);
      const filed = await read(id);
      expect(filed.allowedActions).toContain('change_parties');

      const added = await addParty(counselor, id, {
        version: filed.version,
        role: 'witness',
        studentId: classmate.id,
        note: 'Saw it from the gym door',
        reason: 'Named by the gym teacher',
      }).expect(200);
      const afterAdd = added.body as IncidentView;
      expect(afterAdd.view).toBe('staff');
      expect(afterAdd.version).toBe(filed.version + 1);
      const witness = afterAdd.parties.find((party) => party.role === 'witness')!;
      expect(witness.student).toEqual({ id: classmate.id, displayName: 'Carla Crew' });
      expect(entries(afterAdd, 'party_added')).toEqual([
        expect.objectContaining({
          visibility: 'internal',
          actor: expect.objectContaining({ id: world.users.counselor.id }),
          data: {
            partyId: witness.id,
            reason: 'Named by the gym teacher',
            after: {
              id: witness.id,
              role: 'witness',
              studentId: classmate.id,
              studentName: 'Carla Crew',
              name: null,
              note: 'Saw it from the gym door',
            },
          },
        }),
      ]);

      const changed = (
        await changeParty(admin, id, witness.id, {
          version: afterAdd.version,
          role: 'aggressor',
          note: null,
          reason: 'She joined in, the video shows',
        }).expect(200)
      ).body as IncidentView;
      expect(changed.parties.find((party) => party.id === witness.id)).toMatchObject({
        role: 'aggressor',
        note: null,
      });
      expect(entries(changed, 'party_changed')[0].data).toEqual({
        partyId: witness.id,
        reason: 'She joined in, the video shows',
        before: expect.objectContaining({ role: 'witness', note: 'Saw it from the gym door' }),
        after: expect.objectContaining({ role: 'aggressor', note: null, studentId: classmate.id }),
      });

      const aggressor = changed.parties.find((party) => party.name === AGGRESSOR)!;
      const removed = (
        await removeParty(counselor, id, aggressor.id, {
          version: changed.version,
          reason: 'Brett was absent that day',
        }).expect(200)
      ).body as IncidentView;
      expect(removed.parties.map((party) => party.id)).toEqual([witness.id]);
      expect(entries(removed, 'party_removed')[0].data).toEqual({
        partyId: aggressor.id,
        reason: 'Brett was absent that day',
        before: expect.objectContaining({ role: 'aggressor', name: AGGRESSOR, studentId: null }),
      });
      expect(removed.version).toBe(filed.version + 3);

      expect(await auditOf(id, 'incident.party_added')).toEqual([
        {
          actor_id: world.users.counselor.id,
          details: expect.objectContaining({ reason: 'Named by the gym teacher' }),
        },
      ]);
      expect(await auditOf(id, 'incident.party_changed')).toEqual([
        {
          actor_id: world.users.schoolAdmin.id,
          details: expect.objectContaining({ reason: 'She joined in, the video shows' }),
        },
      ]);
      expect(await auditOf(id, 'incident.party_removed')).toHaveLength(1);
    });

    it('unlinks a student record and keeps the name as written, or links one to a name', async () => {
      const id = await fileAsCounselor([
        { role: 'witness', studentId: classmate.id, name: 'Carla C.' },
        { role: 'witness', name: 'The tall boy' },
      ]);
      const view = await read(id);
      // Parties are listed by role, then id: find each by the name it was filed with.
      const linked = view.parties.find((party) => party.name === 'Carla C.')!;
      const named = view.parties.find((party) => party.name === 'The tall boy')!;
      const unlinked = (
        await changeParty(counselor, id, linked.id, {
          version: view.version,
          studentId: null,
          reason: 'Wrong Carla: she is not in our school',
        }).expect(200)
      ).body as IncidentView;
      expect(unlinked.parties.find((party) => party.id === linked.id)).toMatchObject({
        student: null,
        name: 'Carla C.',
      });
      expect(entries(unlinked, 'party_changed')[0].data).toMatchObject({
        before: { studentId: classmate.id, studentName: 'Carla Crew' },
        after: { studentId: null, studentName: null, name: 'Carla C.' },
      });
      const relinked = (
        await changeParty(counselor, id, named.id, {
          version: unlinked.version,
          studentId: classmate.id,
          reason: 'The gym teacher knows who it was',
        }).expect(200)
      ).body as IncidentView;
      expect(relinked.parties.find((party) => party.id === named.id)).toMatchObject({
        student: { id: classmate.id, displayName: 'Carla Crew' },
        name: 'The tall boy',
      });
      // Nothing to change is refused, not recorded.
      await changeParty(counselor, id, named.id, {
        version: relinked.version,
        role: 'witness',
        reason: 'Same',
      }).expect(422);
      expect((await read(id)).version).toBe(relinked.version);
    });

    it('answers 409 to a stale version and changes nothing', async () => {
      const id = await fileAsCounselor();
      const { version } = await read(id);
      await addParty(counselor, id, {
        version,
        role: 'witness',
        name: 'Dana',
        reason: 'Told me at lunch',
      }).expect(200);
      const stale = await addParty(admin, id, {
        version,
        role: 'witness',
        name: 'Eli',
        reason: 'Also there',
      }).expect(409);
      expect(stale.body.message).toMatch(/version/);
      expect((await read(id)).parties.map((party) => party.name)).toEqual(['Dana']);
      expect(await auditOf(id, 'incident.party_added')).toHaveLength(1);
    });

    it('refuses a student of another school or a non-student (422), and a party of another case (404)', async () => {
      const id = await fileAsCounselor([{ role: 'witness', name: 'Finn' }]);
      const view = await read(id);
      const body = { version: view.version, role: 'target', reason: 'Named by a teacher' };
      for (const studentId of [
        world.users.sisterStudent.id,
        world.users.foreignStudent.id,
        world.users.parent.id,
      ]) {
        const refused = await addParty(counselor, id, { ...body, studentId }).expect(422);
        expect(refused.body.message).toMatch(/studentId/);
      }
      await changeParty(counselor, id, view.parties[0].id, {
        version: view.version,
        studentId: world.users.sisterStudent.id,
        reason: 'Wrong child',
      }).expect(422);

      const other = await fileAsCounselor([{ role: 'witness', name: 'Gus' }]);
      const otherParty = (await read(other)).parties[0];
      await changeParty(counselor, id, otherParty.id, {
        version: view.version,
        role: 'target',
        reason: 'x',
      }).expect(404);
      await removeParty(counselor, id, otherParty.id, {
        version: view.version,
        reason: 'x',
      }).expect(404);

      // A party keeps a student record or a name.
      await changeParty(counselor, id, view.parties[0].id, {
        version: view.version,
        name: null,
        reason: 'Unknown',
      }).expect(422);
      expect((await read(id)).version).toBe(view.version);
    });

    it('asks for a reason and lists every bad field', async () => {
      const id = await fileAsCounselor([{ role: 'witness', name: 'Hana' }]);
      const view = await read(id);
      const bad = await addParty(counselor, id, {
        version: view.version,
        role: 'bystander',
      }).expect(400);
      expect(JSON.stringify(bad.body.message)).toMatch(/reason/);
      expect(JSON.stringify(bad.body.message)).toMatch(/role/);
      expect(JSON.stringify(bad.body.message)).toMatch(/name/);
      await removeParty(counselor, id, view.parties[0].id, { version: view.version }).expect(400);
      await removeParty(counselor, id, view.parties[0].id, {
        version: view.version,
        reason: '   ',
      }).expect(400);
      await changeSeverity(counselor, id, { version: view.version, severity: 'high' }).expect(400);
    });

    it('leaves a closed case alone (409) but corrects a dismissed one', async () => {
      const closed = await t.factory.incident(world.school, {
        reporter: world.users.student,
        status: 'closed',
        parties: [{ role: 'witness', name: 'Ivy' }],
      });
      const view = await read(closed.id);
      expect(view.allowedActions).toEqual([]);
      const refused = await addParty(counselor, closed.id, {
        version: view.version,
        role: 'witness',
        name: 'Jo',
        reason: 'Late news',
      }).expect(409);
      expect(refused.body.message).toMatch(/closed/);
      await removeParty(counselor, closed.id, view.parties[0].id, {
        version: view.version,
        reason: 'x',
      }).expect(409);
      await changeSeverity(counselor, closed.id, {
        version: view.version,
        severity: 'high',
        reason: 'x',
      }).expect(409);

      const dismissed = await t.factory.incident(world.school, { status: 'dismissed' });
      const before = await read(dismissed.id);
      await addParty(counselor, dismissed.id, {
        version: before.version,
        role: 'witness',
        name: 'Kai',
        reason: 'For the record',
      }).expect(200);
    });

    it('refuses every role that never decides (403) and caseworkers of other schools (404)', async () => {
      const id = await fileAsCounselor([{ role: 'witness', name: 'Lou' }]);
      const view = await read(id);
      const partyId = view.parties[0].id;
      const body = { version: view.version, role: 'witness', name: 'Max', reason: 'x' };
      const calls = (client: ApiClient) => [
        addParty(client, id, body),
        changeParty(client, id, partyId, { version: view.version, role: 'target', reason: 'x' }),
        removeParty(client, id, partyId, { version: view.version, reason: 'x' }),
        changeSeverity(client, id, { version: view.version, severity: 'high', reason: 'x' }),
      ];
      const users = world.users;
      for (const user of [users.student, users.parent, users.staff, users.districtAdmin]) {
        for (const call of calls(await t.signIn(user))) await call.expect(403);
      }
      for (const user of [sisterCounselor, users.sisterAdmin, users.foreignAdmin]) {
        for (const call of calls(await t.signIn(user))) await call.expect(404);
      }
      for (const call of calls(t.anonymous())) await call.expect(401);
      const after = await read(id);
      expect(after.version).toBe(view.version);
      expect(after.parties).toHaveLength(1);
    });
  });

  describe('severity after triage', () => {
    it('changes only once triaged, with the reason on the timeline and in the audit log', async () => {
      const id = await fileAsCounselor();
      const filed = await read(id);
      expect(filed.allowedActions).not.toContain('change_severity');
      const early = await changeSeverity(counselor, id, {
        version: filed.version,
        severity: 'high',
        reason: 'Sounds serious',
      }).expect(409);
      expect(early.body.message).toMatch(/triage/);

      const triaged = await counselor
        .triage(id, { version: filed.version, severity: 'low' })
        .expectStatus(200);
      expect(triaged.allowedActions).toContain('change_severity');
      const changed = (
        await changeSeverity(counselor, id, {
          version: triaged.version,
          severity: 'high',
          reason: 'It happened three times this week',
        }).expect(200)
      ).body as IncidentView;
      expect(changed.severity).toBe('high');
      expect(changed.version).toBe(triaged.version + 1);
      expect(entries(changed, 'severity_changed')).toEqual([
        expect.objectContaining({
          visibility: 'internal',
          data: { from: 'low', to: 'high', reason: 'It happened three times this week' },
        }),
      ]);
      expect(await auditOf(id, 'incident.severity_changed')).toEqual([
        {
          actor_id: world.users.counselor.id,
          details: { from: 'low', to: 'high', reason: 'It happened three times this week' },
        },
      ]);
      await changeSeverity(counselor, id, {
        version: changed.version,
        severity: 'high',
        reason: 'Same',
      }).expect(422);
      await changeSeverity(counselor, id, {
        version: triaged.version,
        severity: 'medium',
        reason: 'Stale',
      }).expect(409);
    });

    it('raises the critical alert and tells every caseworker when raised to critical; lowering drops the reasons', async () => {
      const id = await fileAsCounselor();
      const triaged = await counselor.walk(id, 'investigating');
      const alerts = () =>
        query<{ n: number }>(
          'SELECT count(*)::int AS n FROM critical_alerts WHERE incident_id = $1',
          [id],
        );
      expect((await alerts())[0].n).toBe(0);

      const critical = (
        await changeSeverity(admin, id, {
          version: triaged.version,
          severity: 'critical',
          reason: 'She told me she has a knife in her bag',
        }).expect(200)
      ).body as IncidentView;
      expect((await alerts())[0].n).toBe(1);
      const [escalated] = await query<{ recipients: string[]; reasons: string[] }>(
        `SELECT ARRAY(SELECT r ->> 'userId' FROM jsonb_array_elements(payload -> 'recipients') r) AS recipients,
                ARRAY(SELECT jsonb_array_elements_text(payload -> 'reasons')) AS reasons
           FROM outbox WHERE incident_id = $1 AND type = 'escalated'`,
        [id],
      );
      // Everyone of the school who decides on cases, but not the one who raised it.
      expect(escalated).toEqual({ recipients: [world.users.counselor.id], reasons: ['triage'] });
      const live = await query<{ kind: string; payload: Record<string, unknown> }>(
        `SELECT kind, payload FROM live_events WHERE incident_id = $1 AND kind IN ('incident.severity_changed', 'alert.raised') ORDER BY id`,
        [id],
      );
      expect(live.map((event) => event.kind).sort()).toEqual([
        'alert.raised',
        'incident.severity_changed',
      ]);
      expect(JSON.stringify(live)).not.toContain('knife');

      const inQueue = async () =>
        (await counselor.queue({ limit: 100 }).expectStatus(200)).items.find(
          (item) => item.id === id,
        )!;
      expect((await inQueue()).criticalReasons).toEqual(['triage']);

      const lowered = (
        await changeSeverity(counselor, id, {
          version: critical.version,
          severity: 'medium',
          reason: 'The bag was checked: no knife',
        }).expect(200)
      ).body as IncidentView;
      expect((await inQueue()).criticalReasons).toEqual([]);
      // Raising it again raises no second open alert while the first is unacknowledged.
      await changeSeverity(counselor, id, {
        version: lowered.version,
        severity: 'critical',
        reason: 'Another threat',
      }).expect(200);
      expect((await alerts())[0].n).toBe(1);
    });
  });

  describe('the families of children named as targets', () => {
    const guardianNotices = (id: string) =>
      query<{ user_id: string; title: string; body: string }>(
        `SELECT user_id, title, body FROM notifications WHERE incident_id = $1 AND type = 'child_named_target'`,
        [id],
      );

    it('are told at filing, in their language, without the report or other names, once', async () => {
      const mailsBefore = mails().length;
      const id = await fileAsCounselor([
        { role: 'target', studentId: target.id, name: 'Tomás' },
        { role: 'aggressor', name: AGGRESSOR },
        { role: 'aggressor', studentId: classmate.id },
      ]);
      const { reference } = await read(id);
      expect(await told(id)).toEqual([{ student_id: target.id, recipients: [targetParent.id] }]);

      await deliverAll();
      const notices = await guardianNotices(id);
      expect(notices).toEqual([
        { user_id: targetParent.id, title: expect.any(String), body: expect.any(String) },
      ]);
      const [notice] = notices;
      expect(notice.title).toBe(
        `Un reporte en ${world.school.name} concierne a su hijo o hija (${reference})`,
      );
      expect(notice.body).toContain(reference);
      const newMails = mails().slice(mailsBefore);
      const mail = newMails.find((m) => m.headers.to === 'teresa@mail.test')!;
      expect(mail.headers.subject).toBe(notice.title);
      expect(mail.text).toContain(`${PUBLIC_URL}/cases/${id}`);
      for (const text of [notice.title, notice.body, mail.text, mail.headers.subject]) {
        for (const secret of [DESCRIPTION, AGGRESSOR, 'Carla', 'Tomás', 'lockers']) {
          expect(text).not.toContain(secret);
        }
      }
      // The aggressor's family is not told by this notice.
      expect(newMails.some((m) => m.headers.to === 'cc@mail.test')).toBe(false);

      // The notice is on the timeline, with who it went to.
      const view = await read(id);
      expect(entries(view, 'family_notified')).toContainEqual(
        expect.objectContaining({
          data: expect.objectContaining({
            notice: 'child_named_target',
            recipients: [
              {
                recipientId: targetParent.id,
                recipientName: 'Teresa Target',
                channels: ['in_app', 'email'],
              },
            ],
          }),
        }),
      );

      // The family sees their child's case in the family view, and finds the notice in their list.
      const parent = await t.signIn(targetParent);
      const familyView = await parent.get(`/incidents/${id}`).expect(200);
      expect(familyView.body.view).toBe('family');
      expect(JSON.stringify(familyView.body)).not.toContain(AGGRESSOR);
      const inbox = await parent.get('/notifications').expect(200);
      expect(inbox.body.items).toContainEqual(
        expect.objectContaining({ type: 'child_named_target', incidentId: id }),
      );

      // Named again, in another party or role: not told twice.
      await addParty(counselor, id, {
        version: view.version,
        role: 'target',
        studentId: target.id,
        reason: 'Also hurt on the bus',
      }).expect(200);
      await deliverAll();
      expect(await told(id)).toHaveLength(1);
      expect(await guardianNotices(id)).toHaveLength(1);
    });

    it('are told when staff link a name at triage, including on an anonymous report', async () => {
      const anonymous = await t.http
        .post('/api/v1/public/reports')
        .send({
          schoolCode: world.school.code,
          category: 'physical',
          location: 'hallway',
          occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
          description: DESCRIPTION,
          parties: [{ role: 'target', name: 'Tomás from 7B' }],
        })
        .expect(201);
      const [{ id }] = await query<{ id: string }>(
        'SELECT id FROM incidents WHERE reference = $1',
        [anonymous.body.reference],
      );
      expect(await told(id)).toEqual([]);
      const view = await read(id);
      await counselor
        .triage(id, {
          version: view.version,
          severity: 'medium',
          partyLinks: [{ partyId: view.parties[0].id, studentId: target.id }],
        })
        .expectStatus(200);
      expect(await told(id)).toEqual([{ student_id: target.id, recipients: [targetParent.id] }]);
      await deliverAll();
      expect((await guardianNotices(id)).map((n) => n.user_id)).toEqual([targetParent.id]);
    });

    it('are told when staff add a target later or change a party into one, and not for witnesses', async () => {
      const id = await fileAsCounselor([{ role: 'witness', name: 'Someone' }]);
      let view = await read(id);
      view = (
        await addParty(counselor, id, {
          version: view.version,
          role: 'witness',
          studentId: classmate.id,
          reason: 'Was there',
        }).expect(200)
      ).body as IncidentView;
      expect(await told(id)).toEqual([]);

      const classmateParty = view.parties.find((party) => party.student?.id === classmate.id)!;
      view = (
        await changeParty(counselor, id, classmateParty.id, {
          version: view.version,
          role: 'target',
          reason: 'She was the one pushed',
        }).expect(200)
      ).body as IncidentView;
      view = (
        await addParty(admin, id, {
          version: view.version,
          role: 'target',
          studentId: target.id,
          reason: 'Also pushed',
        }).expect(200)
      ).body as IncidentView;
      expect(await told(id)).toEqual([
        { student_id: classmate.id, recipients: [classmateParent.id] },
        { student_id: target.id, recipients: [targetParent.id] },
      ]);

      // Removed and added again: the family knows already.
      const targetParty = view.parties.find((party) => party.student?.id === target.id)!;
      view = (
        await removeParty(counselor, id, targetParty.id, {
          version: view.version,
          reason: 'Duplicate',
        }).expect(200)
      ).body as IncidentView;
      await addParty(counselor, id, {
        version: view.version,
        role: 'target',
        studentId: target.id,
        reason: 'Back again',
      }).expect(200);
      expect(await told(id)).toHaveLength(2);
      await deliverAll();
      const english = (await guardianNotices(id)).find((n) => n.user_id === classmateParent.id)!;
      expect(english.title).toMatch(/^A report at .* concerns your child \(/);
    });
  });
});

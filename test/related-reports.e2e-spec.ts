import type { User } from '@app/identity';
import type { Incident } from '@app/incidents';
import type { ApiClient } from './support/api-driver';
import { TestApp } from './support/test-app';

jest.setTimeout(60_000);

type World = Awaited<ReturnType<TestApp['factory']['world']>>;

interface RelatedBody {
  groupId: string | null;
  primaryIncidentId: string | null;
  members: { id: string; reference: string; primary: boolean; status: string }[];
}

describe('related reports: who may link, and the rules of a group', () => {
  let t: TestApp;
  let world: World;
  let api: Record<keyof World['users'], ApiClient>;
  let counselor: ApiClient;

  const open = (setup: Parameters<TestApp['factory']['incident']>[1] = {}) =>
    t.factory.incident(world.school, setup);
  const link = (who: ApiClient, id: string, incidentIds: string[]) =>
    who.post(`/incidents/${id}/related`, { incidentIds });
  const related = async (id: string) =>
    (await counselor.get(`/incidents/${id}/related`).expect(200)).body as RelatedBody;
  const eventsOf = async (id: string, type: string) =>
    t.dataSource.query<{ data: Record<string, unknown>; visibility: string }[]>(
      'SELECT data, visibility FROM incident_events WHERE incident_id = $1 AND type = $2',
      [id, type],
    );

  beforeAll(async () => {
    t = await TestApp.start();
    world = await t.factory.world();
    api = await t.signInAll(world.users);
    counselor = api.counselor;
  });

  afterAll(() => t.close());

  describe('refusals', () => {
    let a: Incident;
    let b: Incident;
    beforeAll(async () => {
      a = await open({ reporter: world.users.student });
      b = await open();
    });

    it.each(['student', 'parent', 'staff', 'districtAdmin'] as const)(
      'a %s may never look at or change groups (403), even of their own report',
      async (who) => {
        await link(api[who], a.id, [b.id]).expect(403);
        await api[who].get(`/incidents/${a.id}/related`).expect(403);
        await api[who].get(`/incidents/${a.id}/related-suggestions`).expect(403);
        await api[who].post(`/incidents/${a.id}/related/unlink`, { incidentId: b.id }).expect(403);
        await api[who].patch(`/incidents/${a.id}/related`, { primaryIncidentId: b.id }).expect(403);
      },
    );

    it.each(['sisterAdmin', 'foreignAdmin'] as const)(
      'a caseworker of another school (%s) gets 404, as for a report that does not exist',
      async (who) => {
        for (const call of [
          link(api[who], a.id, [b.id]),
          api[who].get(`/incidents/${a.id}/related`),
          api[who].get(`/incidents/${a.id}/related-suggestions`),
          api[who].post(`/incidents/${a.id}/related/unlink`, { incidentId: b.id }),
          api[who].patch(`/incidents/${a.id}/related`, { primaryIncidentId: b.id }),
        ]) {
          const response = await call.expect(404);
          expect(response.body.message).toBe('Incident not found');
        }
      },
    );

    it('a report of another school cannot be linked: 404 out of reach, 422 for someone of both', async () => {
      const sister = await t.factory.incident(world.sisterSchool);
      const foreign = await t.factory.incident(world.foreignSchool);
      await link(counselor, a.id, [sister.id]).expect(404);
      await link(counselor, a.id, [foreign.id]).expect(404);
      const ofBoth = await t.factory.user('counselor', {
        district: world.district,
        schools: [world.school, world.sisterSchool],
      });
      const response = await link(await t.signIn(ofBoth), a.id, [sister.id]).expect(422);
      expect(response.body.message).toMatch(/same school/);
      expect((await related(a.id)).members).toEqual([]);
    });

    it.each(['resolved', 'closed', 'dismissed'] as const)(
      'a %s case cannot join a group, nor start one (422)',
      async (status) => {
        const settled = await open({ status });
        const response = await link(counselor, a.id, [settled.id]).expect(422);
        expect(response.body.message).toContain(settled.reference);
        await link(counselor, settled.id, [b.id]).expect(422);
        expect((await related(a.id)).groupId).toBeNull();
      },
    );

    it('no report joins a group whose primary case is settled (422)', async () => {
      const [p, m, newcomer] = [await open(), await open(), await open()];
      await link(counselor, p.id, [m.id]).expect(200);
      await t.dataSource.query(`UPDATE incidents SET status = 'dismissed' WHERE id = $1`, [p.id]);
      const response = await link(counselor, m.id, [newcomer.id]).expect(422);
      expect(response.body.message).toContain(p.reference);
    });

    it('checks its input: ids, not itself, at least one', async () => {
      await link(counselor, a.id, [a.id]).expect(422);
      await link(counselor, a.id, []).expect(400);
      await link(counselor, a.id, ['not-a-uuid']).expect(400);
      await counselor.post(`/incidents/${a.id}/related`, {}).expect(400);
      await counselor.post(`/incidents/not-a-uuid/related`, { incidentIds: [b.id] }).expect(400);
    });

    it('the database itself keeps a group within one school and its primary a member', async () => {
      await link(counselor, a.id, [b.id]).expect(200);
      const sister = await t.factory.incident(world.sisterSchool);
      const { groupId } = await related(a.id);
      await expect(
        t.dataSource.query('UPDATE incidents SET case_group_id = $1 WHERE id = $2', [
          groupId,
          sister.id,
        ]),
      ).rejects.toThrow(/another school/);
      await expect(
        t.dataSource.query('UPDATE incidents SET case_group_id = NULL WHERE id = $1', [a.id]),
      ).rejects.toThrow(/not a member/);
      await counselor.post(`/incidents/${a.id}/related/unlink`, { incidentId: b.id }).expect(200);
    });
  });

  describe('the rules', () => {
    it('links, records on every case that joins and on the primary, and never shows the reporter', async () => {
      const reporter = world.users.student;
      const primary = await open();
      const mine = await open({ reporter });
      const group = (
        await counselor
          .post(`/incidents/${primary.id}/related`, {
            incidentIds: [mine.id],
            reason: ' same fight ',
          })
          .expect(200)
      ).body as RelatedBody;
      expect(group.members.map((m) => [m.id, m.primary])).toEqual([
        [primary.id, true],
        [mine.id, false],
      ]);
      const [joined] = await eventsOf(mine.id, 'case_linked');
      expect(joined).toEqual({
        visibility: 'internal',
        data: {
          groupId: group.groupId,
          primaryIncidentId: primary.id,
          primaryReference: primary.reference,
          reason: 'same fight',
        },
      });
      const [onPrimary] = await eventsOf(primary.id, 'case_linked');
      expect(onPrimary.data.joined).toEqual([mine.reference]);
      const own = JSON.stringify((await api.student.get(`/incidents/${mine.id}`).expect(200)).body);
      expect(own).not.toContain(primary.reference);
      expect(own).not.toContain('case_linked');
      // Linking again changes nothing and records nothing.
      await link(counselor, primary.id, [mine.id]).expect(200);
      expect(await eventsOf(mine.id, 'case_linked')).toHaveLength(1);
    });

    it('merges two groups: a case of another group brings its whole group along', async () => {
      const [a1, a2, b1, b2] = [await open(), await open(), await open(), await open()];
      await link(counselor, a1.id, [a2.id]).expect(200);
      const other = (await link(counselor, b1.id, [b2.id]).expect(200)).body as RelatedBody;
      const merged = (await link(counselor, a2.id, [b2.id]).expect(200)).body as RelatedBody;
      expect(merged.primaryIncidentId).toBe(a1.id);
      expect(merged.members.map((m) => m.id).sort()).toEqual([a1.id, a2.id, b1.id, b2.id].sort());
      const [left] = await t.dataSource.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM case_groups WHERE id = $1',
        [other.groupId],
      );
      expect(left.n).toBe(0);
      expect((await eventsOf(b1.id, 'case_linked')).map((e) => e.data.groupId)).toEqual([
        other.groupId,
        merged.groupId,
      ]);
    });

    it('the primary leaves only by naming a new one; a group of one is dissolved', async () => {
      const [p, m1, m2] = [await open(), await open(), await open()];
      const unlink = (id: string, body: Record<string, unknown>) =>
        counselor.post(`/incidents/${id}/related/unlink`, body);
      await link(counselor, p.id, [m1.id, m2.id]).expect(200);
      const refused = await unlink(p.id, { incidentId: p.id }).expect(422);
      expect(refused.body.message).toMatch(/newPrimaryId/);
      const stranger = await open();
      await unlink(p.id, { incidentId: stranger.id }).expect(422);
      const after = (await unlink(m1.id, { incidentId: p.id, newPrimaryId: m1.id }).expect(200))
        .body as RelatedBody;
      expect(after.primaryIncidentId).toBe(m1.id);
      expect(after.members.map((m) => m.id).sort()).toEqual([m1.id, m2.id].sort());
      expect((await related(p.id)).groupId).toBeNull();
      expect((await eventsOf(p.id, 'case_unlinked'))[0].data).toMatchObject({
        newPrimaryIncidentId: m1.id,
      });
      const dissolved = (
        await unlink(m1.id, { incidentId: m2.id, reason: 'not the same' }).expect(200)
      ).body as RelatedBody;
      expect(dissolved).toEqual({ groupId: null, primaryIncidentId: null, members: [] });
      expect((await eventsOf(m1.id, 'case_unlinked')).at(-1)?.data).toMatchObject({
        dissolved: true,
        reason: 'not the same',
      });
      await unlink(m1.id, { incidentId: m2.id }).expect(422);
    });

    it('another open member can become primary; a closed one cannot', async () => {
      const [p, m, done] = [await open(), await open(), await open()];
      await link(counselor, p.id, [m.id, done.id]).expect(200);
      await t.dataSource.query(`UPDATE incidents SET status = 'closed' WHERE id = $1`, [done.id]);
      await counselor
        .patch(`/incidents/${p.id}/related`, { primaryIncidentId: done.id })
        .expect(422);
      const outsider = await open();
      await counselor
        .patch(`/incidents/${p.id}/related`, { primaryIncidentId: outsider.id })
        .expect(422);
      const changed = (
        await counselor.patch(`/incidents/${p.id}/related`, { primaryIncidentId: m.id }).expect(200)
      ).body as RelatedBody;
      expect(changed.primaryIncidentId).toBe(m.id);
      expect(changed.members[0].id).toBe(m.id);
      expect(await eventsOf(p.id, 'case_primary_changed')).toHaveLength(1);
      expect(await eventsOf(m.id, 'case_primary_changed')).toHaveLength(1);
    });

    it('linking while the primary is resolved never deadlocks: one waits for the other', async () => {
      for (let round = 0; round < 4; round += 1) {
        const p = await open({ status: 'investigating' });
        const m = await open();
        const extra = await open();
        await link(counselor, p.id, [m.id]).expect(200);
        const { version } = await counselor.incident(p.id).expectStatus(200);
        const answers = await Promise.all([
          link(counselor, m.id, [extra.id]),
          counselor.resolve(p.id, { version, outcome: 'substantiated', summary: 'Done.' }),
          link(counselor, extra.id, [m.id]),
        ]);
        for (const answer of answers) expect([200, 409, 422]).toContain(answer.status);
        expect(answers[1].status).toBe(200);
      }
    });

    it('resolving a member that is not the primary resolves that member only', async () => {
      const [p, m] = [await open(), await open({ status: 'investigating' })];
      await link(counselor, p.id, [m.id]).expect(200);
      const view = await counselor.incident(m.id).expectStatus(200);
      await counselor
        .resolve(m.id, {
          version: view.version,
          outcome: 'unsubstantiated',
          summary: 'No sign of it.',
        })
        .expectStatus(200);
      expect((await related(p.id)).members.map((x) => [x.id, x.status])).toEqual([
        [p.id, 'submitted'],
        [m.id, 'resolved'],
      ]);
    });
  });

  describe('suggestions', () => {
    let target: User;
    beforeAll(async () => {
      target = await t.factory.user('student', {
        district: world.district,
        schools: [world.school],
      });
    });

    it('ranks open reports of the same school by shared students, place, time and wording', async () => {
      const desk = await t.factory.desk(world.district);
      const deskCounselor = await t.signIn(desk.counselor);
      const at = (days: number) => new Date(Date.now() - days * 24 * 60 * 60_000);
      const mk = (setup: Parameters<TestApp['factory']['incident']>[1]) =>
        t.factory.incident(desk.school, setup);
      const me = await mk({
        location: 'bus',
        occurredAt: at(0.1),
        description: 'On the bus home Kevin grabbed my phone and threw it out of the window.',
        parties: [{ role: 'target', student: target }],
      });
      const sameStudent = await mk({
        location: 'gym',
        occurredAt: at(20),
        createdAt: at(20),
        description: 'Something different entirely happened in gym class during volleyball.',
        parties: [{ role: 'target', student: target }],
      });
      const sameStory = await mk({
        location: 'bus',
        occurredAt: at(0.2),
        description: 'On the bus home Kevin grabbed a phone and threw it out the window.',
      });
      const sameWordsLongAgo = await mk({
        location: 'classroom',
        occurredAt: at(40),
        createdAt: at(40),
        description: 'On the bus home Kevin grabbed my phone and threw it out of the window.',
      });
      const unrelated = await mk({
        location: 'online',
        occurredAt: at(30),
        createdAt: at(30),
        description: 'Mean comments under my photos every night from an account I do not know.',
      });
      const closed = await mk({ status: 'closed', location: 'bus', description: me.description });
      const otherSchool = await t.factory.incident(world.school, { description: me.description });
      const { items } = (
        await deskCounselor.get(`/incidents/${me.id}/related-suggestions`).expect(200)
      ).body as {
        items: { id: string; score: number; reasons: Record<string, unknown> }[];
      };
      expect(items.map((item) => item.id)).toEqual([
        sameStory.id,
        sameStudent.id,
        sameWordsLongAgo.id,
      ]);
      expect(items[0].reasons).toMatchObject({ sharedStudents: 0, sameLocation: true });
      expect(items[0].reasons.daysApart).toBeLessThan(1);
      expect(items[0].reasons.textSimilarity).toBeGreaterThan(0.5);
      expect(items[1].reasons).toMatchObject({ sharedStudents: 1, sameLocation: false });
      expect(items[2].reasons.textSimilarity).toBe(1);
      const ids = items.map((item) => item.id);
      for (const left of [unrelated, closed, otherSchool]) expect(ids).not.toContain(left.id);
      // Members of the case's group are no longer suggested.
      await link(deskCounselor, me.id, [sameStory.id]).expect(200);
      const after = (await deskCounselor.get(`/incidents/${me.id}/related-suggestions`).expect(200))
        .body as { items: { id: string }[] };
      expect(after.items.map((item) => item.id)).toEqual([sameStudent.id, sameWordsLongAgo.id]);
    });
  });
});

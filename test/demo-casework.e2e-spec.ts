import { DemoSeedService } from '@app/identity';
import type { Response } from 'supertest';
import { TestApp } from './support/test-app';

jest.setTimeout(60_000);

const DEMO_PASSWORD = 'safe-schools-demo';
const API = '/api/v1';
const INCIDENTS = `${API}/incidents`;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const DESCRIPTION =
  'In the lunchroom a group at the next table throws food at me and says nobody wants me there.';
const INTERNAL_NOTE =
  'Internal: the lunch monitor confirms it; one of the group had a similar complaint last year.';
const SHARED_NOTE =
  'We have talked with the students involved and with the lunch monitor. Sam can sit near the monitor from tomorrow.';
const SAFETY_PLAN =
  'Safety plan: Sam sits by the monitor, can go to the counseling office at lunch any day.';
const SUMMARY =
  'We confirmed what Sam reported. The students involved met with the principal, lunch seating has changed and we will check in with Sam every week.';

interface PersonRef {
  id: string;
  displayName: string;
}
interface TimelineEntry {
  type: string;
  at: string;
  actor?: PersonRef | null;
  data: Record<string, unknown>;
}
interface View {
  view: string;
  id: string;
  status: string;
  severity?: string | null;
  assignee?: PersonRef | null;
  resolvedAt: string | null;
  outcome: string | null;
  resolutionSummary: string | null;
  timeline: TimelineEntry[];
  version: number;
}
interface AuditItem {
  incidentId: string | null;
  schoolId: string;
  actor: PersonRef | null;
  action: string;
  requestId: string | null;
}

/** A past moment written with a -05:00 offset, as a school in New York would send it. */
const hoursAgoWithOffset = (hours: number) => {
  const local = new Date(Date.now() - (hours + 5) * 60 * 60_000).toISOString().slice(0, 19);
  return `${local}-05:00`;
};
const typesOf = (timeline: TimelineEntry[]) => timeline.map((entry) => entry.type);
const viewOf = (response: Response) => response.body as View;

describe('the demo: counselor.casey works student.sam’s lunchroom report to a resolution', () => {
  let t: TestApp;
  const people = new Map<string, PersonRef & { schools: { id: string; name: string }[] }>();

  const as = async (username: string) => (await t.signIn(username, DEMO_PASSWORD)).headers;
  const me = async (username: string) => {
    if (!people.has(username)) {
      const response = await (await t.signIn(username, DEMO_PASSWORD)).get(`${API}/me`).expect(200);
      people.set(
        username,
        response.body as PersonRef & { schools: { id: string; name: string }[] },
      );
    }
    return people.get(username)!;
  };
  const read = async (username: string, id: string) => {
    const response = await (await t.signIn(username, DEMO_PASSWORD)).get(`/incidents/${id}`);
    expect(response.status).toBe(200);
    return viewOf(response);
  };
  const casework = async (
    username: string,
    id: string,
    endpoint: string,
    body: Record<string, unknown>,
    requestId?: string,
  ) =>
    (await t.signIn(username, DEMO_PASSWORD))
      .post(`/incidents/${id}/${endpoint}`)
      .set(requestId ? { 'x-request-id': requestId } : {})
      .send(body);

  /** Requests made by Casey while reading the case, for admin.alex to find. */
  const caseyReads: string[] = [];
  let worked: Promise<string> | undefined;

  /**
   * Sam files; Casey reads, triages, investigates, writes an internal and a
   * shared note, records a safety plan and resolves with a summary. Run once,
   * by whichever test needs it first.
   */
  const workTheCase = () => (worked ??= workTheCaseOnce());
  const workTheCaseOnce = async (): Promise<string> => {
    const sam = await me('student.sam');
    const casey = await me('counselor.casey');
    const maple = sam.schools[0];
    expect(maple.name).toBe('Maple Ridge Middle School');

    const filed = await (await t.signIn('student.sam', DEMO_PASSWORD)).post('/incidents').send({
      schoolId: maple.id,
      category: 'verbal',
      location: 'cafeteria',
      locationDetail: 'The tables by the vending machines',
      occurredAt: new Date(Date.now() - 3 * 60 * 60_000).toISOString(),
      ongoing: true,
      description: DESCRIPTION,
      parties: [{ role: 'aggressor', name: 'A group from the seventh grade' }],
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'submitted' });
    const id = (filed.body as { id: string }).id;

    // Casey opens the case (an audited read) and triages it to herself.
    const readId = `test-req-0001-casey-read-${id.slice(0, 8)}`;
    const opened = await (
      await t.signIn('counselor.casey', DEMO_PASSWORD)
    )
      .get(`/incidents/${id}`)
      .set('x-request-id', readId);
    expect(opened.status).toBe(200);
    expect(opened.headers['x-request-id']).toBe(readId);
    caseyReads.push(readId);
    expect(viewOf(opened)).toMatchObject({ view: 'staff', status: 'submitted', version: 1 });

    const triaged = await casework('counselor.casey', id, 'triage', {
      version: 1,
      severity: 'medium',
      assigneeId: casey.id,
    });
    expect(triaged.status).toBe(200);
    expect(viewOf(triaged)).toMatchObject({
      status: 'triaged',
      severity: 'medium',
      assignee: { id: casey.id, displayName: 'Casey Lin' },
      version: 2,
    });

    const started = await casework('counselor.casey', id, 'transitions', {
      version: 2,
      action: 'start',
    });
    expect(started.status).toBe(200);
    expect(viewOf(started)).toMatchObject({ status: 'investigating', version: 3 });

    const internal = await casework('counselor.casey', id, 'notes', {
      body: INTERNAL_NOTE,
      visibility: 'internal',
    });
    expect(internal.status).toBe(201);
    expect(internal.body).toMatchObject({ visibility: 'internal', body: INTERNAL_NOTE });

    const plan = await casework('counselor.casey', id, 'actions', {
      type: 'safety_plan',
      description: SAFETY_PLAN,
      takenAt: hoursAgoWithOffset(1),
    });
    expect(plan.status).toBe(201);
    expect(plan.body).toMatchObject({
      type: 'safety_plan',
      description: SAFETY_PLAN,
      recordedBy: { id: casey.id, displayName: 'Casey Lin' },
    });

    const shared = await casework('counselor.casey', id, 'notes', {
      body: SHARED_NOTE,
      visibility: 'shared',
    });
    expect(shared.status).toBe(201);

    // Notes and actions do not change the version: Casey resolves with the one she read.
    const resolved = await casework('counselor.casey', id, 'resolve', {
      version: 3,
      outcome: 'substantiated',
      summary: SUMMARY,
    });
    expect(resolved.status).toBe(200);
    expect(viewOf(resolved)).toMatchObject({
      status: 'resolved',
      outcome: 'substantiated',
      resolutionSummary: SUMMARY,
      version: 4,
    });
    expect(viewOf(resolved).resolvedAt).toEqual(expect.any(String));

    // A second look at the finished case, also audited.
    const secondReadId = `test-req-0001-casey-again-${id.slice(0, 8)}`;
    const again = await (
      await t.signIn('counselor.casey', DEMO_PASSWORD)
    )
      .get(`/incidents/${id}`)
      .set('x-request-id', secondReadId);
    expect(again.status).toBe(200);
    caseyReads.push(secondReadId);
    return id;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    await expect(t.app.get(DemoSeedService).seedIfEmpty(DEMO_PASSWORD)).resolves.toBe(true);
  }, 30_000);

  afterAll(() => t.close());

  it('takes the report from submitted to resolved, and Casey sees the whole record', async () => {
    const id = await workTheCase();
    const casey = await me('counselor.casey');
    const sam = await me('student.sam');

    const view = await read('counselor.casey', id);

    expect(view).toMatchObject({ view: 'staff', status: 'resolved', resolutionSummary: SUMMARY });
    expect(typesOf(view.timeline).sort()).toEqual(
      [
        'filed',
        'status_changed',
        'triaged',
        'assigned',
        'status_changed',
        'investigation_started',
        'internal_note',
        'action_recorded',
        'shared_note',
        'resolved',
      ].sort(),
    );
    const caseyRef = { id: casey.id, displayName: 'Casey Lin' };
    for (const entry of view.timeline) {
      expect(entry.actor).toEqual(
        entry.type === 'filed' ? { id: sam.id, displayName: 'Sam Carter' } : caseyRef,
      );
    }
    const text = JSON.stringify(view);
    expect(text).toContain(INTERNAL_NOTE);
    expect(text).toContain(SAFETY_PLAN);
  });

  it('shows parent.pat the progress, the shared note and the summary, but no internal note', async () => {
    const id = await workTheCase();
    const sam = await me('student.sam');

    const view = await read('parent.pat', id);

    expect(view).toMatchObject({
      view: 'family',
      id,
      child: { id: sam.id, displayName: 'Sam Carter' },
      status: 'resolved',
      outcome: 'substantiated',
      resolutionSummary: SUMMARY,
    });
    expect(typesOf(view.timeline)).toEqual([
      'filed',
      'status_changed',
      'status_changed',
      'shared_note',
      'resolved',
    ]);
    expect(
      view.timeline.filter((entry) => entry.type === 'status_changed').map((entry) => entry.data),
    ).toEqual([
      { from: 'submitted', to: 'triaged' },
      { from: 'triaged', to: 'investigating' },
    ]);
    expect(view.timeline.find((entry) => entry.type === 'shared_note')?.data).toMatchObject({
      body: SHARED_NOTE,
    });
    expect(view.timeline.find((entry) => entry.type === 'resolved')?.data).toMatchObject({
      summary: SUMMARY,
    });
    const text = JSON.stringify(view);
    expect(text).not.toContain(INTERNAL_NOTE);
    expect(text).not.toContain(SAFETY_PLAN);
    expect(text).not.toContain(DESCRIPTION);

    const list = await (await t.signIn('parent.pat', DEMO_PASSWORD)).get('/incidents');
    expect(list.status).toBe(200);
    expect((list.body as { items: { id: string; status: string }[] }).items).toEqual([
      expect.objectContaining({ id, view: 'family', status: 'resolved' }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain(INTERNAL_NOTE);
  });

  it('shows student.sam the same progress as their reporter view, without the internal note', async () => {
    const id = await workTheCase();

    const view = await read('student.sam', id);

    expect(view).toMatchObject({
      view: 'reporter',
      status: 'resolved',
      resolutionSummary: SUMMARY,
    });
    expect(typesOf(view.timeline)).toEqual([
      'filed',
      'status_changed',
      'status_changed',
      'shared_note',
      'resolved',
    ]);
    const text = JSON.stringify(view);
    expect(text).toContain(SHARED_NOTE);
    expect(text).not.toContain(INTERNAL_NOTE);
    expect(text).not.toContain(SAFETY_PLAN);
    const list = await (await t.signIn('student.sam', DEMO_PASSWORD)).get('/incidents');
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(INTERNAL_NOTE);
  });

  it('answers counselor.chris of Oak Hill 404 on the case and on every casework endpoint', async () => {
    const id = await workTheCase();
    const before = await read('counselor.casey', id);
    const chris = await as('counselor.chris');

    const nothing = await t.http.get(`${INCIDENTS}/${UNKNOWN_ID}`).set(chris);
    expect(nothing.status).toBe(404);
    const view = await t.http.get(`${INCIDENTS}/${id}`).set(chris);
    expect(view.status).toBe(404);
    expect(view.body).toEqual(nothing.body);

    const attempts: [string, Record<string, unknown>][] = [
      ['triage', { version: before.version, severity: 'low' }],
      ['assign', { version: before.version, assigneeId: (await me('counselor.chris')).id }],
      ['transitions', { version: before.version, action: 'close' }],
      ['transitions', { version: before.version, action: 'reopen', reason: 'Curious' }],
      ['resolve', { version: before.version, outcome: 'unsubstantiated', summary: 'No.' }],
      ['notes', { body: 'Chris was here', visibility: 'shared' }],
      [
        'actions',
        {
          type: 'other',
          description: 'Chris was here',
          takenAt: hoursAgoWithOffset(1),
        },
      ],
    ];
    for (const [endpoint, body] of attempts) {
      const response = await casework('counselor.chris', id, endpoint, body);
      expect({ endpoint, status: response.status, body: response.body as unknown }).toEqual({
        endpoint,
        status: 404,
        body: nothing.body,
      });
    }

    const after = await read('counselor.casey', id);
    expect(after.version).toBe(before.version);
    expect(after.status).toBe('resolved');
    expect(JSON.stringify(after)).not.toContain('Chris was here');
    const chrisList = await t.http.get(INCIDENTS).set(chris);
    expect(chrisList.status).toBe(200);
    expect(JSON.stringify(chrisList.body)).not.toContain(id);
  });

  it('shows admin.alex every staff read and change in GET /audit', async () => {
    const id = await workTheCase();
    const casey = await me('counselor.casey');
    const sam = await me('student.sam');
    const maple = sam.schools[0];

    const response = await t.http
      .get(`${API}/audit`)
      .query({ incidentId: id, limit: 100 })
      .set(await as('admin.alex'));

    expect(response.status).toBe(200);
    const items = (response.body as { items: AuditItem[] }).items;
    expect(items.every((item) => item.incidentId === id && item.schoolId === maple.id)).toBe(true);
    const caseyRef = { id: casey.id, displayName: 'Casey Lin' };
    const views = items.filter(
      (item) => item.action === 'incident.viewed' && item.actor?.id === casey.id,
    );
    for (const requestId of caseyReads) {
      expect(views).toEqual(
        expect.arrayContaining([expect.objectContaining({ actor: caseyRef, requestId })]),
      );
    }
    const byCasey = items.filter((item) => item.actor?.id === casey.id).map((item) => item.action);
    expect(byCasey).toEqual(
      expect.arrayContaining([
        'incident.viewed',
        'incident.triaged',
        'incident.assigned',
        'incident.investigation_started',
        'note.added',
        'action.recorded',
        'incident.resolved',
      ]),
    );
    expect(byCasey.filter((action) => action === 'note.added')).toHaveLength(2);
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'incident.filed',
          actor: { id: sam.id, displayName: 'Sam Carter' },
        }),
      ]),
    );
    // Neither Sam's nor Pat's reads are in the log: only staff reads are.
    const actors = new Set(items.map((item) => item.actor?.id));
    expect(actors.has((await me('parent.pat')).id)).toBe(false);
    expect(items.filter((item) => item.actor?.id === sam.id).map((item) => item.action)).toEqual([
      'incident.filed',
    ]);

    // Newest first: the last thing that happened is a read by Casey or someone after her.
    expect(items[0].action).toBe('incident.viewed');
  });

  it('keeps the Maple Ridge audit from admin.avery of Oak Hill and from counselors', async () => {
    const id = await workTheCase();
    const maple = (await me('student.sam')).schools[0];

    const avery = await t.http
      .get(`${API}/audit`)
      .query({ schoolId: maple.id })
      .set(await as('admin.avery'));
    expect(avery.status).toBe(404);

    const averyAll = await t.http
      .get(`${API}/audit`)
      .query({ incidentId: id })
      .set(await as('admin.avery'));
    expect(averyAll.status).toBe(200);
    expect(averyAll.body).toEqual({ items: [], nextCursor: null });

    const casey = await t.http
      .get(`${API}/audit`)
      .query({ incidentId: id })
      .set(await as('counselor.casey'));
    expect(casey.status).toBe(403);
  });
});

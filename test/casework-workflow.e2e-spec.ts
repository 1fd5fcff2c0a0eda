import type { User } from '@app/identity';
import type { Response } from 'supertest';
import {
  CASEWORK_ENDPOINTS as ENDPOINTS,
  type ApiClient,
  type CaseworkEndpoint as Endpoint,
  type IncidentView as IncidentBody,
  type Status,
  type TimelineEntry,
} from './support/api-driver';
import { Factory } from './support/factory';
import { TestApp } from './support/test-app';

jest.setTimeout(60_000);

type World = Awaited<ReturnType<Factory['world']>>;
interface IncidentRow {
  status: Status;
  version: number;
  severity: string | null;
  category: string;
  assignee_id: string | null;
  dismissal_reason: string | null;
  resolved_at: Date | null;
  outcome: string | null;
  resolution_summary: string | null;
}

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const TARGET_NAME = 'Robin from homeroom';
const AGGRESSOR_NAME = 'Jamie in the eighth grade';
const PARTIES = [
  { role: 'target' as const, name: TARGET_NAME },
  { role: 'aggressor' as const, name: AGGRESSOR_NAME },
];

const ACTION_TYPES = [
  'counseling_session',
  'parent_conference',
  'safety_plan',
  'supervision_change',
  'disciplinary_referral',
  'peer_mediation',
  'law_enforcement_referral',
  'other',
] as const;

/** `at` written with a fixed -05:00 offset, as a school in New York would send it. */
const withOffset = (at: Date) => {
  const local = new Date(at.getTime() - 5 * 60 * 60_000).toISOString().slice(0, 19);
  return `${local}-05:00`;
};
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 60 * 60_000);
const typesOf = (timeline: TimelineEntry[]) => timeline.map((entry) => entry.type);
const sorted = (values: string[]) => [...values].sort();
const bodyOf = (response: Response) => response.body as IncidentBody;
const messageOf = (response: Response) => (response.body as { message: string | string[] }).message;

describe('casework: triage, assignment, the workflow, notes and actions', () => {
  let t: TestApp;
  let world: World;
  let extra: Record<'counselor2' | 'disabledCounselor' | 'sisterCounselor' | 'classmate', User>;
  /** A signed-in client per member of the cast. */
  const api: Record<string, ApiClient> = {};

  /** A body each casework endpoint would accept for an incident at `version`. */
  const validBody = (endpoint: Endpoint, version: number): Record<string, unknown> => {
    switch (endpoint) {
      case 'triage':
        return { version, severity: 'medium' };
      case 'assign':
        return { version, assigneeId: world.users.counselor.id };
      case 'transitions':
        return { version, action: 'dismiss', reason: 'Not a bullying matter' };
      case 'resolve':
        return { version, outcome: 'inconclusive', summary: 'We spoke with everyone involved.' };
      case 'notes':
        return { body: 'Spoke with the lunch supervisor.', visibility: 'internal' };
      case 'actions':
        return {
          type: 'counseling_session',
          description: 'Met the student.',
          takenAt: withOffset(hoursAgo(1)),
        };
    }
  };

  /** Files the usual report, naming a target and an aggressor, through the API. */
  const file = async (who = 'student'): Promise<string> => {
    const filed = await api[who].file(world.school.id, { parties: PARTIES }).expectStatus(201);
    return filed.id;
  };

  const row = async (id: string): Promise<IncidentRow> => {
    const rows: IncidentRow[] = await t.dataSource.query(
      `SELECT status, version, severity, category, assignee_id, dismissal_reason, resolved_at,
              outcome, resolution_summary
         FROM incidents WHERE id = $1`,
      [id],
    );
    return rows[0];
  };

  /** Everything a change to the incident would write. */
  const footprint = async (id: string) => {
    const [counts]: Record<string, number>[] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM incident_events WHERE incident_id = $1) AS events,
              (SELECT count(*)::int FROM audit_log WHERE incident_id = $1 AND action <> 'incident.viewed') AS audit,
              (SELECT count(*)::int FROM outbox WHERE incident_id = $1) AS outbox,
              (SELECT count(*)::int FROM incident_notes WHERE incident_id = $1) AS notes,
              (SELECT count(*)::int FROM incident_actions WHERE incident_id = $1) AS actions,
              (SELECT count(*)::int FROM incident_parties WHERE incident_id = $1 AND student_id IS NOT NULL) AS linked`,
      [id],
    );
    const { status, version, severity, assignee_id, dismissal_reason } = await row(id);
    return { ...counts, status, version, severity, assignee_id, dismissal_reason };
  };

  const staffView = (id: string, who = 'counselor'): Promise<IncidentBody> =>
    api[who].incident(id).expectStatus(200);

  /** The version a case has when brought to each status the shortest legal way. */
  const VERSION_AT: Record<Status, number> = {
    submitted: 1,
    triaged: 2,
    investigating: 3,
    resolved: 4,
    closed: 5,
    dismissed: 2,
  };

  /**
   * A fresh incident of the student's, written in `status` by the factory (with
   * a `triaged` event when past triage); answers its id and version.
   */
  const driveTo = async (status: Status): Promise<{ id: string; version: number }> => {
    const incident = await t.factory.incident(world.school, {
      status,
      version: VERSION_AT[status],
      reporter: world.users.student,
      parties: PARTIES,
    });
    return { id: incident.id, version: incident.version };
  };

  beforeAll(async () => {
    t = await TestApp.start();
    world = await t.factory.world();
    const { district, school, sisterSchool } = world;
    extra = {
      counselor2: await t.factory.user('counselor', { district, schools: [school] }),
      disabledCounselor: await t.factory.user(
        'counselor',
        { district, schools: [school] },
        { disabled: true },
      ),
      sisterCounselor: await t.factory.user('counselor', { district, schools: [sisterSchool] }),
      classmate: await t.factory.user('student', { district, schools: [school] }),
    };
    const logins = [
      ...Object.entries(world.users),
      ...Object.entries(extra).filter(([key]) => key !== 'disabledCounselor'),
    ];
    for (const [key, user] of logins) api[key] = await t.signIn(user);
  });

  afterAll(() => t.close());

  describe('POST /incidents/:id/triage', () => {
    it('triages a submitted report: severity, category, assignee, status triaged, version + 1', async () => {
      const id = await file();
      expect(await row(id)).toMatchObject({ status: 'submitted', version: 1 });

      const response = await api.counselor.casework(id, 'triage', {
        version: 1,
        severity: 'high',
        category: 'physical',
        assigneeId: extra.counselor2.id,
      });

      expect(response.status).toBe(200);
      const view = bodyOf(response);
      expect(view).toMatchObject({
        view: 'staff',
        id,
        status: 'triaged',
        severity: 'high',
        category: 'physical',
        assignee: { id: extra.counselor2.id, displayName: extra.counselor2.displayName },
        version: 2,
      });
      expect(await row(id)).toMatchObject({
        status: 'triaged',
        version: 2,
        severity: 'high',
        category: 'physical',
        assignee_id: extra.counselor2.id,
      });
      const counselor = {
        id: world.users.counselor.id,
        displayName: world.users.counselor.displayName,
      };
      expect(sorted(typesOf(view.timeline))).toEqual(
        sorted(['filed', 'status_changed', 'triaged', 'assigned']),
      );
      expect(view.timeline).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            type: 'status_changed',
            actor: counselor,
            data: { from: 'submitted', to: 'triaged' },
          }),
          expect.objectContaining({
            type: 'triaged',
            actor: counselor,
            visibility: 'internal',
            data: { severity: 'high', category: 'physical' },
          }),
          expect.objectContaining({
            type: 'assigned',
            actor: counselor,
            data: { assigneeId: extra.counselor2.id },
          }),
        ]),
      );
    });

    it('lets a school admin triage without an assignee, leaving the case unassigned', async () => {
      const id = await file();
      const response = await api.schoolAdmin.casework(id, 'triage', {
        version: 1,
        severity: 'low',
      });

      expect(response.status).toBe(200);
      expect(bodyOf(response)).toMatchObject({
        status: 'triaged',
        severity: 'low',
        category: 'verbal',
        assignee: null,
        version: 2,
      });
      expect(typesOf(bodyOf(response).timeline)).not.toContain('assigned');
    });

    it('links named parties to student records of the school', async () => {
      const id = await file();
      const before = await staffView(id);
      const target = before.parties.find((party) => party.role === 'target')!;
      const aggressor = before.parties.find((party) => party.role === 'aggressor')!;
      expect(target.student).toBeNull();

      const response = await api.counselor.casework(id, 'triage', {
        version: before.version,
        severity: 'medium',
        partyLinks: [
          { partyId: target.id, studentId: world.users.student.id },
          { partyId: aggressor.id, studentId: extra.classmate.id },
        ],
      });

      expect(response.status).toBe(200);
      const parties = bodyOf(response).parties;
      expect(parties.find((party) => party.id === target.id)).toMatchObject({
        role: 'target',
        name: TARGET_NAME,
        student: { id: world.users.student.id, displayName: world.users.student.displayName },
      });
      expect(parties.find((party) => party.id === aggressor.id)).toMatchObject({
        role: 'aggressor',
        student: { id: extra.classmate.id, displayName: extra.classmate.displayName },
      });
      const links = bodyOf(response).timeline.filter((entry) => entry.type === 'party_linked');
      expect(links.map((entry) => entry.data)).toEqual(
        expect.arrayContaining([
          { partyId: target.id, studentId: world.users.student.id },
          { partyId: aggressor.id, studentId: extra.classmate.id },
        ]),
      );
      expect(links).toHaveLength(2);
    });

    it.each([
      ['a staff member of the school', () => world.users.staff.id],
      ['a student of the school', () => world.users.student.id],
      ['a counselor of another school', () => extra.sisterCounselor.id],
      ['an administrator of another school', () => world.users.sisterAdmin.id],
      ['a disabled counselor of the school', () => extra.disabledCounselor.id],
      ['an id that is nobody', () => UNKNOWN_ID],
    ])('refuses assigning the triaged case to %s with 422 and writes nothing', async (_, who) => {
      const id = await file();
      const before = await footprint(id);

      const response = await api.counselor.casework(id, 'triage', {
        version: 1,
        severity: 'medium',
        assigneeId: who(),
      });

      expect(response.status).toBe(422);
      expect(messageOf(response)).toContain('assigneeId');
      expect(await footprint(id)).toEqual(before);
    });

    it('refuses linking a party of another incident with 422 and links nothing', async () => {
      const id = await file();
      const other = await staffView(await file());
      const before = await footprint(id);

      const response = await api.counselor.casework(id, 'triage', {
        version: 1,
        severity: 'medium',
        partyLinks: [{ partyId: other.parties[0].id, studentId: world.users.student.id }],
      });

      expect(response.status).toBe(422);
      expect(messageOf(response)).toContain('partyId');
      expect(await footprint(id)).toEqual(before);
      expect((await staffView(other.id)).parties.every((party) => party.student === null)).toBe(
        true,
      );
    });

    it.each([
      ['a student of another school', () => world.users.sisterStudent.id],
      ['a student of another district', () => world.users.foreignStudent.id],
      ['a staff member of the school', () => world.users.staff.id],
      ['a parent of the school', () => world.users.parent.id],
    ])('refuses linking a party to %s with 422 and links nothing', async (_, who) => {
      const id = await file();
      const view = await staffView(id);
      const before = await footprint(id);

      const response = await api.counselor.casework(id, 'triage', {
        version: view.version,
        severity: 'medium',
        partyLinks: [{ partyId: view.parties[0].id, studentId: who() }],
      });

      expect(response.status).toBe(422);
      expect(messageOf(response)).toContain('studentId');
      expect(await footprint(id)).toEqual(before);
    });

    it('refuses a stale version with 409 and writes nothing', async () => {
      const { id, version } = await driveTo('submitted');
      // Someone else changed the case meanwhile (an assignment bumps the version).
      const assigned = await api.schoolAdmin.casework(id, 'assign', {
        version,
        assigneeId: world.users.counselor.id,
      });
      expect(assigned.status).toBe(200);
      const before = await footprint(id);

      const response = await api.counselor.casework(id, 'triage', {
        version,
        severity: 'critical',
        assigneeId: extra.counselor2.id,
      });

      expect(response.status).toBe(409);
      expect(messageOf(response)).toContain('changed since you read it');
      expect(await footprint(id)).toEqual(before);
      expect(before).toMatchObject({ status: 'submitted', version: version + 1, severity: null });
    });

    it.each([
      ['no severity', { version: 1 }, 'severity'],
      ['an unknown severity', { version: 1, severity: 'extreme' }, 'severity'],
      ['no version', { severity: 'low' }, 'version'],
      ['version 0', { version: 0, severity: 'low' }, 'version'],
      ['a text version', { version: '1', severity: 'low' }, 'version'],
      ['an unknown category', { version: 1, severity: 'low', category: 'teasing' }, 'category'],
      ['a malformed assignee', { version: 1, severity: 'low', assigneeId: 'casey' }, 'assigneeId'],
      [
        'a malformed party link',
        { version: 1, severity: 'low', partyLinks: [{ partyId: 'x', studentId: UNKNOWN_ID }] },
        'partyId',
      ],
      ['an unknown field', { version: 1, severity: 'low', priority: 1 }, 'priority'],
    ])('answers 400 for %s and writes nothing', async (_, body, field) => {
      const id = await file();
      const before = await footprint(id);

      const response = await api.counselor.casework(id, 'triage', body);

      expect(response.status).toBe(400);
      expect(JSON.stringify(messageOf(response))).toContain(field);
      expect(await footprint(id)).toEqual(before);
    });
  });

  describe('POST /incidents/:id/assign', () => {
    it('gives the case to an administrator of the school: version + 1, status unchanged', async () => {
      const { id, version } = await driveTo('triaged');

      const response = await api.counselor.casework(id, 'assign', {
        version,
        assigneeId: world.users.schoolAdmin.id,
      });

      expect(response.status).toBe(200);
      const view = bodyOf(response);
      expect(view).toMatchObject({
        status: 'triaged',
        assignee: {
          id: world.users.schoolAdmin.id,
          displayName: world.users.schoolAdmin.displayName,
        },
        version: version + 1,
      });
      expect(await row(id)).toMatchObject({
        status: 'triaged',
        version: version + 1,
        assignee_id: world.users.schoolAdmin.id,
      });
      expect(view.timeline.filter((entry) => entry.type === 'assigned')).toEqual([
        expect.objectContaining({
          actor: { id: world.users.counselor.id, displayName: world.users.counselor.displayName },
          data: { assigneeId: world.users.schoolAdmin.id },
        }),
      ]);
    });

    it('reassigns an assigned case to another counselor', async () => {
      const { id, version } = await driveTo('investigating');
      const first = await api.schoolAdmin.casework(id, 'assign', {
        version,
        assigneeId: world.users.counselor.id,
      });
      expect(first.status).toBe(200);

      const second = await api.schoolAdmin.casework(id, 'assign', {
        version: version + 1,
        assigneeId: extra.counselor2.id,
      });

      expect(second.status).toBe(200);
      expect(bodyOf(second)).toMatchObject({
        status: 'investigating',
        assignee: { id: extra.counselor2.id },
        version: version + 2,
      });
    });

    it.each([
      ['a staff member of the school', () => world.users.staff.id],
      ['a counselor of another school', () => extra.sisterCounselor.id],
      ['a disabled counselor of the school', () => extra.disabledCounselor.id],
      ['an id that is nobody', () => UNKNOWN_ID],
    ])('refuses %s as assignee with 422 and writes nothing', async (_, who) => {
      const { id, version } = await driveTo('triaged');
      const before = await footprint(id);

      const response = await api.schoolAdmin.casework(id, 'assign', { version, assigneeId: who() });

      expect(response.status).toBe(422);
      expect(await footprint(id)).toEqual(before);
    });

    it('refuses assigning a closed case with 409 and writes nothing', async () => {
      const { id, version } = await driveTo('closed');
      const before = await footprint(id);

      const response = await api.schoolAdmin.casework(id, 'assign', {
        version,
        assigneeId: extra.counselor2.id,
      });

      expect(response.status).toBe(409);
      expect(await footprint(id)).toEqual(before);
    });

    it('refuses a stale version with 409 and writes nothing', async () => {
      const { id, version } = await driveTo('triaged');
      const before = await footprint(id);

      const response = await api.schoolAdmin.casework(id, 'assign', {
        version: version - 1,
        assigneeId: extra.counselor2.id,
      });

      expect(response.status).toBe(409);
      expect(messageOf(response)).toContain('changed since you read it');
      expect(await footprint(id)).toEqual(before);
    });

    it.each([
      ['no assignee', { version: 1 }, 'assigneeId'],
      ['no version', { assigneeId: UNKNOWN_ID }, 'version'],
    ])('answers 400 for %s', async (_, body, field) => {
      const id = await file();
      const response = await api.schoolAdmin.casework(id, 'assign', body);

      expect(response.status).toBe(400);
      expect(JSON.stringify(messageOf(response))).toContain(field);
    });
  });

  describe('POST /incidents/:id/transitions', () => {
    it('starts the investigation of a triaged case', async () => {
      const { id, version } = await driveTo('triaged');

      const response = await api.counselor.casework(id, 'transitions', {
        version,
        action: 'start',
      });

      expect(response.status).toBe(200);
      expect(bodyOf(response)).toMatchObject({ status: 'investigating', version: version + 1 });
      expect(await row(id)).toMatchObject({ status: 'investigating', version: version + 1 });
      expect(bodyOf(response).timeline).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            type: 'status_changed',
            data: { from: 'triaged', to: 'investigating' },
          }),
          expect.objectContaining({
            type: 'investigation_started',
            actor: { id: world.users.counselor.id, displayName: world.users.counselor.displayName },
          }),
        ]),
      );
    });

    it.each([
      ['prank', 'submitted'],
      ['duplicate', 'triaged'],
      ['other', 'submitted'],
    ] as const)(
      'dismisses with a reason and the reason code %s from %s, and records the code',
      async (reasonCode, from) => {
        const { id, version } = await driveTo(from);

        const response = await api.counselor.casework(id, 'transitions', {
          version,
          action: 'dismiss',
          reason: '  The students were playing a game they all agreed to.  ',
          reasonCode,
        });

        expect(response.status).toBe(200);
        expect(bodyOf(response)).toMatchObject({ status: 'dismissed', version: version + 1 });
        expect(await row(id)).toMatchObject({
          status: 'dismissed',
          version: version + 1,
          dismissal_reason: reasonCode,
        });
        expect(bodyOf(response).timeline).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ type: 'status_changed', data: { from, to: 'dismissed' } }),
            expect.objectContaining({
              type: 'dismissed',
              data: {
                reason: 'The students were playing a game they all agreed to.',
                reasonCode,
              },
            }),
          ]),
        );
      },
    );

    it('records the reason code other when a dismissal gives none', async () => {
      const { id, version } = await driveTo('triaged');

      const response = await api.schoolAdmin.casework(id, 'transitions', {
        version,
        action: 'dismiss',
        reason: 'Handled by the teacher in class.',
      });

      expect(response.status).toBe(200);
      expect(await row(id)).toMatchObject({ status: 'dismissed', dismissal_reason: 'other' });
    });

    it.each(['dismiss', 'reopen'] as const)(
      'refuses to %s without a reason with 422 and writes nothing',
      async (action) => {
        const { id, version } = await driveTo(action === 'dismiss' ? 'triaged' : 'dismissed');
        const before = await footprint(id);

        const response = await api.counselor.casework(id, 'transitions', { version, action });

        expect(response.status).toBe(422);
        expect(messageOf(response)).toContain('reason');
        expect(await footprint(id)).toEqual(before);
      },
    );

    it.each([
      ['start', 'triaged'],
      ['reopen', 'dismissed'],
      ['close', 'resolved'],
    ] as const)(
      'refuses a reason code with %s (dismiss only) with 422 and writes nothing',
      async (action, from) => {
        const { id, version } = await driveTo(from);
        const before = await footprint(id);

        const response = await api.counselor.casework(id, 'transitions', {
          version,
          action,
          reason: 'Because.',
          reasonCode: 'duplicate',
        });

        expect(response.status).toBe(422);
        expect(messageOf(response)).toContain('reasonCode');
        expect(await footprint(id)).toEqual(before);
      },
    );

    it('reopens a case dismissed before triage to submitted, where it can be triaged', async () => {
      const { id, version } = await driveTo('dismissed');
      expect(await row(id)).toMatchObject({ dismissal_reason: 'other', severity: null });

      const response = await api.counselor.casework(id, 'transitions', {
        version,
        action: 'reopen',
        reason: 'A second report describes the same lunch.',
      });

      expect(response.status).toBe(200);
      expect(bodyOf(response)).toMatchObject({ status: 'submitted', version: version + 1 });
      expect(await row(id)).toMatchObject({
        status: 'submitted',
        version: version + 1,
        dismissal_reason: null,
      });
      expect(bodyOf(response).timeline).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            type: 'status_changed',
            visibility: 'shared',
            data: { from: 'dismissed', to: 'submitted' },
          }),
          expect.objectContaining({
            type: 'reopened',
            data: expect.objectContaining({ reason: 'A second report describes the same lunch.' }),
          }),
        ]),
      );
      const triaged = await api.counselor.casework(id, 'triage', {
        version: version + 1,
        severity: 'medium',
      });
      expect(triaged.status).toBe(200);
      expect(bodyOf(triaged)).toMatchObject({ status: 'triaged', severity: 'medium' });
    });

    it('reopens a case dismissed after triage to triaged, with its severity, ready to start', async () => {
      const triaged = await driveTo('triaged');
      await api.counselor
        .casework(triaged.id, 'transitions', {
          version: triaged.version,
          action: 'dismiss',
          reason: 'The students were playing a game.',
        })
        .expectStatus(200);

      const response = await api.counselor.casework(triaged.id, 'transitions', {
        version: triaged.version + 1,
        action: 'reopen',
        reason: 'It happened again.',
      });

      expect(response.status).toBe(200);
      expect(bodyOf(response)).toMatchObject({ status: 'triaged', severity: 'medium' });
      const started = await api.counselor.casework(triaged.id, 'transitions', {
        version: triaged.version + 2,
        action: 'start',
      });
      expect(started.status).toBe(200);
    });

    it('reopens a critical report dismissed before anyone triaged it to submitted', async () => {
      const filed = await api.student.file(world.school.id, {
        category: 'threat',
        location: 'bus',
        occurredAt: hoursAgo(1).toISOString(),
        description: 'He said he has a knife in his bag on the bus.',
      });
      expect(filed.body).toMatchObject({ severity: 'critical' });
      const id = (filed.body as { id: string }).id;
      const { version } = await row(id);
      await api.counselor
        .casework(id, 'transitions', {
          version,
          action: 'dismiss',
          reason: 'A prank, the driver says.',
        })
        .expectStatus(200);

      const response = await api.counselor.casework(id, 'transitions', {
        version: version + 1,
        action: 'reopen',
        reason: 'Another pupil saw the knife.',
      });

      expect(response.status).toBe(200);
      expect(bodyOf(response)).toMatchObject({ status: 'submitted', severity: 'critical' });
    });

    it('counts the deadlines still ahead again from the reopening and lets their notices come again', async () => {
      const { id, version } = await driveTo('dismissed');
      // Filed three weeks ago: both deadlines of the first filing passed long since.
      await t.dataSource.query(
        `UPDATE incidents SET triage_due_at = now() - interval '20 days',
                              resolve_due_at = now() - interval '10 days' WHERE id = $1`,
        [id],
      );
      await t.dataSource.query(
        `INSERT INTO deadline_notices (incident_id, deadline, kind, school_id, due_at)
         VALUES ($1, 'triage', 'overdue', $2, now() - interval '20 days')`,
        [id, world.school.id],
      );
      const reopenedAt = Date.now();

      const response = await api.counselor.casework(id, 'transitions', {
        version,
        action: 'reopen',
        reason: 'The family says it goes on.',
      });

      expect(response.status).toBe(200);
      const body = response.body as { triageDueAt: string; resolveDueAt: string };
      expect(Date.parse(body.triageDueAt)).toBeGreaterThan(reopenedAt);
      expect(Date.parse(body.resolveDueAt)).toBeGreaterThan(Date.parse(body.triageDueAt));
      expect(bodyOf(response).timeline).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            type: 'reopened',
            data: {
              reason: 'The family says it goes on.',
              triageDueAt: body.triageDueAt,
              resolveDueAt: body.resolveDueAt,
            },
          }),
        ]),
      );
      const [{ overdue }]: { overdue: boolean }[] = await t.dataSource.query(
        'SELECT due_at < now() AS overdue FROM incidents WHERE id = $1',
        [id],
      );
      expect(overdue).toBe(false);
      const notices: unknown[] = await t.dataSource.query(
        'SELECT 1 FROM deadline_notices WHERE incident_id = $1',
        [id],
      );
      expect(notices).toEqual([]);
      const family = await api.parent.incident(id);
      expect(family.body).toMatchObject({
        view: 'family',
        status: 'submitted',
        triageDueAt: body.triageDueAt,
        resolveDueAt: body.resolveDueAt,
      });
    });

    it('reopens a resolved case to investigating, clears its outcome and gives it time again', async () => {
      const { id, version } = await driveTo('resolved');
      expect(await row(id)).toMatchObject({ outcome: 'substantiated' });
      await t.dataSource.query(
        `UPDATE incidents SET resolve_due_at = now() - interval '1 day' WHERE id = $1`,
        [id],
      );

      const response = await api.schoolAdmin.casework(id, 'transitions', {
        version,
        action: 'reopen',
        reason: 'The family reports it started again.',
      });

      expect(response.status).toBe(200);
      expect(bodyOf(response)).toMatchObject({
        status: 'investigating',
        resolvedAt: null,
        outcome: null,
        resolutionSummary: null,
        version: version + 1,
      });
      expect(await row(id)).toMatchObject({
        status: 'investigating',
        resolved_at: null,
        outcome: null,
        resolution_summary: null,
      });
      expect(Date.parse((response.body as { resolveDueAt: string }).resolveDueAt)).toBeGreaterThan(
        Date.now(),
      );
    });

    it('closes a resolved case', async () => {
      const { id, version } = await driveTo('resolved');

      const response = await api.counselor.casework(id, 'transitions', {
        version,
        action: 'close',
      });

      expect(response.status).toBe(200);
      expect(bodyOf(response)).toMatchObject({
        status: 'closed',
        outcome: 'substantiated',
        version: version + 1,
      });
      expect(typesOf(bodyOf(response).timeline)).toContain('closed');
      expect(await row(id)).toMatchObject({ status: 'closed', version: version + 1 });
    });

    const ALLOWED: Record<Status, string> = {
      submitted: 'triage, dismiss',
      triaged: 'start, dismiss',
      investigating: 'resolve',
      resolved: 'close, reopen',
      closed: 'nothing (the case is closed)',
      dismissed: 'reopen',
    };
    // One refusal per endpoint that moves a case, and the closed case that allows nothing:
    // every other status and step is refused in casework-workflow.service-spec.ts.
    const ILLEGAL: [Status, string][] = [
      ['submitted', 'start'],
      ['investigating', 'triage'],
      ['dismissed', 'resolve'],
      ['closed', 'reopen'],
    ];
    it.each(ILLEGAL)(
      'refuses, from %s, to %s with 409 naming the allowed actions, and writes nothing',
      async (status, action) => {
        const { id, version } = await driveTo(status);
        const before = await footprint(id);

        const response =
          action === 'triage'
            ? await api.counselor.casework(id, 'triage', { version, severity: 'low' })
            : action === 'resolve'
              ? await api.counselor.casework(id, 'resolve', {
                  version,
                  outcome: 'inconclusive',
                  summary: 'Too early to tell.',
                })
              : await api.counselor.casework(id, 'transitions', {
                  version,
                  action,
                  reason: 'Trying a step the workflow does not allow.',
                });

        expect(response.status).toBe(409);
        expect(messageOf(response)).toBe(
          `Cannot ${action} an incident that is ${status}; allowed now: ${ALLOWED[status]}`,
        );
        expect(await footprint(id)).toEqual(before);
      },
    );

    it('refuses a stale version with 409 and writes nothing, even for a legal step', async () => {
      const { id, version } = await driveTo('triaged');
      const before = await footprint(id);

      const response = await api.counselor.casework(id, 'transitions', {
        version: version - 1,
        action: 'start',
      });

      expect(response.status).toBe(409);
      expect(messageOf(response)).toContain('changed since you read it');
      expect(await footprint(id)).toEqual(before);
    });

    it.each([
      ['an unknown action', { version: 1, action: 'resolve' }, 'action'],
      ['no action', { version: 1 }, 'action'],
      [
        'an unknown reason code',
        { version: 1, action: 'dismiss', reason: 'x', reasonCode: 'spam' },
        'reasonCode',
      ],
      ['a blank reason', { version: 1, action: 'dismiss', reason: '   ' }, 'reason'],
    ])('answers 400 for %s and writes nothing', async (_, body, field) => {
      const id = await file();
      const before = await footprint(id);

      const response = await api.counselor.casework(id, 'transitions', body);

      expect(response.status).toBe(400);
      expect(JSON.stringify(messageOf(response))).toContain(field);
      expect(await footprint(id)).toEqual(before);
    });
  });

  describe('POST /incidents/:id/resolve', () => {
    it('resolves an investigation with an outcome and a summary for the family', async () => {
      const { id, version } = await driveTo('investigating');
      const before = Date.now();

      const response = await api.counselor.casework(id, 'resolve', {
        version,
        outcome: 'substantiated',
        summary: '  We met both students; the seating plan at lunch has changed.  ',
      });

      expect(response.status).toBe(200);
      const view = bodyOf(response);
      expect(view).toMatchObject({
        status: 'resolved',
        outcome: 'substantiated',
        resolutionSummary: 'We met both students; the seating plan at lunch has changed.',
        version: version + 1,
      });
      expect(new Date(view.resolvedAt!).getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(new Date(view.resolvedAt!).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
      expect(await row(id)).toMatchObject({
        status: 'resolved',
        version: version + 1,
        outcome: 'substantiated',
        resolution_summary: 'We met both students; the seating plan at lunch has changed.',
      });
      expect(view.timeline.filter((entry) => entry.type === 'resolved')).toEqual([
        expect.objectContaining({
          visibility: 'shared',
          actor: { id: world.users.counselor.id, displayName: world.users.counselor.displayName },
          data: {
            outcome: 'substantiated',
            summary: 'We met both students; the seating plan at lunch has changed.',
          },
        }),
      ]);
    });

    it('refuses a stale version with 409 and writes nothing', async () => {
      const { id, version } = await driveTo('investigating');
      const before = await footprint(id);

      const response = await api.counselor.casework(id, 'resolve', {
        version: version + 1,
        outcome: 'unsubstantiated',
        summary: 'Nothing found.',
      });

      expect(response.status).toBe(409);
      expect(messageOf(response)).toContain('changed since you read it');
      expect(await footprint(id)).toEqual(before);
    });

    it.each([
      ['no summary', { outcome: 'inconclusive' }, 'summary'],
      ['a blank summary', { outcome: 'inconclusive', summary: '  ' }, 'summary'],
      ['an unknown outcome', { outcome: 'guilty', summary: 'x' }, 'outcome'],
    ])('answers 400 for %s and writes nothing', async (_, body, field) => {
      const { id, version } = await driveTo('investigating');
      const before = await footprint(id);

      const response = await api.counselor.casework(id, 'resolve', { version, ...body });

      expect(response.status).toBe(400);
      expect(JSON.stringify(messageOf(response))).toContain(field);
      expect(await footprint(id)).toEqual(before);
    });
  });

  describe('the whole path', () => {
    it('walks submitted -> triaged -> investigating -> resolved -> closed, one version at a time', async () => {
      const id = await file();
      const steps: [Endpoint, Record<string, unknown>, Status][] = [
        ['triage', { severity: 'medium', assigneeId: world.users.counselor.id }, 'triaged'],
        ['transitions', { action: 'start' }, 'investigating'],
        ['resolve', { outcome: 'inconclusive', summary: 'We keep watching.' }, 'resolved'],
        ['transitions', { action: 'close' }, 'closed'],
      ];
      let version = 1;
      for (const [endpoint, body, status] of steps) {
        const response = await api.counselor.casework(id, endpoint, { version, ...body });
        expect(response.status).toBe(200);
        expect(bodyOf(response)).toMatchObject({ status, version: version + 1 });
        version += 1;
      }
      expect(await row(id)).toMatchObject({ status: 'closed', version: 5 });
      const timeline = (await staffView(id)).timeline;
      expect(
        timeline.filter((entry) => entry.type === 'status_changed').map((entry) => entry.data),
      ).toEqual([
        { from: 'submitted', to: 'triaged' },
        { from: 'triaged', to: 'investigating' },
        { from: 'resolved', to: 'closed' },
      ]);
      for (const entry of timeline) expect(entry.actor).not.toBeNull();
    });

    it('lists the events of one decision in the order they were made', async () => {
      // A triage writes status_changed, then triaged, then assigned. Tried on five cases so
      // that an order left to chance (equal timestamps, random ids) cannot pass by luck.
      for (let i = 0; i < 5; i += 1) {
        const id = await file();
        const response = await api.counselor.casework(id, 'triage', {
          version: 1,
          severity: 'medium',
          assigneeId: world.users.counselor.id,
        });
        expect(response.status).toBe(200);
        expect(typesOf((await staffView(id)).timeline)).toEqual([
          'filed',
          'status_changed',
          'triaged',
          'assigned',
        ]);
      }
    });
  });

  describe('POST /incidents/:id/notes', () => {
    it.each([
      ['internal', 'internal_note'],
      ['shared', 'shared_note'],
    ] as const)(
      'adds a %s note without a version and without changing the version',
      async (visibility, eventType) => {
        const { id, version } = await driveTo('investigating');

        const response = await api.counselor.casework(id, 'notes', {
          body: '  Talked to the lunch supervisor about the seating.  ',
          visibility,
        });

        expect(response.status).toBe(201);
        const note = response.body as { id: string };
        expect(response.body).toEqual({
          id: expect.any(String),
          visibility,
          body: 'Talked to the lunch supervisor about the seating.',
          author: { id: world.users.counselor.id, displayName: world.users.counselor.displayName },
          createdAt: expect.any(String),
        });
        const stored: Record<string, unknown>[] = await t.dataSource.query(
          'SELECT incident_id, school_id, author_id, visibility, body FROM incident_notes WHERE id = $1',
          [note.id],
        );
        expect(stored).toEqual([
          {
            incident_id: id,
            school_id: world.school.id,
            author_id: world.users.counselor.id,
            visibility,
            body: 'Talked to the lunch supervisor about the seating.',
          },
        ]);
        expect(await row(id)).toMatchObject({ status: 'investigating', version });
        expect((await staffView(id)).timeline).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              type: eventType,
              visibility,
              actor: {
                id: world.users.counselor.id,
                displayName: world.users.counselor.displayName,
              },
              data: { noteId: note.id, body: 'Talked to the lunch supervisor about the seating.' },
            }),
          ]),
        );
      },
    );

    it('lets a school admin add a note to a closed case', async () => {
      const { id } = await driveTo('closed');
      const response = await api.schoolAdmin.casework(id, 'notes', {
        body: 'Filed with the end-of-year report.',
        visibility: 'internal',
      });
      expect(response.status).toBe(201);
    });

    it.each([
      ['an empty body', { body: '', visibility: 'internal' }, 'body'],
      ['a blank body', { body: ' \n ', visibility: 'shared' }, 'body'],
      ['an unknown visibility', { body: 'A note', visibility: 'public' }, 'visibility'],
      ['no visibility', { body: 'A note' }, 'visibility'],
      [
        'a body over 10,000 characters',
        { body: 'x'.repeat(10_001), visibility: 'internal' },
        'body',
      ],
    ])('answers 400 for %s and stores nothing', async (_, body, field) => {
      const id = await file();
      const before = await footprint(id);

      const response = await api.counselor.casework(id, 'notes', body);

      expect(response.status).toBe(400);
      expect(JSON.stringify(messageOf(response))).toContain(field);
      expect(await footprint(id)).toEqual(before);
    });
  });

  describe('POST /incidents/:id/actions', () => {
    it.each(ACTION_TYPES)('records a %s intervention', async (type) => {
      const { id, version } = await driveTo('investigating');
      const takenAt = withOffset(hoursAgo(3));

      const response = await api.schoolAdmin.casework(id, 'actions', {
        type,
        description: `Recorded: ${type}`,
        takenAt,
      });

      expect(response.status).toBe(201);
      const action = response.body as { id: string; takenAt: string };
      expect(response.body).toEqual({
        id: expect.any(String),
        type,
        description: `Recorded: ${type}`,
        takenAt: expect.any(String),
        recordedBy: {
          id: world.users.schoolAdmin.id,
          displayName: world.users.schoolAdmin.displayName,
        },
        createdAt: expect.any(String),
      });
      expect(new Date(action.takenAt).getTime()).toBe(new Date(takenAt).getTime());
      const stored: { type: string; taken_at: Date; recorded_by_id: string; school_id: string }[] =
        await t.dataSource.query(
          'SELECT type, taken_at, recorded_by_id, school_id FROM incident_actions WHERE id = $1 AND incident_id = $2',
          [action.id, id],
        );
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        type,
        recorded_by_id: world.users.schoolAdmin.id,
        school_id: world.school.id,
      });
      expect(stored[0].taken_at.getTime()).toBe(new Date(takenAt).getTime());
      expect(await row(id)).toMatchObject({ version });
      expect((await staffView(id)).timeline).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            type: 'action_recorded',
            visibility: 'internal',
            data: expect.objectContaining({ actionId: action.id, type }),
          }),
        ]),
      );
    });

    it.each([
      ['a time in the future', () => withOffset(new Date(Date.now() + 24 * 60 * 60_000))],
      ['a time without an offset', () => '2025-03-04T10:00:00'],
      ['a date only', () => '2025-03-04'],
      ['an impossible date', () => '2025-02-30T10:00:00-05:00'],
    ])('refuses takenAt as %s with 400 and stores nothing', async (_, takenAt) => {
      const id = await file();
      const before = await footprint(id);

      const response = await api.counselor.casework(id, 'actions', {
        type: 'safety_plan',
        description: 'A plan for lunch times.',
        takenAt: takenAt(),
      });

      expect(response.status).toBe(400);
      expect(JSON.stringify(messageOf(response))).toContain('takenAt');
      expect(await footprint(id)).toEqual(before);
    });

    it.each([
      ['an unknown type', { type: 'detention', description: 'x' }, 'type'],
      ['no description', { type: 'other' }, 'description'],
    ])('answers 400 for %s', async (_, body, field) => {
      const id = await file();
      const response = await api.counselor.casework(id, 'actions', {
        takenAt: withOffset(hoursAgo(1)),
        ...body,
      });

      expect(response.status).toBe(400);
      expect(JSON.stringify(messageOf(response))).toContain(field);
    });
  });

  describe('what the reporter and the family see of the casework', () => {
    const INTERNAL = 'Internal: the aggressor’s older brother is on probation, handle with care';
    const ACTION = 'Action: lunch supervisor reassigned to the long table';
    const SHARED = 'Shared: we have spoken with the students involved and will follow up Friday';
    const SUMMARY = 'Summary: the behaviour was confirmed and has stopped; seating has changed';
    let id: string;

    beforeAll(async () => {
      id = await file('student');
      const step = async (endpoint: Endpoint, body: Record<string, unknown>, status = 200) => {
        const versioned = endpoint !== 'notes' && endpoint !== 'actions';
        const { version } = await row(id);
        const response = await api.counselor.casework(
          id,
          endpoint,
          versioned ? { version, ...body } : body,
        );
        expect(response.status).toBe(status);
      };
      await step('triage', { severity: 'high', assigneeId: world.users.counselor.id });
      await step('transitions', { action: 'start' });
      await step('notes', { body: INTERNAL, visibility: 'internal' }, 201);
      await step(
        'actions',
        { type: 'supervision_change', description: ACTION, takenAt: withOffset(hoursAgo(1)) },
        201,
      );
      await step('notes', { body: SHARED, visibility: 'shared' }, 201);
      await step('resolve', { outcome: 'substantiated', summary: SUMMARY });
    });

    it('shows staff every event, each with its actor', async () => {
      const view = await staffView(id);
      expect(sorted(typesOf(view.timeline))).toEqual(
        sorted([
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
        ]),
      );
      for (const entry of view.timeline) {
        expect(entry.actor).toEqual(expect.objectContaining({ id: expect.any(String) }));
      }
      expect(JSON.stringify(view)).toContain(INTERNAL);
      expect(JSON.stringify(view)).toContain(ACTION);
    });

    it.each([
      ['reporter', 'student'],
      ['family', 'parent'],
    ])(
      'shows the %s view only the shared progress, the shared note and the summary',
      async (kind, who) => {
        const response = await api[who].incident(id);
        expect(response.status).toBe(200);
        const view = bodyOf(response);

        expect(view.view).toBe(kind);
        expect(view).toMatchObject({
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
          view.timeline.filter((entry) => entry.type === 'status_changed').map((e) => e.data),
        ).toEqual([
          { from: 'submitted', to: 'triaged' },
          { from: 'triaged', to: 'investigating' },
        ]);
        expect(view.timeline.find((entry) => entry.type === 'shared_note')?.data).toMatchObject({
          body: SHARED,
        });
        expect(view.timeline.find((entry) => entry.type === 'resolved')?.data).toMatchObject({
          summary: SUMMARY,
        });
        const text = JSON.stringify(view);
        expect(text).not.toContain(INTERNAL);
        expect(text).not.toContain(ACTION);
        expect(text).not.toContain(world.users.counselor.displayName);
      },
    );

    it.each([['student'], ['parent']])(
      'keeps internal notes and actions out of the %s’s incident list',
      async (who) => {
        const response = await api[who].queue();
        expect(response.status).toBe(200);
        const items = (response.body as { items: { id: string }[] }).items;
        expect(items.map((item) => item.id)).toContain(id);
        const text = JSON.stringify(response.body);
        expect(text).not.toContain(INTERNAL);
        expect(text).not.toContain(ACTION);
      },
    );

    it('never shows the family why a case was dismissed', async () => {
      const other = await file('student');
      const reason = 'Dismissed: the reporter later said it was a joke between friends';
      const response = await api.counselor.casework(other, 'transitions', {
        version: 1,
        action: 'dismiss',
        reason,
        reasonCode: 'prank',
      });
      expect(response.status).toBe(200);

      for (const who of ['student', 'parent']) {
        const view = await api[who].incident(other);
        expect(view.status).toBe(200);
        expect(bodyOf(view).status).toBe('dismissed');
        expect(typesOf(bodyOf(view).timeline)).toEqual(['filed', 'status_changed']);
        expect(JSON.stringify(view.body)).not.toContain(reason);
        expect(JSON.stringify(view.body)).not.toContain('prank');
      }
    });
  });

  describe('who may do casework', () => {
    let id: string;

    beforeAll(async () => {
      id = await file('student');
    });

    const REFUSED_ROLES = ['student', 'parent', 'staff', 'districtAdmin'] as const;
    it.each(ENDPOINTS.flatMap((endpoint) => REFUSED_ROLES.map((who) => [endpoint, who] as const)))(
      'refuses POST %s to the %s with 403 and writes nothing',
      async (endpoint, who) => {
        const before = await footprint(id);

        const response = await api[who].casework(id, endpoint, validBody(endpoint, before.version));

        expect(response.status).toBe(403);
        expect(await footprint(id)).toEqual(before);
      },
    );

    const OUTSIDERS = ['sisterCounselor', 'sisterAdmin', 'foreignAdmin'] as const;
    it.each(ENDPOINTS.flatMap((endpoint) => OUTSIDERS.map((who) => [endpoint, who] as const)))(
      'answers POST %s by the %s (another school) with the 404 of an unknown id and writes nothing',
      async (endpoint, who) => {
        const before = await footprint(id);

        const response = await api[who].casework(id, endpoint, validBody(endpoint, before.version));
        const unknown = await api[who].casework(UNKNOWN_ID, endpoint, validBody(endpoint, 1));

        expect(response.status).toBe(404);
        expect(response.body).toEqual(unknown.body);
        expect(await footprint(id)).toEqual(before);
      },
    );

    it.each(ENDPOINTS)('answers POST %s without a token with 401', async (endpoint) => {
      const before = await footprint(id);

      const response = await t
        .anonymous()
        .casework(id, endpoint, validBody(endpoint, before.version));

      expect(response.status).toBe(401);
      expect(await footprint(id)).toEqual(before);
    });

    it.each(ENDPOINTS)(
      'answers POST %s with a malformed incident id with 400',
      async (endpoint) => {
        const response = await api.counselor.casework(
          'not-a-uuid',
          endpoint,
          validBody(endpoint, 1),
        );

        expect(response.status).toBe(400);
        expect(messageOf(response)).toBe('id must be a UUID');
      },
    );

    it.each(ENDPOINTS)('answers POST %s for an unknown incident with 404', async (endpoint) => {
      const response = await api.schoolAdmin.casework(UNKNOWN_ID, endpoint, validBody(endpoint, 1));

      expect(response.status).toBe(404);
      expect(response.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'Incident not found',
      });
    });

    it('lets a counselor of two schools work the cases of both', async () => {
      const both = await t.factory.user('counselor', {
        district: world.district,
        schools: [world.school, world.sisterSchool],
      });
      api.bothSchools = await t.signIn(both);
      const sisterCase = await api.sisterStudent.file(world.sisterSchool.id, {
        category: 'social',
        location: 'playground',
        occurredAt: hoursAgo(1).toISOString(),
        description: 'They will not let me play with them at recess, every single day.',
      });
      expect(sisterCase.status).toBe(201);
      const sisterId = (sisterCase.body as { id: string }).id;
      const ownId = await file();

      for (const incident of [ownId, sisterId]) {
        const response = await api.bothSchools.casework(incident, 'triage', {
          version: 1,
          severity: 'low',
          assigneeId: both.id,
        });
        expect(response.status).toBe(200);
        expect(bodyOf(response)).toMatchObject({ status: 'triaged', assignee: { id: both.id } });
      }
    });
  });
});

import { ConflictError } from '@app/common';
import { ResolveService, TransitionService, TriageService } from '@app/casework';
import type { Principal, User } from '@app/identity';
import type { Status } from './support/api-driver';
import { Factory } from './support/factory';
import { TestApp } from './support/test-app';

type World = Awaited<ReturnType<Factory['world']>>;

/** What a service hears of a signed-in counselor of the school. */
const principalOf = (user: User, schoolIds: string[]): Principal => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  districtId: user.districtId,
  schoolIds,
});

/**
 * The workflow's refusals, every status against every step it does not allow,
 * through the decision services on a real database: the cases are written in their
 * status by the factory instead of walked there over HTTP. The pure table is
 * in libs/casework/src/workflow/workflow.spec.ts; the HTTP answer (409 and its
 * message) in casework-workflow.e2e-spec.ts.
 */
describe('case decisions: steps the workflow does not allow', () => {
  let t: TestApp;
  let world: World;
  let decisions: { triage: TriageService; resolve: ResolveService; transition: TransitionService };
  let counselor: Principal;

  /** Everything a decision on the incident would write. */
  const footprint = async (id: string) => {
    const [row]: Record<string, unknown>[] = await t.dataSource.query(
      `SELECT status, version, severity, assignee_id, dismissal_reason, outcome,
              (SELECT count(*)::int FROM incident_events WHERE incident_id = $1) AS events,
              (SELECT count(*)::int FROM audit_log WHERE incident_id = $1) AS audit,
              (SELECT count(*)::int FROM outbox WHERE incident_id = $1) AS outbox
         FROM incidents WHERE id = $1`,
      [id],
    );
    return row;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    world = await t.factory.world();
    decisions = {
      triage: t.app.get(TriageService),
      resolve: t.app.get(ResolveService),
      transition: t.app.get(TransitionService),
    };
    counselor = principalOf(world.users.counselor, [world.school.id]);
  });

  afterAll(() => t.close());

  const ALLOWED: Record<Status, string> = {
    submitted: 'triage, dismiss',
    triaged: 'start, dismiss',
    investigating: 'resolve',
    resolved: 'close, reopen',
    closed: 'nothing (the case is closed)',
    dismissed: 'reopen',
  };
  const ILLEGAL: [Status, string][] = [
    ['submitted', 'start'],
    ['submitted', 'close'],
    ['submitted', 'reopen'],
    ['submitted', 'resolve'],
    ['triaged', 'triage'],
    ['triaged', 'close'],
    ['triaged', 'reopen'],
    ['triaged', 'resolve'],
    ['investigating', 'triage'],
    ['investigating', 'start'],
    ['investigating', 'dismiss'],
    ['investigating', 'close'],
    ['investigating', 'reopen'],
    ['resolved', 'triage'],
    ['resolved', 'start'],
    ['resolved', 'dismiss'],
    ['resolved', 'resolve'],
    ['closed', 'triage'],
    ['closed', 'start'],
    ['closed', 'dismiss'],
    ['closed', 'close'],
    ['closed', 'reopen'],
    ['closed', 'resolve'],
    ['dismissed', 'triage'],
    ['dismissed', 'start'],
    ['dismissed', 'dismiss'],
    ['dismissed', 'close'],
    ['dismissed', 'resolve'],
  ];

  it.each(ILLEGAL)(
    'refuses, from %s, to %s with a conflict naming the allowed actions, and writes nothing',
    async (status, action) => {
      const { id, version } = await t.factory.incident(world.school, {
        status,
        reporter: world.users.student,
      });
      const before = await footprint(id);

      const decision =
        action === 'triage'
          ? decisions.triage.triage(counselor, id, { version, severity: 'low' })
          : action === 'resolve'
            ? decisions.resolve.resolve(counselor, id, {
                version,
                outcome: 'inconclusive',
                summary: 'Too early to tell.',
              })
            : decisions.transition.transition(counselor, id, {
                version,
                action: action as 'start' | 'dismiss' | 'close' | 'reopen',
                reason: 'Trying a step the workflow does not allow.',
              });

      const refusal = await decision.then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refusal).toBeInstanceOf(ConflictError);
      expect((refusal as ConflictError).message).toBe(
        `Cannot ${action} an incident that is ${status}; allowed now: ${ALLOWED[status]}`,
      );
      expect(await footprint(id)).toEqual(before);
    },
  );
});

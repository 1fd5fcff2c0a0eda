import type { Response, Test } from 'supertest';
import type TestAgent from 'supertest/lib/agent';

/*
 * A typed client of the API for end-to-end tests: one method per common call,
 * answering the response with a typed body. The types are the few fields tests
 * read, written by hand; the OpenAPI document stays the full contract.
 */

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface TimelineEntry {
  type: string;
  at: string;
  actor?: PersonRef | null;
  visibility?: string;
  data: Record<string, unknown>;
}

export interface PartyView {
  id: string;
  role: string;
  name: string | null;
  student: PersonRef | null;
}

export type Status =
  'submitted' | 'triaged' | 'investigating' | 'resolved' | 'closed' | 'dismissed';

/** An incident as `GET /incidents/:id` and every casework decision answer it. */
export interface IncidentView {
  view: string;
  id: string;
  reference: string;
  schoolId: string;
  status: Status;
  severity: string | null;
  category: string;
  assignee: PersonRef | null;
  parties: PartyView[];
  resolvedAt: string | null;
  outcome: string | null;
  resolutionSummary: string | null;
  triageDueAt: string;
  resolveDueAt: string;
  timeline: TimelineEntry[];
  version: number;
  [field: string]: unknown;
}

/** The answer to filing a report. */
export interface Filed {
  id: string;
  reference: string;
  status: Status;
  triageDueAt: string;
  resolveDueAt: string;
  [field: string]: unknown;
}

/** A row of the caseworker queue or the caseload. */
export interface IncidentSummary {
  view: string;
  id: string;
  reference: string;
  schoolId: string;
  status: Status;
  severity: string | null;
  category: string;
  assigneeId: string | null;
  triageDueAt: string;
  resolveDueAt: string;
  [field: string]: unknown;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface NoteView {
  id: string;
  visibility: string;
  body: string;
  author: PersonRef;
  createdAt: string;
}

export interface ActionView {
  id: string;
  type: string;
  description: string;
  takenAt: string;
  recordedBy: PersonRef;
  createdAt: string;
}

/** `GET /caseload`: counts of the caller's open cases. */
export interface Caseload {
  open: number;
  byStatus: Record<string, number>;
  overdue: number;
  dueSoon: number;
  unassigned: number;
  critical: number;
  assignedToMe: { open: number; overdue: number; dueSoon: number };
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: string;
  schools: { id: string; name: string; code: string }[];
  [field: string]: unknown;
}

/** A response whose body has the type the call promises. */
export type Answer<T> = Omit<Response, 'body'> & { body: T };

export type Body = Record<string, unknown>;
export type Query = Record<string, string | number>;

/**
 * One call under way. Await it for the whole response (status, headers and
 * the typed body), or call `expectStatus` to check the status and get the body.
 */
export class Call<T> implements PromiseLike<Answer<T>> {
  constructor(readonly request: Test) {}

  then<A = Answer<T>, B = never>(
    onFulfilled?: ((value: Answer<T>) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): PromiseLike<A | B> {
    return (this.request as PromiseLike<Answer<T>>).then(onFulfilled, onRejected);
  }

  /** The body, after checking the status; a wrong status fails with the body in the message. */
  async expectStatus(status: number): Promise<T> {
    const response = await this.request;
    if (response.status !== status) {
      throw new Error(
        `${this.describe()}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`,
      );
    }
    return response.body as T;
  }

  private describe(): string {
    const { method, url } = this.request as unknown as { method: string; url: string };
    return `${method} ${url.replace(/^https?:\/\/[^/]+/, '')}`;
  }
}

const API = '/api/v1';
/** Paths are written from the API root (`/incidents`); a full `/api/...` path is taken as it is. */
const url = (path: string) => (path.startsWith('/api/') ? path : `${API}${path}`);

/** The report a test files when it does not care what it says. */
export const REPORT = {
  category: 'verbal',
  location: 'cafeteria',
  description: 'At lunch two older kids took my tray and laughed when I asked for it back.',
};

/** The API as one caller sees it: signed in with `token`, or anonymous without one. */
export class ApiClient {
  constructor(
    private readonly http: () => TestAgent,
    readonly token?: string,
  ) {}

  /** The Authorization header of this caller, for requests the driver has no method for. */
  get headers(): Record<string, string> {
    return this.token ? { Authorization: `Bearer ${this.token}` } : {};
  }

  get(path: string, query: Query = {}): Test {
    return this.http().get(url(path)).query(query).set(this.headers);
  }

  post(path: string, body?: unknown): Test {
    const request = this.http().post(url(path)).set(this.headers);
    return body === undefined ? request : request.send(body as object);
  }

  patch(path: string, body?: unknown): Test {
    const request = this.http().patch(url(path)).set(this.headers);
    return body === undefined ? request : request.send(body as object);
  }

  delete(path: string): Test {
    return this.http().delete(url(path)).set(this.headers);
  }

  /** Files a report at `schoolId`: REPORT, two hours ago, with `fields` on top. */
  file(schoolId: string, fields: Body = {}, idempotencyKey?: string): Call<Filed> {
    const request = this.post('/incidents', {
      schoolId,
      ...REPORT,
      occurredAt: new Date(Date.now() - 2 * 60 * 60_000).toISOString(),
      ...fields,
    });
    return new Call(idempotencyKey ? request.set('Idempotency-Key', idempotencyKey) : request);
  }

  incident(id: string): Call<IncidentView> {
    return new Call(this.get(`/incidents/${id}`));
  }

  queue(query: Query = {}): Call<Page<IncidentSummary>> {
    return new Call(this.get('/incidents', query));
  }

  caseload(): Call<Caseload> {
    return new Call(this.get('/caseload'));
  }

  me(): Call<Me> {
    return new Call(this.get('/me'));
  }

  triage(id: string, body: Body): Call<IncidentView> {
    return new Call(this.post(`/incidents/${id}/triage`, body));
  }

  assign(id: string, body: Body): Call<IncidentView> {
    return new Call(this.post(`/incidents/${id}/assign`, body));
  }

  transition(id: string, body: Body): Call<IncidentView> {
    return new Call(this.post(`/incidents/${id}/transitions`, body));
  }

  resolve(id: string, body: Body): Call<IncidentView> {
    return new Call(this.post(`/incidents/${id}/resolve`, body));
  }

  note(id: string, body: Body): Call<NoteView> {
    return new Call(this.post(`/incidents/${id}/notes`, body));
  }

  action(id: string, body: Body): Call<ActionView> {
    return new Call(this.post(`/incidents/${id}/actions`, body));
  }

  /** The casework call behind `endpoint`, for tests that go through all of them. */
  casework(id: string, endpoint: CaseworkEndpoint, body: Body): Call<unknown> {
    return new Call(this.post(`/incidents/${id}/${endpoint}`, body));
  }

  messages(id: string, query: Query = {}): Call<Page<Record<string, unknown>>> {
    return new Call(this.get(`/incidents/${id}/messages`, query));
  }

  message(id: string, body: Body): Call<Record<string, unknown>> {
    return new Call(this.post(`/incidents/${id}/messages`, body));
  }

  /**
   * Brings the incident (at `version`, or as read now) through the legal steps
   * to `status`, as `this` caller, and answers its last view.
   */
  async walk(id: string, status: Status): Promise<IncidentView> {
    let view = await this.incident(id).expectStatus(200);
    const step = async (call: (version: number) => Call<IncidentView>) => {
      view = await call(view.version).expectStatus(200);
    };
    if (status === 'dismissed') {
      await step((version) =>
        this.transition(id, {
          version,
          action: 'dismiss',
          reason: 'A duplicate of an earlier report',
        }),
      );
      return view;
    }
    const path: [Status, (version: number) => Call<IncidentView>][] = [
      ['triaged', (version) => this.triage(id, { version, severity: 'medium' })],
      ['investigating', (version) => this.transition(id, { version, action: 'start' })],
      [
        'resolved',
        (version) =>
          this.resolve(id, {
            version,
            outcome: 'substantiated',
            summary: 'It happened; it stopped.',
          }),
      ],
      ['closed', (version) => this.transition(id, { version, action: 'close' })],
    ];
    const order: Status[] = ['submitted', 'triaged', 'investigating', 'resolved', 'closed'];
    for (const [reached, call] of path) {
      if (order.indexOf(reached) > order.indexOf(status)) break;
      await step(call);
    }
    return view;
  }
}

export const CASEWORK_ENDPOINTS = [
  'triage',
  'assign',
  'transitions',
  'resolve',
  'notes',
  'actions',
] as const;
export type CaseworkEndpoint = (typeof CASEWORK_ENDPOINTS)[number];

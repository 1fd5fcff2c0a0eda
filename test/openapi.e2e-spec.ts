import { TestApp } from './support/test-app';

/*
 * The web app's API client is generated from the served OpenAPI document, so
 * every answer must be described there with its real shape (that every
 * answer has one at all is checked by apps/api/src/http/openapi-complete.spec.ts).
 */

interface Schema {
  type?: string;
  format?: string;
  nullable?: boolean;
  enum?: unknown[];
  items?: Schema;
  $ref?: string;
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
}

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  requestBody?: { content: Record<string, { schema?: Schema }> };
}

interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

describe('the OpenAPI document the web client is generated from', () => {
  let t: TestApp;
  let document: Document;

  beforeAll(async () => {
    t = await TestApp.start();
    document = (await t.http.get('/api/docs-json').expect(200)).body as Document;
  });

  afterAll(() => t.close());

  const schema = (name: string): Schema => {
    const found = document.components.schemas[name];
    if (!found) throw new Error(`no schema ${name}`);
    return found;
  };
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const answer = (method: string, path: string, status: string) =>
    document.paths[path]?.[method]?.responses[status]?.content?.['application/json']?.schema;
  const dateTime = expect.objectContaining({ type: 'string', format: 'date-time' });

  it('resolves every schema reference', () => {
    const text = JSON.stringify(document);
    const names = [...text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map(([, name]) => name);
    const missing = [...new Set(names)].filter((name) => !document.components.schemas[name]);
    expect(missing).toEqual([]);
  });

  it('describes the browser session routes', () => {
    expect(answer('post', '/api/v1/auth/session', '200')).toEqual(ref('SessionDto'));
    expect(answer('post', '/api/v1/auth/session/refresh', '200')).toEqual(ref('SessionDto'));
    expect(document.paths['/api/v1/auth/session/logout'].post.responses['204']).toBeDefined();
    expect(schema('SessionDto').required?.sort()).toEqual(['accessToken', 'expiresIn', 'user']);
  });

  it('describes PATCH /me and the locale of the profile', () => {
    const patch = document.paths['/api/v1/me'].patch;
    expect(patch.requestBody?.content['application/json'].schema).toEqual(ref('UpdateProfileDto'));
    expect(answer('patch', '/api/v1/me', '200')).toEqual(ref('ProfileDto'));
    expect(answer('get', '/api/v1/me', '200')).toEqual(ref('ProfileDto'));
    expect(schema('UpdateProfileDto').properties?.locale).toMatchObject({ enum: ['en', 'es'] });
    expect(schema('ProfileDto').properties?.locale).toMatchObject({ allOf: [ref('Locale')] });
    expect(schema('Locale').enum).toEqual(['en', 'es']);
    expect(schema('ProfileDto').required).toContain('locale');
  });

  it('describes the crisis contacts of schools, in and out', () => {
    const contacts = { type: 'array', items: ref('CrisisContactView') };
    expect(schema('SchoolDto').properties?.crisisContacts).toMatchObject(contacts);
    expect(answer('get', '/api/v1/public/schools/{code}', '200')).toEqual(ref('PublicSchoolDto'));
    expect(schema('PublicSchoolDto').properties?.crisisContacts).toMatchObject(contacts);
    expect(schema('CrisisContactView').properties?.hours).toMatchObject({ nullable: true });
    for (const input of ['CreateSchoolDto', 'UpdateSchoolDto']) {
      expect(schema(input).properties?.crisisContacts).toMatchObject({
        type: 'array',
        items: ref('CrisisContactDto'),
      });
    }
  });

  it('describes the deadlines an anonymous reporter is told when filing', () => {
    expect(answer('post', '/api/v1/public/reports', '201')).toEqual(ref('FiledAnonymousReportDto'));
    expect(schema('FiledAnonymousReportDto').properties).toMatchObject({
      triageDueAt: dateTime,
      resolveDueAt: dateTime,
    });
  });

  it('describes what the family and reporter pages show', () => {
    for (const name of ['OwnIncidentSummary', 'ReporterIncidentView', 'FamilyIncidentView']) {
      expect(schema(name).properties).toMatchObject({
        reference: { type: 'string' },
        status: expect.objectContaining({ allOf: [ref('IncidentStatus')] }),
        triageDueAt: dateTime,
        resolveDueAt: dateTime,
        dueAt: expect.objectContaining({ format: 'date-time', nullable: true }),
      });
    }
    for (const name of ['ReporterIncidentView', 'FamilyIncidentView']) {
      expect(schema(name).properties?.attachments).toEqual(
        expect.objectContaining({ type: 'array', items: ref('AttachmentView') }),
      );
    }
    expect(answer('post', '/api/v1/public/reports/status', '200')).toEqual(
      ref('AnonymousReportStatusView'),
    );
    expect(schema('AnonymousReportStatusView').properties).toMatchObject({
      attachments: expect.objectContaining({ items: ref('AttachmentView') }),
      messages: expect.objectContaining({ items: ref('MessageView') }),
    });
    expect(schema('MessageView').properties).toMatchObject({
      mine: { type: 'boolean', description: expect.any(String) },
      authorKind: expect.objectContaining({
        enum: ['staff', 'reporter', 'family', 'anonymous', 'system'],
      }),
      authorName: expect.objectContaining({ type: 'string' }),
    });
    expect(schema('NotificationDto').properties?.incidentId).toMatchObject({
      type: 'string',
      nullable: true,
    });
  });
});

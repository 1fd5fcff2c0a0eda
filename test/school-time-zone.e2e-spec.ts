import { TestApp } from './support/test-app';

/**
 * Deadlines are the ends of school days in the school's time zone, so every
 * answer that tells a reporter or a family a deadline says which zone that is:
 * their pages show the school's date, wherever the phone is.
 */
describe('the school time zone next to every deadline a reporter or family sees', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('comes with filing, the list, the case views and the anonymous report', async () => {
    const district = await t.factory.district();
    const school = await t.factory.school(district, { timeZone: 'America/Los_Angeles' });
    const student = await t.factory.user('student', { district, schools: [school] });
    const parent = await t.factory.user('parent', { district, schools: [school] });
    await t.factory.guardianship(parent, student);
    const asStudent = await t.signIn(student);
    const report = {
      category: 'verbal',
      location: 'cafeteria',
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      description: 'They laugh at my lunch every single day.',
    };

    const filed = await asStudent.file(school.id, report).expectStatus(201);
    expect(filed.schoolTimeZone).toBe('America/Los_Angeles');
    const list = await asStudent.get('/api/v1/incidents').expect(200);
    expect(list.body.items[0]).toMatchObject({
      id: filed.id,
      schoolTimeZone: 'America/Los_Angeles',
    });
    const own = await asStudent.incident(filed.id).expectStatus(200);
    expect(own).toMatchObject({ view: 'reporter', schoolTimeZone: 'America/Los_Angeles' });
    const family = await (await t.signIn(parent)).incident(filed.id).expectStatus(200);
    expect(family).toMatchObject({ view: 'family', schoolTimeZone: 'America/Los_Angeles' });

    const anonymous = await t.http
      .post('/api/v1/public/reports')
      .set('Idempotency-Key', 'time-zone-check')
      .send({ ...report, schoolCode: school.code })
      .expect(201);
    expect(anonymous.body.schoolTimeZone).toBe('America/Los_Angeles');
    const again = await t.http
      .post('/api/v1/public/reports')
      .set('Idempotency-Key', 'time-zone-check')
      .send({ ...report, schoolCode: school.code })
      .expect(201);
    expect(again.body).toMatchObject({
      reference: anonymous.body.reference,
      schoolTimeZone: 'America/Los_Angeles',
    });
    const status = await t.http
      .post('/api/v1/public/reports/status')
      .send({ trackingCode: anonymous.body.trackingCode })
      .expect(200);
    expect(status.body.schoolTimeZone).toBe('America/Los_Angeles');
  });
});

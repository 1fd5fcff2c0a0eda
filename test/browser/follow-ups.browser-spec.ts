import type { Page } from 'playwright-core';
import {
  BrowserHarness,
  describeInBrowser,
  DESKTOP,
  expectAccessibleAtBothSizes,
  expectReflowAt320,
  PHONE,
} from './support/browser-harness';

/** A day `days` from now on this machine, yyyy-mm-dd (what a date field takes). */
const dayFromNow = (days: number) => {
  const day = new Date();
  day.setDate(day.getDate() + days);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${day.getFullYear()}-${two(day.getMonth() + 1)}-${two(day.getDate())}`;
};

/**
 * Planned follow-ups and moving a leaver's cases in the browser: Casey plans
 * a check-in on a case and later marks it done; Alex, the school's
 * administrator, moves Morgan's open cases to Casey when Morgan leaves.
 */
describeInBrowser('follow-ups and reassigning a leaver’s cases', () => {
  let h: BrowserHarness;
  let schoolId: string;
  const accessibleAtBothSizes = (page: Page, name: string) =>
    expectAccessibleAtBothSizes(page, (size) => h.screenshot(page, `${name}-${size}`));

  beforeAll(async () => {
    h = await BrowserHarness.start();
    const sam = await h.api('student.sam');
    schoolId = (await sam.me().expectStatus(200)).schools[0].id;
  });
  afterAll(() => h?.close());
  afterEach(() => expect(h.externalRequests).toEqual([]));

  it('lets Casey plan a follow-up for a later day, then mark it done', async () => {
    const sam = await h.api('student.sam');
    const filed = await sam.file(schoolId, { location: 'bus' }).expectStatus(201);

    const page = await h.newPage({ viewport: DESKTOP });
    await h.signIn(page, 'counselor.casey');
    await page.goto(`/cases/${filed.id}`);
    await page.getByRole('heading', { name: `Case ${filed.reference}`, level: 1 }).waitFor();
    const panel = page.getByRole('region', { name: 'Planned follow-ups' });
    await panel.getByText('No follow-up planned.').waitFor();

    // Nothing chosen: the form says what is missing.
    await panel.getByRole('button', { name: 'Plan the follow-up' }).click();
    await panel.getByText('Choose what is planned').first().waitFor();

    await panel.getByLabel('What is planned').selectOption('counseling_session');
    await panel.getByLabel('Details of the plan').fill('Check in with Sam about the bus ride.');
    await panel.getByLabel('Day').fill(dayFromNow(14));
    expect(await panel.getByLabel('Who does it').inputValue()).toBeTruthy();
    await panel.getByRole('button', { name: 'Plan the follow-up' }).click();
    await page.getByText(/^Planned: Counseling session on /).waitFor();
    const planned = panel.getByRole('list', { name: 'Planned follow-ups' });
    await planned.getByText('Check in with Sam about the bus ride.').waitFor();
    await planned.getByText('by Casey Lin').waitFor();
    await accessibleAtBothSizes(page, 'follow-up-planned');
    await expectReflowAt320(page);
    await page.setViewportSize(PHONE);

    await planned.getByRole('button', { name: 'Done: Counseling session' }).click();
    await panel.getByLabel('What was done').fill('Sam says the bus is calmer now.');
    await expectAccessibleAtBothSizes(page);
    await panel.getByRole('button', { name: 'Mark as done' }).click();
    await page.getByText('Done: Counseling session.').waitFor();
    await panel.getByText('No follow-up planned.').waitFor();
    // Now among the interventions done, and on the timeline.
    await page
      .getByRole('region', { name: 'Interventions' })
      .getByText('Sam says the bus is calmer now.')
      .waitFor();

    const casey = await h.api('counselor.casey');
    const followUps = await casey.get(`/incidents/${filed.id}/follow-ups`).expect(200);
    expect(followUps.body).toMatchObject([
      { status: 'done', description: 'Sam says the bus is calmer now.' },
    ]);
  });

  it('lets Alex move Morgan’s open cases to Casey when Morgan leaves', async () => {
    const sam = await h.api('student.sam');
    const casey = await h.api('counselor.casey');
    const filed = await sam.file(schoolId, { location: 'gym' }).expectStatus(201);
    const assignees = await casey.get(`/incidents/${filed.id}/assignees`).expect(200);
    const morganId = (assignees.body as { id: string; displayName: string }[]).find(
      (person) => person.displayName === 'Morgan Reyes',
    )!.id;
    const fresh = await casey.incident(filed.id).expectStatus(200);
    await casey
      .assign(filed.id, { version: fresh.version, assigneeId: morganId })
      .expectStatus(200);

    // Alex reads the app in Spanish.
    await h.t.dataSource.query(`UPDATE users SET locale = 'es' WHERE username = 'admin.alex'`);
    const page = await h.newPage({ viewport: PHONE, locale: 'es-US' });
    await h.signIn(page, 'admin.alex');
    await page.goto('/admin/users');
    await page.getByRole('heading', { name: 'Morgan Reyes' }).waitFor();
    await page
      .getByRole('button', { name: 'Reasignar los casos abiertos de Morgan Reyes' })
      .click();
    const form = page.locator('form', { has: page.getByLabel('Entregar los casos a') });
    await form.getByLabel('Entregar los casos a').selectOption({ label: 'Casey Lin' });
    await form.getByLabel('Motivo').fill('Morgan dejó la escuela en diciembre.');
    await expectAccessibleAtBothSizes(page, (size) => h.screenshot(page, `reassign-es-${size}`));
    await expectReflowAt320(page);
    await page.setViewportSize(PHONE);
    await form.getByRole('button', { name: 'Mover los casos abiertos' }).click();
    await page.getByText(/^Se movi(ó|eron) \d+ casos? abiertos? a Casey Lin: .*/).waitFor();
    await page.getByText(new RegExp(filed.reference)).waitFor();

    const after = await casey.incident(filed.id).expectStatus(200);
    expect(after.assignee?.displayName).toBe('Casey Lin');
  });
});

import type { Page } from 'playwright-core';
import {
  BrowserHarness,
  describeInBrowser,
  DESKTOP,
  PHONE,
  expectAccessibleAtBothSizes,
  expectReflowAt320,
} from './support/browser-harness';

interface Me {
  schools: { id: string }[];
}

/**
 * The district administrator adds a slang word for a gun: a student's message
 * with it makes the case critical, and the counselor reads why on the
 * timeline. A school administrator reads the terms; the district
 * administrator removes the term again. In English and in Spanish.
 */
describeInBrowser('danger terms: a district adds its own words', () => {
  let h: BrowserHarness;

  const screenshot = (page: Page, name: string) => h.screenshot(page, `danger-terms-${name}`);

  beforeAll(async () => {
    h = await BrowserHarness.start();
  });
  afterAll(() => h?.close());
  afterEach(() => expect(h.externalRequests).toEqual([]));

  it('district.dana adds "el fierro", a message with it escalates, and she removes it', async () => {
    const page = await h.newPage({ viewport: PHONE });
    await h.signIn(page, 'district.dana');
    await page.goto('/admin');
    await page.getByRole('link', { name: 'Danger terms' }).click();
    await page.getByRole('heading', { level: 1, name: 'Danger terms' }).waitFor();
    await page.getByText('No terms of your own yet.').waitFor();
    await expectAccessibleAtBothSizes(page);
    await screenshot(page, 'empty-phone');

    // Too short: the summary says so and the field is marked.
    await page.getByLabel('Words').fill('!!');
    await page.getByRole('button', { name: 'Add the term' }).click();
    await page.getByRole('alert').getByText('There is a problem').waitFor();
    expect(await page.getByLabel('Words').getAttribute('aria-invalid')).toBe('true');
    await expectAccessibleAtBothSizes(page);

    await page.getByLabel('Language').selectOption('es');
    await page.getByLabel('What it is about').selectOption('weapon');
    await page.getByLabel('Words').fill('  El FIERRO ');
    await page.getByRole('button', { name: 'Add the term' }).click();
    await page.getByRole('status').getByText('The term “el fierro” was added.').waitFor();
    const listed = page.locator('li.danger-term', { hasText: 'el fierro' });
    await listed.getByText('Spanish · A weapon').waitFor();
    await listed.getByText(/^Added by Dana Whitfield/).waitFor();
    await expectAccessibleAtBothSizes(page);
    await expectReflowAt320(page);
    await page.setViewportSize(PHONE);
    await screenshot(page, 'added-phone');
    await page.setViewportSize(DESKTOP);
    await screenshot(page, 'added-desktop');
    await page.setViewportSize(PHONE);

    // The same form again: the district has it already.
    await page.getByLabel('Language').selectOption('es');
    await page.getByLabel('Words').fill('el fierro');
    await page.getByRole('button', { name: 'Add the term' }).click();
    await page
      .getByRole('alert')
      .getByText(/already has the es term "el fierro"/)
      .waitFor();

    // A student's follow-up with the word makes the case critical.
    const student = await h.api('student.sam');
    const me = (await student.me().expectStatus(200)) as unknown as Me;
    const filed = await student.file(me.schools[0].id).expectStatus(201);
    await student
      .message(filed.id, { body: 'Mañana trae el fierro a la escuela, lo vi en su mochila' })
      .expectStatus(201);
    const counselor = await h.api('counselor.casey');
    expect((await counselor.incident(filed.id).expectStatus(200)).severity).toBe('critical');

    // The counselor reads why on the case's timeline.
    const casey = await h.newPage({ viewport: PHONE });
    await h.signIn(casey, 'counselor.casey');
    await casey.goto(`/cases/${filed.id}`);
    const entry = casey.locator('ol.timeline li', { hasText: 'Escalated as critical' });
    await entry.getByText('Why: words about a weapon.').waitFor();
    await entry.getByText('Found in a message from the reporter.').waitFor();
    await screenshot(casey, 'timeline-phone');

    // A school administrator reads the terms, and cannot change them.
    const alex = await h.newPage({ viewport: PHONE });
    await h.signIn(alex, 'admin.alex');
    await alex.goto('/admin/danger-terms');
    await alex.locator('li.danger-term', { hasText: 'el fierro' }).waitFor();
    await alex.getByText('The district administrator adds and removes these terms').waitFor();
    expect(await alex.getByRole('button', { name: /Remove/ }).count()).toBe(0);
    expect(await alex.getByLabel('Words').count()).toBe(0);
    await expectAccessibleAtBothSizes(alex);

    // In Spanish.
    const dana = await h.api('district.dana');
    await dana.patch('/me', { locale: 'es' }).expect(200);
    const spanish = await h.newPage({ viewport: PHONE, locale: 'es-US' });
    await h.signIn(spanish, 'district.dana');
    await spanish.goto('/admin/danger-terms');
    await spanish.getByRole('heading', { level: 1, name: 'Términos de peligro' }).waitFor();
    await spanish
      .locator('li.danger-term', { hasText: 'el fierro' })
      .getByText('Español · Un arma')
      .waitFor();
    await expectAccessibleAtBothSizes(spanish);
    await screenshot(spanish, 'es-phone');
    await dana.patch('/me', { locale: 'en' }).expect(200);

    // Removed: the list is empty again, and the word escalates no more.
    await listed.getByRole('button', { name: 'Remove the term “el fierro”' }).click();
    await page.getByRole('status').getByText('The term “el fierro” was removed.').waitFor();
    await page.getByText('No terms of your own yet.').waitFor();
    const later = await student.file(me.schools[0].id).expectStatus(201);
    await student.message(later.id, { body: 'trae el fierro' }).expectStatus(201);
    expect((await counselor.incident(later.id).expectStatus(200)).severity).toBeNull();
  });
});

import type { Page } from 'playwright-core';
import {
  BrowserHarness,
  describeInBrowser,
  DESKTOP,
  expectNoAxeViolations,
  PHONE,
} from './support/browser-harness';

/** Screenshots of the pages, to look at while working on them (SHOTS=/tmp/somewhere). */
const shot = async (page: Page, name: string) => {
  const directory = process.env.SHOTS;
  if (directory) await page.screenshot({ path: `${directory}/${name}.png`, fullPage: true });
};

/** axe finds nothing at either size: a phone first, then a laptop screen. */
const expectAccessibleAtBothSizes = async (page: Page, name: string) => {
  for (const [size, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    await expectNoAxeViolations(page);
    await shot(page, `${name}-${size}`);
  }
};

/**
 * A counselor's day in the browser: the queue with its filters in the
 * address and its keyboard, the staff case page with the decisions the
 * workflow allows, notes staff-only or shared with the family, interventions,
 * and two counselors changing the same case at once.
 */
describeInBrowser('casework: the counselor’s queue and case page', () => {
  let h: BrowserHarness;
  let schoolId: string;

  /** Sam files a report through the API, as he would from his phone. */
  const samFiles = async (fields: Record<string, unknown> = {}) => {
    const sam = await h.api('student.sam');
    return sam.file(schoolId, { location: 'cafeteria', ...fields }).expectStatus(201);
  };

  beforeAll(async () => {
    h = await BrowserHarness.start();
    const sam = await h.api('student.sam');
    schoolId = (await sam.me().expectStatus(200)).schools[0].id;
  });
  afterAll(() => h?.close());
  afterEach(() => expect(h.externalRequests).toEqual([]));

  it('keeps the queue’s filters in the address, and opens cases with j, k and Enter', async () => {
    const bus = await samFiles({ location: 'bus', category: 'physical' });
    await samFiles({ location: 'gym' });
    const page = await h.newPage({ viewport: DESKTOP });
    await h.signIn(page, 'counselor.casey');
    await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
    await page.getByRole('link', { name: `Case ${bus.reference}` }).waitFor();
    const entries = await page.evaluate('history.length');

    await page.getByLabel('Place').selectOption('bus');
    await page.waitForURL((url) => url.search === '?location=bus');
    await page.getByRole('button', { name: /^Not assigned/ }).click();
    await page.waitForURL((url) => url.search === '?location=bus&assignee=none');
    await page.getByText('1 case matches.').waitFor();
    expect(
      await page.getByRole('button', { name: /^Not assigned/ }).getAttribute('aria-pressed'),
    ).toBe('true');
    // In-app navigation replaces the history entry: the app stays one entry.
    expect(await page.evaluate('history.length')).toBe(entries);

    await page.reload();
    await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
    await page.getByText('1 case matches.').waitFor();
    expect(await page.getByLabel('Place').inputValue()).toBe('bus');
    await page.getByRole('link', { name: `Case ${bus.reference}` }).waitFor();

    await page.getByRole('button', { name: /^Clear the 2 filters/ }).click();
    await page.waitForURL((url) => url.search === '');
    const links = page.locator('a[data-row-link]');
    await links.nth(1).waitFor();

    // Typing j into the search box is text, not a shortcut.
    await page.getByLabel('Search').fill('');
    await page.getByLabel('Search').press('j');
    expect(await page.getByLabel('Search').inputValue()).toBe('j');
    await page.getByLabel('Search').fill('');

    await page.getByRole('heading', { name: 'Cases', level: 1 }).focus();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await page.keyboard.press('j');
    const second = await links.nth(1).textContent();
    expect(await page.evaluate('document.activeElement.textContent')).toBe(second);
    await shot(page, 'queue-focus');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: second!, level: 1 }).waitFor();
  });
});

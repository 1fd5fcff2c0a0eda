import { School } from '@app/identity';
import type { Page } from 'playwright-core';
import {
  BrowserHarness,
  describeInBrowser,
  DESKTOP,
  PHONE,
  testPhoto,
  expectAccessibleAtBothSizes,
  expectReflowAt320,
} from './support/browser-harness';

/**
 * A counselor's day in the browser: the queue with its filters in the
 * address and its keyboard, the staff case page with the decisions the
 * workflow allows, notes staff-only or shared with the family, interventions,
 * and two counselors changing the same case at once.
 */
describeInBrowser('casework: the counselor’s queue and case page', () => {
  let h: BrowserHarness;
  const accessibleAtBothSizes = (page: Page, name: string) =>
    expectAccessibleAtBothSizes(page, (size) => h.screenshot(page, `${name}-${size}`));
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
    await h.screenshot(page, 'queue-focus');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: second!, level: 1 }).waitFor();
  });

  it('lets Casey work Sam’s lunchroom report to the end, and shows Pat only what is shared', async () => {
    const words = 'At lunch two older kids took my tray again and laughed.';
    const filed = await samFiles({ description: words });
    const sam = await h.api('student.sam');
    await sam
      .post(`/incidents/${filed.id}/attachments`)
      .attach('file', await testPhoto('png'), 'lunch-table.png')
      .expect(201);
    const staffOnly = 'Spoke with the lunch monitor; she saw the older boys at table 4.';
    const shared = 'We talked with Sam today and we are watching the lunchroom closely.';
    const summary = 'The school confirmed what happened and changed the lunch seating.';

    const page = await h.newPage({ viewport: DESKTOP });
    await h.signIn(page, 'counselor.casey');
    await page.getByRole('link', { name: `Case ${filed.reference}` }).click();
    await page.getByRole('heading', { name: `Case ${filed.reference}`, level: 1 }).waitFor();
    await page.getByText(words).waitFor();
    await page.getByRole('img', { name: 'Picture added to the case: lunch-table.png' }).waitFor();
    // Only what the workflow allows now: a new case is triaged, assigned or dismissed.
    const decisions = page.getByRole('region', { name: 'What you can do now' });
    expect(await decisions.getByRole('button').allTextContents()).toEqual([
      'Triage the case',
      'Assign the case',
      'Dismiss the case',
    ]);
    await accessibleAtBothSizes(page, 'case-new');
    await page.setViewportSize(DESKTOP);

    // Triage, then take the case.
    await page.getByRole('radio', { name: /^Medium/ }).check();
    await page.getByRole('button', { name: 'Triage the case' }).click();
    await page.getByText('The case was triaged.').waitFor();
    await page
      .getByLabel('Give the case to', { exact: true })
      .selectOption({ label: 'Casey Lin (counselor)' });
    await page.getByRole('button', { name: 'Assign the case' }).click();
    await page.getByText('The case was assigned to Casey Lin.').waitFor();
    await page
      .getByRole('region', { name: 'Timeline' })
      .getByText('Assigned to Casey Lin')
      .waitFor();

    // A note nobody can add without choosing who reads it.
    await page.getByLabel('Note', { exact: true }).fill(staffOnly);
    await page.getByRole('button', { name: 'Add the note' }).click();
    await page.getByRole('link', { name: 'Choose who can read the note' }).waitFor();
    await accessibleAtBothSizes(page, 'case-note-error');
    await page.setViewportSize(DESKTOP);
    expect(await page.getByLabel('Note', { exact: true }).inputValue()).toBe(staffOnly);
    await page.getByRole('radio', { name: /^Staff only/ }).check();
    await page.getByRole('button', { name: 'Add the note' }).click();
    await page.getByText('Note added. Staff only.').waitFor();
    await page.getByLabel('Note', { exact: true }).fill(shared);
    await page.getByRole('radio', { name: /^Shared with the family/ }).check();
    await page.getByRole('button', { name: 'Add the note' }).click();
    await page.getByText('Note added. It is shared with the family.').waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline
      .locator('li.entry.is-internal', { hasText: staffOnly })
      .getByText('Staff only', { exact: true })
      .waitFor();
    await timeline
      .locator('li.entry.is-shared', { hasText: shared })
      .getByText('Shared with the family', { exact: true })
      .waitFor();

    // Interventions: a parent conference and a change of lunch seating.
    await page.getByLabel('What was done').selectOption('parent_conference');
    await page
      .getByLabel('Details', { exact: true })
      .fill('Met Pat Carter after school about the lunchroom.');
    await page.getByRole('button', { name: 'Record the intervention' }).click();
    await page.getByText('Recorded: Parent conference.').waitFor();
    await page.getByLabel('What was done').selectOption('supervision_change');
    await page.getByLabel('Details', { exact: true }).fill('lunch seating change');
    await page.getByRole('button', { name: 'Record the intervention' }).click();
    await page.getByText('Recorded: Supervision change.').waitFor();
    const interventions = page.getByRole('region', { name: 'Interventions' });
    await interventions.getByText('lunch seating change').waitFor();
    await interventions.locator('li strong', { hasText: 'Parent conference' }).waitFor();

    // The timeline filtered to the notes shows the two notes and nothing else.
    await page.getByLabel('Show').selectOption('notes');
    await timeline.getByText('2 entries shown.').waitFor();
    await page.getByLabel('Show').selectOption('all');

    await page.getByRole('button', { name: 'Start the investigation' }).click();
    await page.getByText('The investigation has started.').waitFor();
    await page.getByRole('radio', { name: 'It happened (substantiated)' }).check();
    await page.getByText('The summary below is shared with the family', { exact: false }).waitFor();
    await page.getByLabel('Summary for the family').fill(summary);
    await page.getByRole('button', { name: 'Resolve the case' }).click();
    await page.getByText('The case was resolved. The family can read the summary.').waitFor();
    expect(await decisions.getByRole('button').allTextContents()).toEqual([
      'Assign the case',
      'Reopen the case',
      'Close the case',
    ]);
    await accessibleAtBothSizes(page, 'case-resolved');

    // Pat follows Sam's case: the shared note and the outcome, never the staff-only note.
    const pat = await h.newPage({ viewport: PHONE });
    await h.signIn(pat, 'parent.pat');
    await pat.getByRole('link', { name: `Report ${filed.reference}` }).click();
    await pat.getByRole('heading', { name: `Report ${filed.reference}`, level: 1 }).waitFor();
    await pat.getByText(shared).waitFor();
    await pat.getByText(summary).waitFor();
    expect(await pat.getByText(staffOnly).count()).toBe(0);
    expect(await pat.content()).not.toContain('table 4');
    expect(await pat.content()).not.toContain('lunch seating change');
    await h.screenshot(pat, 'pat-sees-outcome');
  });

  it('keeps Morgan’s text when Casey changed the case first, and reloads it under her form', async () => {
    const filed = await samFiles({ description: 'Someone keeps taking my seat in the lunchroom.' });
    const casey = await h.newPage({ viewport: DESKTOP });
    const morgan = await h.newPage({ viewport: PHONE });
    await h.signIn(casey, 'counselor.casey');
    await h.signIn(morgan, 'counselor.morgan');
    for (const page of [casey, morgan]) {
      await page.goto(`/cases/${filed.id}`);
      await page.getByRole('heading', { name: `Case ${filed.reference}`, level: 1 }).waitFor();
    }

    const reason = 'The same lunchroom report as the one Jo filed this morning.';
    await morgan.getByLabel('Why dismiss it?').fill(reason);

    await casey.getByRole('radio', { name: /^High/ }).check();
    await casey.getByRole('button', { name: 'Triage the case' }).click();
    await casey.getByText('The case was triaged.').waitFor();

    await morgan.getByRole('button', { name: 'Dismiss the case' }).click();
    const conflict = morgan
      .getByRole('alert')
      .filter({ hasText: 'Someone else changed this case' });
    await conflict.waitFor();
    expect(await morgan.getByLabel('Why dismiss it?').inputValue()).toBe(reason);
    await accessibleAtBothSizes(morgan, 'case-conflict');

    await conflict.getByRole('button', { name: 'Reload the case' }).click();
    await morgan.getByText('The case was reloaded. What you typed is still in the form.').waitFor();
    expect(await conflict.count()).toBe(0);
    // Casey's triage is on Morgan's screen now, and her reason is still there.
    await morgan.getByRole('button', { name: 'Start the investigation' }).waitFor();
    expect(await morgan.getByRole('button', { name: 'Triage the case' }).count()).toBe(0);
    expect(await morgan.getByLabel('Why dismiss it?').inputValue()).toBe(reason);

    // Now she decides on the case as it is.
    await morgan.getByRole('radio', { name: 'A duplicate of another report' }).check();
    await morgan.getByRole('button', { name: 'Dismiss the case' }).click();
    await morgan.getByText('The case was dismissed.').waitFor();
    const decisions = morgan.getByRole('region', { name: 'What you can do now' });
    expect(await decisions.getByRole('button').allTextContents()).toEqual([
      'Assign the case',
      'Reopen the case',
    ]);
    const dismissed = await (await h.api('counselor.morgan')).incident(filed.id).expectStatus(200);
    expect(dismissed.status).toBe('dismissed');
  });

  it.each([
    ['en', 'counselor.casey', 'student.sam', 'Cases', 'Case'],
    ['es', 'counselor.chris', 'student.riley', 'Casos', 'Caso'],
  ] as const)(
    'shows the queue and the case page without axe violations in %s',
    async (language, counselor, student, queueTitle, caseWord) => {
      const staff = await h.api(counselor);
      await staff.patch('/me', { locale: language }).expect(200);
      const reporter = await h.api(student);
      const school = (await reporter.me().expectStatus(200)).schools[0].id;
      const filed = await reporter
        .file(school, { location: 'cafeteria', urgent: language === 'es' })
        .expectStatus(201);
      await staff
        .note(filed.id, { body: 'Primera conversación con el estudiante.', visibility: 'internal' })
        .expectStatus(201);
      await staff
        .action(filed.id, {
          type: 'counseling_session',
          description: 'Conversación de 20 minutos.',
          takenAt: new Date(Date.now() - 60_000).toISOString(),
        })
        .expectStatus(201);

      const page = await h.newPage({
        viewport: PHONE,
        locale: language === 'es' ? 'es-US' : 'en-US',
      });
      await h.signIn(page, counselor);
      expect(await page.evaluate('document.documentElement.lang')).toBe(language);
      await page.getByRole('heading', { name: queueTitle, level: 1 }).waitFor();
      await page.getByRole('link', { name: `${caseWord} ${filed.reference}` }).waitFor();
      await page.waitForLoadState('networkidle');
      await accessibleAtBothSizes(page, `queue-${language}`);
      await expectReflowAt320(page);

      await page.getByRole('link', { name: `${caseWord} ${filed.reference}` }).click();
      await page
        .getByRole('heading', { name: `${caseWord} ${filed.reference}`, level: 1 })
        .waitFor();
      await page.waitForLoadState('networkidle');
      await accessibleAtBothSizes(page, `case-${language}`);
      await expectReflowAt320(page);
    },
  );

  it('marks overdue and due-today cases in words and colour, and pages with Show more', async () => {
    const maple = await h.t.dataSource.getRepository(School).findOneByOrFail({ code: 'MAPLE' });
    const overdue = await h.t.factory.incident(maple, {
      triageDueAt: new Date(Date.now() - 60 * 60_000),
    });
    const today = await h.t.factory.incident(maple, {
      triageDueAt: new Date(Date.now() + 2 * 60_000),
    });
    for (let n = 0; n < 26; n += 1) await h.t.factory.incident(maple);

    const page = await h.newPage({ viewport: PHONE });
    await h.signIn(page, 'counselor.casey');
    const row = (reference: string) =>
      page.locator('li.queue-row', { has: page.getByRole('link', { name: `Case ${reference}` }) });
    await row(overdue.reference).getByText('Overdue', { exact: true }).waitFor();
    await row(today.reference).getByText('Due today', { exact: true }).waitFor();
    /** The tag's background colour, as the browser paints it (the tests have no DOM types). */
    const colour = (reference: string, text: string) =>
      row(reference)
        .getByText(text, { exact: true })
        .evaluate(
          (element) =>
            (
              globalThis as unknown as {
                getComputedStyle: (target: unknown) => { backgroundColor: string };
              }
            ).getComputedStyle(element).backgroundColor,
        );
    expect(await colour(overdue.reference, 'Overdue')).not.toBe(
      await colour(today.reference, 'Due today'),
    );
    await page.getByRole('button', { name: /^Overdue/ }).click();
    await page.waitForURL((url) => url.search === '?overdue=true');
    await page.getByText('1 case matches.').waitFor();
    await accessibleAtBothSizes(page, 'queue-overdue');

    await page.getByRole('button', { name: /^Overdue/ }).click();
    await page.waitForURL((url) => url.search === '');
    const rows = page.locator('li.queue-row');
    await page.getByRole('button', { name: 'Show more cases' }).waitFor();
    expect(await rows.count()).toBe(25);
    await page.getByRole('button', { name: 'Show more cases' }).click();
    await rows.nth(25).waitFor();
    const shown = await rows.count();
    expect(shown).toBeGreaterThanOrEqual(28);
    const links = await page.locator('a[data-row-link]').allTextContents();
    expect(new Set(links).size).toBe(links.length);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { parseEnvironment } from '@app/common';
import { OutboxDispatcher } from '@app/notifications';
import { startWorker } from '@app/worker';
import type { Page } from 'playwright-core';
import {
  BrowserHarness,
  describeInBrowser,
  DESKTOP,
  PHONE,
  SCHOOL_TIME_ZONE,
  expectAccessibleAtBothSizes,
  expectReflowAt320,
} from './support/browser-harness';

interface Me {
  id: string;
  schools: { id: string }[];
  children: { id: string; displayName: string }[];
}

/** The school's day (the demo schools are in New York), whatever zone the browser is in. */
const schoolDay = (iso: string, language = 'en-US') =>
  new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: SCHOOL_TIME_ZONE }).format(
    new Date(iso),
  );

/**
 * A family following a report: the parent finds their child's report on the
 * start page, writes to the school, and both parent and child see the
 * counselor's answer marked New; the bell counts it. A parent of another
 * school uses the app in Spanish and cannot open this school's case by URL.
 */
describeInBrowser('family: following a report and talking with the school', () => {
  let h: BrowserHarness;
  let worker: INestApplicationContext;
  let dataDir: string;
  let caseId: string;
  let reference: string;
  let triageDueAt: string;
  let sam: Me;

  /** The in-app notices the worker would write, written now. */
  const deliver = async () => {
    for (let round = 0; round < 20; round += 1) {
      if ((await worker.get(OutboxDispatcher).dispatchBatch()) === 0) return;
    }
    throw new Error('the worker never ran out of notices');
  };

  const message = (page: Page, text: string) => page.locator('li.message', { hasText: text });

  beforeAll(async () => {
    h = await BrowserHarness.start();
    dataDir = mkdtempSync(join(tmpdir(), 'family-browser-'));
    const databaseUrl = (h.t.dataSource.options as { url: string }).url;
    worker = await startWorker(
      parseEnvironment({
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        WORKER_POLL_MS: '60000',
        DEADLINE_SCAN_SECONDS: '3600',
      }),
      databaseUrl,
    );
    const student = await h.api('student.sam');
    sam = (await student.me().expectStatus(200)) as unknown as Me;
    const filed = await student.file(sam.schools[0].id).expectStatus(201);
    caseId = filed.id;
    reference = filed.reference;
    triageDueAt = filed.triageDueAt;
    await deliver();
  });

  afterAll(async () => {
    await worker?.close();
    await h?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  afterEach(() => expect(h.externalRequests).toEqual([]));

  it("shows a parent their child's report, lets them write to the school, and marks the counselor's answer New", async () => {
    const page = await h.newPage({ viewport: PHONE });
    await h.signIn(page, 'parent.pat');

    // The start page: Sam, a way to report for him, and his report.
    const child = page.getByRole('region', { name: 'Sam Carter' });
    await child.getByRole('heading', { name: 'Sam Carter', level: 2 }).waitFor();
    const reportFor = child.getByRole('link', { name: 'Report something for Sam Carter' });
    expect(await reportFor.getAttribute('href')).toBe(`/report?child=${sam.id}`);
    const caseLink = child.getByRole('link', { name: `Report ${reference}` });
    await caseLink.waitFor();
    await child.getByText(schoolDay(triageDueAt)).waitFor();
    await expectAccessibleAtBothSizes(page);
    await expectReflowAt320(page);
    await page.setViewportSize(PHONE);
    await h.screenshot(page, 'parent-home');

    // The case: steps with the current one marked, and the family view only.
    await caseLink.click();
    await page.getByRole('heading', { name: `Report ${reference}`, level: 1 }).waitFor();
    const current = page.locator('[aria-current="step"]');
    expect(await current.textContent()).toMatch(/Received.*now/);
    await page
      .getByText(`The school will look at this report by ${schoolDay(triageDueAt)}.`)
      .waitFor();
    expect(await page.getByText('What you wrote').count()).toBe(0);
    await expectAccessibleAtBothSizes(page);

    // An empty message is refused next to the box and in the summary.
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.getByRole('alert').getByText('There is a problem').waitFor();
    expect(await page.getByLabel('Write to the school').getAttribute('aria-invalid')).toBe('true');
    await expectAccessibleAtBothSizes(page);

    const question = 'Hello, Sam told me about the lunchroom. Can we talk this week?';
    await page.getByLabel('Write to the school').fill(question);
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.getByText('Your message was sent.').waitFor();
    await message(page, question).getByText('You', { exact: true }).waitFor();

    // The counselor answers through the API; the worker writes the notices.
    const counselor = await h.api('counselor.casey');
    const answer = 'Yes, of course. I can call you on Thursday after school.';
    await counselor.message(caseId, { body: answer }).expectStatus(201);
    await deliver();

    // The bell counts it when the page comes back; the notice leads to the case.
    await page.goto('/');
    const bell = page.getByRole('link', { name: 'Notifications, 1 unread' });
    await bell.waitFor();
    await bell.click();
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await expectAccessibleAtBothSizes(page);
    await h.screenshot(page, 'notifications');
    await page
      .getByRole('link', { name: `New message from the school about report ${reference}` })
      .click();
    await page.getByRole('heading', { name: `Report ${reference}`, level: 1 }).waitFor();
    await message(page, answer).getByText('New', { exact: true }).waitFor();
    expect(await message(page, question).getByText('New', { exact: true }).count()).toBe(0);
    await expectAccessibleAtBothSizes(page);
    await expectReflowAt320(page);
    await h.screenshot(page, 'family-case');

    // Seen: the notice is read, and the bell says so.
    await page.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
  });

  it("shows the student the same answer, New for them too, and their parent's message", async () => {
    const page = await h.newPage({ viewport: DESKTOP });
    await h.signIn(page, 'student.sam');
    await page.getByRole('link', { name: 'Report something' }).waitFor();
    const bell = page.getByRole('link', { name: 'Notifications, 1 unread' });
    await bell.waitFor();
    await expectAccessibleAtBothSizes(page);
    await h.screenshot(page, 'student-home');

    await page.getByRole('link', { name: `Report ${reference}` }).click();
    await page.getByRole('heading', { name: `Report ${reference}`, level: 1 }).waitFor();
    const answer = message(page, 'I can call you on Thursday');
    await answer.getByText('New', { exact: true }).waitFor();
    await answer.getByText('Casey', { exact: false }).waitFor();
    await message(page, 'Sam told me about the lunchroom').getByText('Pat Carter').waitFor();
    await page.getByText('What you wrote').waitFor();
    await expectAccessibleAtBothSizes(page);

    // Answering with the keyboard alone: type, Tab to the button, Enter.
    await page.getByLabel('Write to the school').focus();
    await page.keyboard.type('Thank you, Thursday is fine.');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Send message');
    await page.keyboard.press('Enter');
    await message(page, 'Thursday is fine').getByText('You', { exact: true }).waitFor();
    await expectReflowAt320(page);
    await page.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
  });

  it('speaks Spanish to a parent who chose it, and keeps another school’s case from them', async () => {
    const quinn = await h.api('parent.quinn');
    await quinn.patch('/me', { locale: 'es' }).expect(200);
    const riley = await h.api('student.riley');
    const rileyProfile = (await riley.me().expectStatus(200)) as unknown as Me;
    const filed = await riley.file(rileyProfile.schools[0].id).expectStatus(201);

    const page = await h.newPage({ viewport: PHONE });
    await h.signIn(page, 'parent.quinn');
    expect(await page.evaluate('document.documentElement.lang')).toBe('es');
    await page.getByRole('link', { name: /^Reportar algo sobre / }).waitFor();
    await expectAccessibleAtBothSizes(page);
    await h.screenshot(page, 'parent-home-es');

    await page.getByRole('link', { name: `Reporte ${filed.reference}` }).click();
    await page.getByRole('heading', { name: `Reporte ${filed.reference}`, level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Mensajes con la escuela' }).waitFor();
    await page.getByLabel('Escríbele a la escuela').waitFor();
    await expectAccessibleAtBothSizes(page);

    await page.goto(`/cases/${caseId}`);
    await page.getByRole('heading', { name: 'Página no encontrada', level: 1 }).waitFor();
    expect(await page.getByText(reference).count()).toBe(0);
    await expectAccessibleAtBothSizes(page);
  });

  it('keeps a Maple Ridge case from an Oak Hill student who types its address', async () => {
    const page = await h.newPage({ viewport: PHONE });
    await h.signIn(page, 'student.riley');
    await page.goto(`/cases/${caseId}`);
    await page.getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();
    expect(await page.getByText(reference).count()).toBe(0);
    await expectAccessibleAtBothSizes(page);
  });
});

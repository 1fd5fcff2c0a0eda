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
  expectAccessibleAtBothSizes,
  expectReflowAt320,
} from './support/browser-harness';

/**
 * Correcting a case in the browser: Casey adds Sam as the child it happened
 * to, by keyboard and with a reason, then raises the severity; the timeline
 * says both in words. Sam's parent and, at the other school, Quinn (who
 * reads the app in Spanish) find the notice that a report concerns their
 * child in their notifications, without the report's words.
 */
describeInBrowser('case parties: correcting who a report involves and how severe it is', () => {
  let h: BrowserHarness;
  let worker: INestApplicationContext;
  let dataDir: string;

  const deliver = async () => {
    for (let round = 0; round < 20; round += 1) {
      if ((await worker.get(OutboxDispatcher).dispatchBatch()) === 0) return;
    }
    throw new Error('the worker never ran out of notices');
  };
  /** The id of the element that has the keyboard. */
  /** Focus moves in the next animation frame: wait for it to land on the element with this id. */
  const expectFocusOn = async (page: Page, id: string | null) => {
    await page.waitForFunction(`document.activeElement?.id === ${JSON.stringify(id)}`);
  };

  beforeAll(async () => {
    h = await BrowserHarness.start();
    dataDir = mkdtempSync(join(tmpdir(), 'parties-browser-'));
    worker = await startWorker(
      parseEnvironment({
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        WORKER_POLL_MS: '60000',
        DEADLINE_SCAN_SECONDS: '3600',
      }),
      (h.t.dataSource.options as { url: string }).url,
    );
  });
  afterAll(async () => {
    await worker?.close();
    await h?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  afterEach(() => expect(h.externalRequests).toEqual([]));

  it('lets Casey add Sam as the target with a reason by keyboard, and change the severity', async () => {
    const words = 'Two boys from 8th grade keep pushing a younger kid off the bench at recess.';
    const casey = await h.api('counselor.casey');
    const schoolId = (await casey.me().expectStatus(200)).schools[0].id;
    const filed = await casey
      .file(schoolId, {
        description: words,
        parties: [{ role: 'aggressor', name: 'Eli from 8B' }],
      })
      .expectStatus(201);

    const page = await h.newPage({ viewport: DESKTOP });
    await h.signIn(page, 'counselor.casey');
    await page.goto(`/cases/${filed.id}`);
    await page.getByRole('heading', { name: `Case ${filed.reference}`, level: 1 }).waitFor();
    const panel = page.getByRole('region', { name: 'Students involved' });
    await panel.getByText('Said to have done it: Eli from 8B').waitFor();
    // Not triaged yet: no severity to change.
    expect(await page.getByRole('button', { name: 'Change severity' }).count()).toBe(0);

    // Keyboard only: open the form, choose the part, find and link Sam, say why.
    await panel.getByRole('button', { name: 'Add a student involved' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Add a student involved', level: 3 }).waitFor();
    await expectFocusOn(page, 'party-add-role');
    await page.keyboard.press('Space');
    expect(await page.getByRole('radio', { name: 'Targeted' }).isChecked()).toBe(true);
    await page.getByText('their parents or guardians are told', { exact: false }).waitFor();

    // Sending without a reason or a name says what is missing, next to each field.
    await panel.getByRole('button', { name: 'Add this student' }).press('Enter');
    await page.getByRole('link', { name: 'Type a name, or link a student record.' }).waitFor();
    await page.getByRole('link', { name: 'Say why you make this change.' }).waitFor();
    await expectAccessibleAtBothSizes(page, (size) => h.screenshot(page, `parties-errors-${size}`));
    await page.setViewportSize(DESKTOP);

    await page.getByLabel('Link person 2 to a student record (optional)').focus();
    await page.keyboard.type('Sam');
    await page.keyboard.press('Enter');
    await page.getByText('1 student found for “Sam”.').waitFor();
    await page.getByRole('button', { name: 'Link person 2 to this student' }).press('Enter');
    await page.getByText('Linked to the student record of Sam Carter', { exact: false }).waitFor();
    await page.getByLabel('Why (required)').focus();
    await page.keyboard.type('Sam told me at recess it is him they push.');
    await panel.getByRole('button', { name: 'Add this student' }).press('Enter');
    await page.getByText('Sam Carter was added to the case.').waitFor();
    await expectFocusOn(page, 'parties-panel-title');
    await panel.getByRole('link', { name: 'Sam Carter' }).waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Added Sam Carter (Targeted)').waitFor();
    await timeline.getByText('Reason: Sam told me at recess it is him they push.').waitFor();

    // Triaged as medium; then the severity changes with a reason.
    const view = await casey.incident(filed.id).expectStatus(200);
    await casey.triage(filed.id, { version: view.version, severity: 'medium' }).expectStatus(200);
    await page.reload();
    await page.getByRole('heading', { name: `Case ${filed.reference}`, level: 1 }).waitFor();
    const severity = page.getByRole('region', { name: 'Severity' });
    await severity.getByText('Severity now: Medium.').waitFor();
    await severity.getByRole('button', { name: 'Change severity' }).press('Enter');
    await expectFocusOn(page, 'severity-change');
    await page.getByRole('radio', { name: 'High', exact: true }).check();
    await page.getByRole('radio', { name: /^Critical/ }).waitFor();
    await severity
      .getByLabel('Why (required)')
      .fill('It happened again today, in front of a teacher.');
    await expectAccessibleAtBothSizes(page, (size) => h.screenshot(page, `severity-form-${size}`));
    await page.setViewportSize(DESKTOP);
    await severity.getByRole('button', { name: 'Change severity' }).click();
    await page.getByText('The severity is now High.').waitFor();
    await timeline.getByText('Severity changed from Medium to High').waitFor();
    await timeline.getByText('Reason: It happened again today, in front of a teacher.').waitFor();

    // On a phone, the panel and its forms reflow; removing asks for a reason too.
    await page.setViewportSize(PHONE);
    await panel.getByRole('button', { name: 'Remove Eli from 8B' }).click();
    await page
      .getByRole('heading', { name: 'Remove Eli from 8B from the case', level: 3 })
      .waitFor();
    await expectReflowAt320(page);
    await expectAccessibleAtBothSizes(page, (size) => h.screenshot(page, `parties-remove-${size}`));
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await expectFocusOn(
      page,
      await panel.getByRole('button', { name: 'Remove Eli from 8B' }).getAttribute('id'),
    );

    // Pat, Sam's parent, is told a report concerns Sam: not its words, nor who else is named.
    await deliver();
    const pat = await h.newPage({ viewport: PHONE });
    await h.signIn(pat, 'parent.pat');
    await pat.getByRole('link', { name: /^Notifications, \d+ unread$/ }).click();
    await pat.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await pat
      .getByRole('link', {
        name: `A report at Maple Ridge Middle School concerns your child (${filed.reference})`,
      })
      .waitFor();
    const content = await pat.content();
    expect(content).not.toContain(words);
    expect(content).not.toContain('Eli from 8B');
    await expectAccessibleAtBothSizes(pat);
  });

  it('tells Quinn, in Spanish, that a report at Oak concerns Riley', async () => {
    const chris = await h.api('counselor.chris');
    const schoolId = (await chris.me().expectStatus(200)).schools[0].id;
    const riley = await chris.get('/students').query({ q: 'Riley' }).expect(200);
    const filed = await chris
      .file(schoolId, {
        description: 'Older kids wrote mean things about a 4th grader on the bus window.',
        parties: [{ role: 'aggressor', name: 'Maximilian Vance' }],
      })
      .expectStatus(201);
    const view = await chris.incident(filed.id).expectStatus(200);
    await chris
      .post(`/incidents/${filed.id}/parties`, {
        version: view.version,
        role: 'target',
        studentId: riley.body.items[0].id,
        reason: 'Riley is the child in the photo',
      })
      .expect(200);
    await deliver();

    const quinn = await h.newPage({ viewport: PHONE, locale: 'es-US' });
    await h.signIn(quinn, 'parent.quinn');
    await quinn.getByRole('link', { name: /^Avisos, \d+ sin leer$/ }).click();
    await quinn.getByRole('heading', { name: 'Avisos', level: 1 }).waitFor();
    const notice = quinn.getByRole('link', {
      name: `Un reporte en Oak Hill Elementary concierne a su hijo o hija (${filed.reference})`,
    });
    await notice.waitFor();
    await expectAccessibleAtBothSizes(quinn, (size) => h.screenshot(quinn, `quinn-notice-${size}`));
    expect(await quinn.content()).not.toContain('Maximilian');
    await notice.click();
    await quinn.getByRole('heading', { name: `Reporte ${filed.reference}`, level: 1 }).waitFor();
  });
});

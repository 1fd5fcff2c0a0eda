import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { DeadlineScanner } from '@app/casework';
import { parseEnvironment } from '@app/common';
import { OutboxDispatcher } from '@app/notifications';
import { startWorker } from '@app/worker';
import type { Page } from 'playwright-core';
import type { ApiClient, Page as ApiPage } from '../support/api-driver';
import {
  BrowserHarness,
  describeInBrowser,
  DESKTOP,
  PHONE,
  expectAccessibleAtBothSizes,
  expectNoAxeViolations,
  expectStep,
} from './support/browser-harness';

interface DirectoryStudent {
  id: string;
  displayName: string;
  username: string;
}

const press = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).click();

/**
 * The counselor's and school admin's own pages: Casey finds Sam in the student
 * directory and opens his history; Alex finds Casey's read of the case in the
 * audit log; Casey's caseload puts an overdue case first; Taylor (staff) links
 * a person named in a report to Jo's student record from the directory. Every
 * page passes axe in English and Spanish, on a phone and a laptop.
 */
describeInBrowser('students, caseload and audit', () => {
  let h: BrowserHarness;
  /** The page at both sizes, to look at the layout (see `BrowserHarness.screenshot`). */
  const shot = async (page: Page, name: string) => {
    for (const [size, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      await page.setViewportSize(viewport);
      await h.screenshot(page, `${name}-${size}`);
    }
    await page.setViewportSize(PHONE);
  };
  let casey: ApiClient;
  let sam: DirectoryStudent;
  let jo: DirectoryStudent;
  let caseId: string;
  let reference: string;
  let soonReference: string;
  let worker: INestApplicationContext;
  let dataDir: string;

  const findStudent = async (q: string) => {
    const found = await casey.get('/students', { q });
    expect(found.status).toBe(200);
    const [student] = (found.body as ApiPage<DirectoryStudent>).items;
    return student;
  };

  beforeAll(async () => {
    h = await BrowserHarness.start();
    casey = await h.api('counselor.casey');
    const me = await casey.me().expectStatus(200);
    sam = await findStudent('sam carter');
    jo = await findStudent('jo patel');
    // Casey files what Sam told her: Sam the target, linked to his record.
    const filed = await casey
      .file(me.schools[0].id, {
        category: 'verbal',
        location: 'cafeteria',
        occurredAt: new Date(Date.now() - 3 * 60 * 60_000).toISOString(),
        description: 'Sam says two older students call him names at lunch every day this week.',
        parties: [{ role: 'target', studentId: sam.id, name: sam.displayName }],
      })
      .expectStatus(201);
    caseId = filed.id;
    reference = filed.reference;
    await casey
      .triage(caseId, { version: 1, severity: 'medium', assigneeId: me.id })
      .expectStatus(200);
    // The deadline to resolve it passed two days ago: the caseload must say so.
    await h.t.dataSource.query(
      `UPDATE incidents SET resolve_due_at = now() - interval '2 days' WHERE id = $1`,
      [caseId],
    );
    // Another of hers is due in two hours: the worker reminds her of it.
    const soon = await casey
      .file(me.schools[0].id, {
        category: 'social',
        location: 'playground',
        occurredAt: new Date(Date.now() - 60 * 60_000).toISOString(),
        description: 'A group keeps leaving one student out of every game at recess.',
      })
      .expectStatus(201);
    soonReference = soon.reference;
    await casey
      .triage(soon.id, { version: 1, severity: 'low', assigneeId: me.id })
      .expectStatus(200);
    await h.t.dataSource.query(
      `UPDATE incidents SET resolve_due_at = now() + interval '2 hours' WHERE id = $1`,
      [soon.id],
    );
    dataDir = mkdtempSync(join(tmpdir(), 'students-audit-browser-'));
    worker = await startWorker(
      parseEnvironment({
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        WORKER_POLL_MS: '60000',
        DEADLINE_SCAN_SECONDS: '3600',
      }),
      (h.t.dataSource.options as { url: string }).url,
    );
    await worker.get(DeadlineScanner).scan();
    for (let round = 0; round < 20; round += 1) {
      if ((await worker.get(OutboxDispatcher).dispatchBatch()) === 0) break;
    }
  });

  afterAll(async () => {
    await worker?.close();
    await h?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  afterEach(() => expect(h.externalRequests).toEqual([]));

  it('counselor.casey searches "sam" and opens his history, with the report where he is the target', async () => {
    const page = await h.newPage({ viewport: PHONE });
    await h.signIn(page, 'counselor.casey');
    await page.getByRole('link', { name: 'Students', exact: true }).click();
    await expectStep(page, 'Students');

    await page.getByLabel('Find a student').fill('sam');
    await press(page, 'Search');
    await page.getByText('1 student found for “sam”.').waitFor();
    expect(new URL(page.url()).search).toBe('?q=sam');
    const result = page.getByRole('link', { name: 'Sam Carter' });
    await result.waitFor();
    await page.getByText('student.sam').waitFor();
    await expectAccessibleAtBothSizes(page);
    await shot(page, 'students-search');

    await result.click();
    await expectStep(page, 'Sam Carter: history');
    const card = page.locator('li.case-card', { hasText: reference });
    await card.getByText('Target', { exact: true }).waitFor();
    await card.getByText('Nothing recorded yet').waitFor();
    await page.getByText('Target in 1 report').waitFor();
    await expectAccessibleAtBothSizes(page);
    await shot(page, 'student-history');

    // The case is one link away; opening it is a read the audit log keeps.
    await card.getByRole('link', { name: `Case ${reference}` }).click();
    await page.waitForURL(`**/cases/${caseId}`);
    const caseyRead = async () =>
      (
        await h.t.dataSource.query<unknown[]>(
          `SELECT 1 FROM audit_log a JOIN users u ON u.id = a.actor_id
            WHERE a.incident_id = $1 AND a.action = 'incident.viewed' AND u.username = 'counselor.casey'`,
          [caseId],
        )
      ).length;
    for (let tries = 0; tries < 50 && (await caseyRead()) === 0; tries++) {
      await page.waitForTimeout(100);
    }
    expect(await caseyRead()).toBeGreaterThan(0);
  });

  it('admin.alex filters the audit log by the case and sees Casey’s read', async () => {
    const page = await h.newPage({ viewport: PHONE });
    await h.signIn(page, 'admin.alex');
    await page.getByRole('link', { name: 'Audit', exact: true }).click();
    await expectStep(page, 'Audit log');

    await page.getByLabel('Case reference').fill(reference);
    await page.getByLabel('Reads or changes').selectOption('read');
    await press(page, 'Show entries');
    const read = page.locator('li.audit-entry', { hasText: 'Casey Lin' }).first();
    await read.getByText('opened the case').waitFor();
    await read.getByRole('link', { name: `Case ${reference}` }).waitFor();
    expect(await page.locator('li.audit-entry', { hasText: 'filed the report' }).count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('ref')).toBe(reference);
    await expectAccessibleAtBothSizes(page);
    await shot(page, 'audit');

    // A name filters by that person.
    await read.getByRole('button', { name: /Casey Lin/ }).click();
    await page.getByText('Only what Casey Lin did.').waitFor();
    const entries = page.locator('li.audit-entry');
    await entries.first().waitFor();
    expect(await entries.count()).toBe(
      await page.locator('li.audit-entry', { hasText: 'Casey Lin' }).count(),
    );
    await expectAccessibleAtBothSizes(page);

    // An unknown reference is said next to the field.
    await page.getByLabel('Case reference').fill('MAPLE-1999-9999');
    await press(page, 'Show entries');
    await page.getByRole('alert').getByText('There is a problem').waitFor();
    await expectAccessibleAtBothSizes(page);
  });

  it('groups Casey’s caseload by deadline: the overdue case first, in words', async () => {
    const page = await h.newPage({ viewport: PHONE });
    await h.signIn(page, 'counselor.casey');
    await page.getByRole('link', { name: 'My caseload', exact: true }).click();
    await expectStep(page, 'My caseload');

    const overdue = page.getByRole('region', { name: 'Overdue: 1 case' });
    await overdue.getByRole('link', { name: `Case ${reference}` }).waitFor();
    await overdue.getByText('Overdue', { exact: true }).waitFor();
    const reminders = page.getByRole('region', { name: 'Deadline reminders' });
    await reminders.getByRole('link', { name: `Report ${soonReference} is due soon` }).waitFor();
    await reminders.getByText('New', { exact: true }).waitFor();
    const yours = page.locator('.count-grid > div', { hasText: 'Yours overdue' });
    expect(await yours.locator('dd').textContent()).toBe('1');
    await expectAccessibleAtBothSizes(page);
    await shot(page, 'caseload');

    await overdue.getByRole('link', { name: `Case ${reference}` }).click();
    await page.waitForURL(`**/cases/${caseId}`);
  });

  it('staff.taylor links a person named in a report to Jo’s student record', async () => {
    const page = await h.newPage({ viewport: PHONE });
    await h.signIn(page, 'staff.taylor');
    await page.goto('/report');
    await expectStep(page, 'Is someone in danger right now?');
    await page.getByLabel('No', { exact: true }).check();
    await press(page, 'Continue');
    await expectStep(page, 'What happened?');
    await page.getByLabel('Leaving someone out or spreading rumors').check();
    await press(page, 'Continue');
    await expectStep(page, 'Where did it happen?');
    await page.getByLabel('Hallway', { exact: true }).check();
    await press(page, 'Continue');
    await expectStep(page, 'When did it happen?');
    await page.getByLabel('Today', { exact: true }).check();
    await press(page, 'Continue');

    await expectStep(page, 'Who was involved?');
    await page.getByLabel('Their name').fill('Jo');
    await page.getByLabel('It happened to them').check();
    // Enter in the search box searches; it does not move the report on.
    await page.getByLabel('Link person 1 to a student record (optional)').fill('jo pat');
    await page.getByLabel('Link person 1 to a student record (optional)').press('Enter');
    await page.getByText('1 student found for “jo pat”.').waitFor();
    const option = page.getByRole('radio', { name: /Jo Patel/ });
    expect(await option.isChecked()).toBe(true);
    await expectNoAxeViolations(page);
    await shot(page, 'report-picker');
    await press(page, 'Link person 1 to this student');
    await page.getByText('Linked to the student record of Jo Patel (student.jo).').waitFor();
    await page.waitForFunction("document.activeElement?.textContent === 'Unlink person 1'");
    await expectAccessibleAtBothSizes(page);
    await press(page, 'Continue');

    await expectStep(page, 'Tell us what happened, in your own words');
    await page
      .getByRole('textbox')
      .fill('In the hallway a group keeps telling others not to sit with Jo at lunch.');
    await press(page, 'Continue');
    await expectStep(page, 'Do you have photos or files?');
    await press(page, 'Continue');
    await expectStep(page, 'Check your answers');
    await page.getByText('Linked to their student record').waitFor();
    await press(page, 'Send report');
    await page.getByRole('heading', { name: 'Your report has been sent', level: 1 }).waitFor();

    // The filed case's party is Jo's record.
    const rows: { id: string }[] = await h.t.dataSource.query(
      `SELECT i.id FROM incidents i JOIN users u ON u.id = i.reporter_id
        WHERE u.username = 'staff.taylor' ORDER BY i.created_at DESC LIMIT 1`,
    );
    const filed = await casey.incident(rows[0].id).expectStatus(200);
    expect(filed.parties).toEqual([
      expect.objectContaining({
        role: 'target',
        name: 'Jo',
        student: { id: jo.id, displayName: 'Jo Patel' },
      }),
    ]);
  });

  it('speaks Spanish on every page, on a phone and a laptop, with 0 axe violations', async () => {
    const alex = await h.api('admin.alex');
    await alex.patch('/me', { locale: 'es' }).expect(200);
    const page = await h.newPage({ viewport: PHONE, locale: 'es-US' });
    await h.signIn(page, 'admin.alex');

    await page.goto('/students?q=sam');
    await expectStep(page, 'Estudiantes');
    await page.getByText('1 estudiante encontrado para «sam».').waitFor();
    await expectAccessibleAtBothSizes(page);

    await page.getByRole('link', { name: 'Sam Carter' }).click();
    await expectStep(page, 'Sam Carter: historial');
    await page.getByText('Víctima', { exact: true }).waitFor();
    await expectAccessibleAtBothSizes(page);
    await shot(page, 'student-history-es');

    await page.goto('/caseload');
    await expectStep(page, 'Mis casos');
    await expectAccessibleAtBothSizes(page);

    await page.goto(`/audit?ref=${reference}`);
    await expectStep(page, 'Registro de auditoría');
    await page.locator('li.audit-entry', { hasText: 'abrió el caso' }).first().waitFor();
    await expectAccessibleAtBothSizes(page);
    await shot(page, 'audit-es');
  });
});

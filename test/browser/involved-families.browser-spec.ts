import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { parseEnvironment } from '@app/common';
import { District, School, type User } from '@app/identity';
import { OutboxDispatcher } from '@app/notifications';
import { startWorker } from '@app/worker';
import { Factory } from '../support/factory';
import {
  BrowserHarness,
  describeInBrowser,
  DESKTOP,
  PHONE,
  expectAccessibleAtBothSizes,
  expectReflowAt320,
} from './support/browser-harness';

const DESCRIPTION =
  'In the lunchroom Jo Patel tipped Sam Carter’s tray over and the older kids filmed it.';
const SUMMARY_FOR_REPORTER = 'We spoke with everyone involved and changed lunch supervision.';
const NOTICE_FOR_JO =
  'Jo met the counselor twice and will take part in a restorative session with a staff member present.';

/**
 * Every family involved: a counselor sends the outcome notice to the family of
 * the student named as involved, and that student's mother, who reads the app
 * in Spanish, finds it on her phone, with her child's part in careful words
 * and nothing of the report itself.
 */
describeInBrowser('involved families: the outcome notice per family', () => {
  let h: BrowserHarness;
  let worker: INestApplicationContext;
  let dataDir: string;
  let caseId: string;
  let reference: string;
  let mother: User;

  const deliver = async () => {
    for (let round = 0; round < 20; round += 1) {
      if ((await worker.get(OutboxDispatcher).dispatchBatch()) === 0) return;
    }
    throw new Error('the worker never ran out of notices');
  };

  beforeAll(async () => {
    h = await BrowserHarness.start();
    dataDir = mkdtempSync(join(tmpdir(), 'involved-families-browser-'));
    worker = await startWorker(
      parseEnvironment({
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        WORKER_POLL_MS: '60000',
        DEADLINE_SCAN_SECONDS: '3600',
      }),
      (h.t.dataSource.options as { url: string }).url,
    );
    const school = await h.t.dataSource.getRepository(School).findOneByOrFail({ code: 'MAPLE' });
    const district = await h.t.dataSource
      .getRepository(District)
      .findOneByOrFail({ id: school.districtId });
    const [jo, sam] = await Promise.all(
      ['student.jo', 'student.sam'].map((username) =>
        h.t.dataSource.getRepository('User').findOneByOrFail({ username }),
      ),
    );
    mother = await h.t.factory.user(
      'parent',
      { district, schools: [school] },
      { username: 'parent.lucia', displayName: 'Lucía Patel', locale: 'es' },
    );
    await h.t.factory.guardianship(mother, jo as User);

    const staff = await h.api('staff.taylor');
    const filed = await staff
      .file(school.id, {
        category: 'physical',
        location: 'cafeteria',
        description: DESCRIPTION,
        parties: [
          { role: 'target', studentId: (sam as User).id },
          { role: 'aggressor', studentId: (jo as User).id },
        ],
      })
      .expectStatus(201);
    caseId = filed.id;
    reference = filed.reference;
    const counselor = await h.api('counselor.casey');
    const view = await counselor.walk(caseId, 'investigating');
    await counselor
      .resolve(caseId, {
        version: view.version,
        outcome: 'substantiated',
        summary: SUMMARY_FOR_REPORTER,
      })
      .expectStatus(200);
    await deliver();
  });

  afterAll(async () => {
    await worker?.close();
    await h?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  afterEach(() => expect(h.externalRequests).toEqual([]));

  it('a counselor sees which families were told and sends Jo’s family its notice', async () => {
    const page = await h.newPage({ viewport: DESKTOP });
    await h.signIn(page, 'counselor.casey');
    await page.goto(`/cases/${caseId}`);
    await page.getByRole('heading', { name: `Case ${reference}`, level: 1 }).waitFor();

    // A thread with every linked student's family, the aggressor's included.
    await page
      .getByRole('heading', { name: 'With the family of Jo Patel (Said to have done it)' })
      .waitFor();

    const panel = page.getByRole('region', { name: 'Outcome notices to families' });
    await panel.getByText('0 of 2 families told.').waitFor();
    expect(await panel.getByText('Not told yet').count()).toBe(2);
    await panel.getByText('Parents: Lucía Patel (Spanish)').waitFor();

    // An empty notice is refused next to its box.
    await panel.getByRole('button', { name: 'Send to the family of Jo Patel' }).click();
    await panel
      .getByRole('alert')
      .getByText('Write what the family of Jo Patel should know')
      .waitFor();
    await expectAccessibleAtBothSizes(page);
    await page.setViewportSize(DESKTOP);

    await panel.getByLabel('Outcome notice for the family of Jo Patel').fill(NOTICE_FOR_JO);
    await panel.getByRole('button', { name: 'Send to the family of Jo Patel' }).click();
    await page.getByText('The outcome notice was sent to the family of Jo Patel.').waitFor();
    await panel.getByText('1 of 2 families told.').waitFor();
    await panel.getByText(NOTICE_FOR_JO).waitFor();
    expect(await panel.getByText('Not told yet').count()).toBe(1);
    await panel.getByLabel('A correction for the family of Jo Patel').waitFor();
    // The timeline says who was told.
    await page
      .getByText('Outcome notice sent to the family of Jo Patel (told: Lucía Patel)')
      .waitFor();
    await expectAccessibleAtBothSizes(page);
    await page.setViewportSize(DESKTOP);
    await h.screenshot(page, 'staff-outcome-notices');
  });

  it('Jo’s mother reads her family’s notice in Spanish on her phone, and nothing of the report', async () => {
    await deliver();
    const page = await h.newPage({ viewport: PHONE, locale: 'es-US' });
    await h.signIn(page, mother.username, Factory.PASSWORD);

    // The start page lists the case under Jo, with her part, not what it was about.
    const child = page.getByRole('region', { name: 'Jo Patel' });
    const link = child.getByRole('link', { name: `Reporte ${reference}` });
    await link.waitFor();
    await child.getByText('Mencionado como participante').waitFor();
    await expectAccessibleAtBothSizes(page);
    await page.setViewportSize(PHONE);

    await link.click();
    await page.getByRole('heading', { name: `Reporte ${reference}`, level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Por qué puede ver este reporte' }).waitFor();
    await page
      .getByText('Jo Patel fue mencionado o mencionada como participante', { exact: false })
      .waitFor();
    await page.getByText('Maple Ridge Middle School', { exact: true }).waitFor();
    const notice = page.getByRole('region', { name: 'Lo que la escuela quiere que usted sepa' });
    await notice.getByText(NOTICE_FOR_JO).waitFor();
    await page.getByText('La escuela terminó de revisarlo.').waitFor();
    const text = await page.locator('main').innerText();
    for (const secret of ['lunchroom', 'Sam Carter', 'Taylor Brooks', SUMMARY_FOR_REPORTER])
      expect(text).not.toContain(secret);

    // Her own thread with the school.
    await page.getByLabel('Escríbele a la escuela').fill('Gracias. ¿Podemos hablar el jueves?');
    await page.getByRole('button', { name: 'Enviar mensaje' }).click();
    await page.getByText('Gracias. ¿Podemos hablar el jueves?').waitFor();

    await expectAccessibleAtBothSizes(page);
    await expectReflowAt320(page);
    await page.setViewportSize(PHONE);
    await h.screenshot(page, 'involved-family-es');
  });

  it('the counselor’s timeline shows who in the family was told, and how, in words', async () => {
    await deliver();
    const page = await h.newPage({ viewport: DESKTOP });
    await h.signIn(page, 'counselor.casey');
    await page.goto(`/cases/${caseId}`);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline
      .getByText(`Family told (their outcome notice): ${mother.displayName}, in the app`)
      .waitFor();
    await expectAccessibleAtBothSizes(page);
  });
});

import type { Page } from 'playwright-core';
import {
  BrowserHarness,
  describeInBrowser,
  DESKTOP,
  expectNoAxeViolations,
  PHONE,
  SCHOOL_TIME_ZONE,
  expectStep,
  testPhoto,
} from './support/browser-harness';

/** The words a reporter reads and presses, in each language a pass runs in. */
const WORDS = {
  en: {
    continue: 'Continue',
    urgentTitle: 'Is someone in danger right now?',
    no: 'No',
    categoryTitle: 'What happened?',
    category: 'Mean words, teasing or name-calling',
    locationTitle: 'Where did it happen?',
    location: 'Lunchroom (cafeteria)',
    locationDetail: 'Where exactly? (optional)',
    whenTitle: 'When did it happen?',
    today: 'Today',
    time: 'What time was it? (optional)',
    peopleTitle: 'Who was involved?',
    name: 'Their name',
    didIt: 'They did it',
    sawIt: 'They saw it',
    addAnother: 'Add another person',
    descriptionTitle: 'Tell us what happened, in your own words',
    filesTitle: 'Do you have photos or files?',
    files: 'Add photos or files',
    checkTitle: 'Check your answers',
    send: 'Send report',
    sentTitle: 'Your report has been sent',
    problem: 'There is a problem',
  },
  es: {
    continue: 'Continuar',
    urgentTitle: '¿Hay alguien en peligro ahora mismo?',
    no: 'No',
    categoryTitle: '¿Qué pasó?',
    category: 'Palabras feas, burlas o insultos',
    locationTitle: '¿Dónde pasó?',
    location: 'Comedor (cafetería)',
    locationDetail: '¿Dónde exactamente? (opcional)',
    whenTitle: '¿Cuándo pasó?',
    today: 'Hoy',
    time: '¿A qué hora fue? (opcional)',
    peopleTitle: '¿Quiénes estuvieron involucrados?',
    name: 'Su nombre',
    didIt: 'Esta persona lo hizo',
    sawIt: 'Esta persona lo vio',
    addAnother: 'Agregar a otra persona',
    descriptionTitle: 'Cuéntanos qué pasó, con tus propias palabras',
    filesTitle: '¿Tienes fotos o archivos?',
    files: 'Agregar fotos o archivos',
    checkTitle: 'Revisa tus respuestas',
    send: 'Enviar reporte',
    sentTitle: 'Tu reporte se envió',
    problem: 'Hay un problema',
  },
};
type Words = (typeof WORDS)['en'];

const press = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).click();

/**
 * Answers every question of the lunchroom story, checking each step (and one
 * set of errors) with axe, and stops on "Check your answers".
 */
async function tellTheLunchroomStory(page: Page, w: Words, description: string): Promise<void> {
  await expectStep(page, w.urgentTitle);
  await page.getByLabel(w.no, { exact: true }).check();
  await press(page, w.continue);

  await expectStep(page, w.categoryTitle);
  await page.getByLabel(w.category).check();
  await press(page, w.continue);

  await expectStep(page, w.locationTitle);
  await page.getByLabel(w.location).check();
  await page.getByLabel(w.locationDetail).fill('The table by the windows');
  await press(page, w.continue);

  await expectStep(page, w.whenTitle);
  await page.getByLabel(w.today, { exact: true }).check();
  await page.getByLabel(w.time).fill('00:01');
  await press(page, w.continue);

  await expectStep(page, w.peopleTitle);
  await page.getByLabel(w.name).fill('Max');
  // A name without its part is an error, next to the field and in the summary.
  await press(page, w.continue);
  await page.getByRole('alert').getByText(w.problem).waitFor();
  expect(await page.evaluate('document.activeElement?.className')).toBe('error-summary');
  await expectNoAxeViolations(page);
  await page.getByLabel(w.didIt).check();
  await press(page, w.addAnother);
  // The new person's name field takes focus.
  await page.waitForFunction(
    "document.activeElement?.id?.startsWith('person-') && document.activeElement.id.endsWith('-name')",
  );
  await page.getByLabel(w.name).nth(1).fill('Jo');
  await page.getByLabel(w.sawIt).nth(1).check();
  await expectNoAxeViolations(page);
  await press(page, w.continue);

  await expectStep(page, w.descriptionTitle);
  await page.getByRole('textbox').fill(description);
  await press(page, w.continue);

  await expectStep(page, w.filesTitle);
  await page.getByLabel(w.files).setInputFiles({
    name: 'lunch-tray.jpg',
    mimeType: 'image/jpeg',
    buffer: await testPhoto('jpeg'),
  });
  await page.locator('.file-name', { hasText: 'lunch-tray.jpg' }).waitFor();
  await expectNoAxeViolations(page);
  await press(page, w.continue);

  await expectStep(page, w.checkTitle);
  await page.getByText('Max:').waitFor();
  await page.getByText('Jo:').waitFor();
}

/** The school's date (the demo schools are in New York), whatever zone the phone is in. */
const fullDate = (iso: string, language: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: SCHOOL_TIME_ZONE }).format(
    new Date(iso),
  );

describeInBrowser('reporting signed in', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await BrowserHarness.start();
  });
  afterAll(() => h.close());
  afterEach(() => expect(h.externalRequests).toEqual([]));

  it('student.sam reports lunchroom harassment by two students with a photo; going offline at Send makes one report', async () => {
    const w = WORDS.en;
    const sam = await h.api('student.sam');
    const before = await sam.queue({ limit: 100 }).expectStatus(200);

    const page = await h.newPage({ viewport: PHONE });
    await h.signIn(page, 'student.sam');
    await page.goto('/report');
    const description =
      'At lunch Max called me names in front of everyone and pushed my tray off the table. Jo saw it.';
    await tellTheLunchroomStory(page, w, description);

    // A Change link goes to the question and Continue comes back to the check page.
    await page.getByRole('button', { name: 'Change Where' }).click();
    await expectStep(page, w.locationTitle);
    await press(page, w.continue);
    await expectStep(page, w.checkTitle);
    await h.screenshot(page, 'report-check');

    // The network is gone when Send is pressed: the page says so and waits.
    await page.context().setOffline(true);
    await press(page, w.send);
    await page.getByText('Not sent yet — we will send it when you are back online').waitFor();
    await page.getByRole('button', { name: 'Try again', exact: true }).waitFor();
    await expectNoAxeViolations(page);
    // Back online, it goes by itself, once.
    await page.context().setOffline(false);
    await expectStep(page, w.sentTitle);

    const reference = (await page.locator('.reference').textContent()) ?? '';
    expect(reference).toMatch(/^MAPLE-\d{4}-\d+$/);
    const after = await sam.queue({ limit: 100 }).expectStatus(200);
    expect(after.items.length).toBe(before.items.length + 1);
    const filed = after.items.filter((item) => item.reference === reference);
    expect(filed).toHaveLength(1);

    // What happens next, and by when, in words.
    const incident = await sam.incident(filed[0].id).expectStatus(200);
    await page
      .getByText(
        `A counselor will look at your report by ${fullDate(incident.triageDueAt, 'en-US')}.`,
      )
      .waitFor();
    await page
      .getByText(
        `The school aims to finish looking into it by ${fullDate(incident.resolveDueAt, 'en-US')}.`,
      )
      .waitFor();

    // The photo follows the report, with its progress, and ends "Sent".
    await page.locator('.file-item.sent .file-name', { hasText: 'lunch-tray.jpg' }).waitFor();
    await page.getByText('Your file has been sent.').waitFor();
    await expectNoAxeViolations(page);
    await h.screenshot(page, 'report-sent');
    const mine = await sam.incident(filed[0].id).expectStatus(200);
    expect((mine.attachments as { fileName: string }[]).map((file) => file.fileName)).toEqual([
      'lunch-tray.jpg',
    ]);

    // The counselor reads what Sam said: the two students, the place, the words.
    const counselor = await h.api('counselor.casey');
    const staffView = await counselor.incident(filed[0].id).expectStatus(200);
    expect(staffView).toMatchObject({
      category: 'verbal',
      location: 'cafeteria',
      locationDetail: 'The table by the windows',
      description,
      urgent: false,
    });
    expect(staffView.parties.map((party) => [party.role, party.name])).toEqual([
      ['aggressor', 'Max'],
      ['witness', 'Jo'],
    ]);

    // The page links to the report and home.
    await page.getByRole('link', { name: 'See your report' }).waitFor();
    expect(await page.getByRole('link', { name: 'See your report' }).getAttribute('href')).toBe(
      `/cases/${filed[0].id}`,
    );
  });

  it('a Send whose answer is lost on the way is sent again with the same key and files once', async () => {
    const w = WORDS.en;
    const sam = await h.api('student.sam');
    const before = await sam.queue({ limit: 100 }).expectStatus(200);
    const page = await h.newPage({ viewport: DESKTOP });
    await h.signIn(page, 'student.sam');
    await page.goto('/report');
    await tellTheLunchroomStory(
      page,
      w,
      'In the lunchroom Max took my lunch and Jo watched. It happens most days.',
    );

    // The server files the report, but its answer never reaches the page.
    const keys: string[] = [];
    await page.route('**/api/v1/incidents', async (route) => {
      keys.push(route.request().headers()['idempotency-key']);
      if (keys.length > 1) return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await press(page, w.send);
    await page.getByText('Not sent yet — we will send it when you are back online').waitFor();
    await press(page, 'Try again');
    await expectStep(page, w.sentTitle);

    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    const after = await sam.queue({ limit: 100 }).expectStatus(200);
    expect(after.items.length).toBe(before.items.length + 1);
  });

  it('a refusal after a Send that may have been filed keeps the key: the report is filed once', async () => {
    const w = WORDS.en;
    const sam = await h.api('student.sam');
    const before = await sam.queue({ limit: 100 }).expectStatus(200);
    const page = await h.newPage({ viewport: DESKTOP });
    await h.signIn(page, 'student.sam');
    await page.goto('/report');
    await tellTheLunchroomStory(
      page,
      w,
      'Max knocked my tray over in the lunchroom and Jo saw. It was the third time this week.',
    );

    // The first Send is filed but its answer is lost; the second is refused on the way.
    const keys: string[] = [];
    await page.route('**/api/v1/incidents', async (route) => {
      keys.push(route.request().headers()['idempotency-key']);
      if (keys.length === 1) {
        await route.fetch();
        return route.abort('connectionreset');
      }
      if (keys.length === 2) {
        return route.fulfill({
          status: 409,
          contentType: 'application/json',
          body: JSON.stringify({ statusCode: 409, error: 'Conflict', message: 'Try later' }),
        });
      }
      return route.continue();
    });
    // The photo waits, so the page has to hold its links until it has gone.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v1/incidents/*/attachments', async (route) => {
      await released;
      await route.continue();
    });

    await press(page, w.send);
    await page.getByText('Not sent yet — we will send it when you are back online').waitFor();
    await press(page, 'Try again');
    await page.getByText('Your report could not be sent.').waitFor();
    // The answers stay as they were promised to the server.
    expect(await page.getByRole('button', { name: 'Change Where' }).count()).toBe(0);
    await press(page, w.send);
    await expectStep(page, w.sentTitle);

    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    const after = await sam.queue({ limit: 100 }).expectStatus(200);
    expect(after.items.length).toBe(before.items.length + 1);

    // Leaving while the photo is on its way would stop it: the link says why it waits.
    await page.getByRole('link', { name: 'See your report' }).click();
    await page
      .getByText('Wait until your files have been sent before you leave this page')
      .waitFor();
    await page.waitForFunction("document.activeElement?.classList.contains('error-summary')");
    await page.getByRole('heading', { level: 1, name: w.sentTitle, exact: true }).waitFor();
    await expectNoAxeViolations(page);
    release();
    await page.getByText('Your file has been sent.').waitFor();
    await page.getByRole('link', { name: 'See your report' }).click();
    await page.waitForURL(/\/cases\//);
  });

  it('a parent reports for their child (?child=) in Spanish on a phone, with axe on every step', async () => {
    const w = WORDS.es;
    const sam = await (await h.api('student.sam')).me().expectStatus(200);
    const pat = await h.api('parent.pat');
    await pat.patch('/me', { locale: 'es' }).expect(200);

    const page = await h.newPage({ viewport: PHONE, locale: 'es-US' });
    await h.signIn(page, 'parent.pat');
    await page.goto(`/report?child=${sam.id}`);
    await tellTheLunchroomStory(
      page,
      w,
      'Mi hijo me contó que en el comedor Max le dice apodos y le tira la bandeja.',
    );
    await page.getByText(sam.displayName).first().waitFor();
    await press(page, w.send);
    await expectStep(page, w.sentTitle);
    await page.getByText('Un consejero revisará tu reporte a más tardar el').waitFor();

    const reference = (await page.locator('.reference').textContent()) ?? '';
    const mine = await pat.queue({ limit: 100 }).expectStatus(200);
    const filed = mine.items.find((item) => item.reference === reference)!;
    const counselor = await h.api('counselor.casey');
    const staffView = await counselor.incident(filed.id).expectStatus(200);
    expect(staffView.onBehalfOf).toMatchObject({ id: sam.id });
    await page.locator('.file-item.sent').waitFor();
    await expectNoAxeViolations(page);
  });
});

import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
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

/** The words a reporter reads and presses, in each language the pass runs in. */
const WORDS = {
  en: {
    introTitle: 'Tell your school what happened',
    start: 'Start',
    continue: 'Continue',
    urgentTitle: 'Is someone in danger right now?',
    no: 'No',
    categoryTitle: 'What happened?',
    category: 'Mean words, teasing or name-calling',
    locationTitle: 'Where did it happen?',
    location: 'Lunchroom (cafeteria)',
    whenTitle: 'When did it happen?',
    today: 'Today',
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
    copy: 'Copy the code',
    copied: 'The code is copied',
    download: 'Download as a text file',
    saved: 'I have saved my code',
    done: 'Done',
    thanksTitle: 'Thank you for telling us',
    track: 'Check on a report',
    trackTitle: 'Check on a report',
    code: 'Tracking code',
    checkMine: 'Check my report',
    reportTitle: 'Your report',
    reply: 'Write to the school',
    sendMessage: 'Send message',
    you: 'You',
    forget: 'Forget this code on this screen',
    forgotten: 'Your code is no longer on this screen.',
    problem: 'There is a problem',
  },
  es: {
    introTitle: 'Cuéntale a tu escuela qué pasó',
    start: 'Empezar',
    continue: 'Continuar',
    urgentTitle: '¿Hay alguien en peligro ahora mismo?',
    no: 'No',
    categoryTitle: '¿Qué pasó?',
    category: 'Palabras feas, burlas o insultos',
    locationTitle: '¿Dónde pasó?',
    location: 'Comedor (cafetería)',
    whenTitle: '¿Cuándo pasó?',
    today: 'Hoy',
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
    copy: 'Copiar el código',
    copied: 'El código se copió',
    download: 'Descargar como archivo de texto',
    saved: 'Ya guardé mi código',
    done: 'Listo',
    thanksTitle: 'Gracias por contárnoslo',
    track: 'Ver cómo va un reporte',
    trackTitle: 'Ver cómo va un reporte',
    code: 'Código de seguimiento',
    checkMine: 'Ver mi reporte',
    reportTitle: 'Tu reporte',
    reply: 'Escríbele a la escuela',
    sendMessage: 'Enviar mensaje',
    you: 'Tú',
    forget: 'Olvidar este código en esta pantalla',
    forgotten: 'Tu código ya no está en esta pantalla.',
    problem: 'Hay un problema',
  },
};
type Words = (typeof WORDS)['en'];

/** Presses Tab (at most 40 times) until `target` has focus: it can be reached by keyboard. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 40; presses += 1) {
    const focused = await target.evaluate(
      (element: { ownerDocument: { activeElement: unknown } }) =>
        element === element.ownerDocument.activeElement,
    );
    if (focused) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

const CODE = /^[A-Z0-9]{4}(-[A-Z0-9]{4})+$/;

/**
 * Files the lunchroom report without an account, from /report/MAPLE to the
 * page that shows the tracking code, checking every step; answers the code.
 */
async function fileAnonymously(h: BrowserHarness, page: Page, w: Words): Promise<string> {
  const press = (name: string) => page.getByRole('button', { name, exact: true }).click();
  await page.goto('/report/MAPLE');
  await expectStep(page, w.introTitle);
  await page.getByText('Maple Ridge Middle School').first().waitFor();
  await h.screenshot(page, 'anonymous-start');
  await press(w.start);

  await expectStep(page, w.urgentTitle);
  await press(w.continue);
  const summary = page.getByRole('alert');
  await summary.getByText(w.problem).waitFor();
  expect(await page.evaluate('document.activeElement?.className')).toBe('error-summary');
  expect(await page.locator('#urgent-error').isVisible()).toBe(true);
  await expectNoAxeViolations(page);
  await page.getByLabel(w.no, { exact: true }).check();
  await press(w.continue);

  await expectStep(page, w.categoryTitle);
  await page.getByLabel(w.category).check();
  await press(w.continue);

  await expectStep(page, w.locationTitle);
  await page.getByLabel(w.location).check();
  await press(w.continue);

  await expectStep(page, w.whenTitle);
  await page.getByLabel(w.today, { exact: true }).check();
  await press(w.continue);

  await expectStep(page, w.peopleTitle);
  await page.getByLabel(w.name).fill('Max');
  await page.getByLabel(w.didIt).check();
  await press(w.addAnother);
  await page.getByLabel(w.name).nth(1).fill('Jo');
  await page.getByLabel(w.sawIt).nth(1).check();
  await expectNoAxeViolations(page);
  await press(w.continue);

  await expectStep(page, w.descriptionTitle);
  await page
    .getByRole('textbox')
    .fill('Max called me names at lunch and took my tray again. Jo saw it happen.');
  await press(w.continue);

  await expectStep(page, w.filesTitle);
  await page
    .getByLabel(w.files)
    .setInputFiles({ name: 'tray.png', mimeType: 'image/png', buffer: await testPhoto('png') });
  await page.locator('.file-name', { hasText: 'tray.png' }).waitFor();
  await expectNoAxeViolations(page);
  await press(w.continue);

  await expectStep(page, w.checkTitle);
  await page.getByText('Max:').waitFor();
  await h.screenshot(page, 'anonymous-check');
  await press(w.send);

  await expectStep(page, w.sentTitle);
  const code = (await page.locator('#tracking-code').textContent()) ?? '';
  expect(code).toMatch(CODE);
  return code;
}

describeInBrowser('reporting without an account', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    // Every public call of several passes comes from one address: lift the per-minute limit.
    h = await BrowserHarness.start({ PUBLIC_RATE_LIMIT_PER_MINUTE: '1000' });
  });
  afterAll(() => h.close());
  afterEach(() => expect(h.externalRequests).toEqual([]));

  it('files at /report/MAPLE on a phone, keeps the code, reads the counselor at /track and answers', async () => {
    const w = WORDS.en;
    const page = await h.newPage({ viewport: PHONE });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const code = await fileAnonymously(h, page, w);

    // What happens next, and by when, in words.
    const status = await h.t.http
      .post('/api/v1/public/reports/status')
      .send({ trackingCode: code })
      .expect(200);
    const reference = status.body.reference as string;
    // The school's date (the demo schools are in New York), whatever zone the phone is in.
    const fullDate = (iso: string) =>
      new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeZone: SCHOOL_TIME_ZONE }).format(
        new Date(iso),
      );
    await page
      .getByText(`A counselor will look at your report by ${fullDate(status.body.triageDueAt)}.`)
      .waitFor();
    await page
      .getByText(
        `The school aims to finish looking into it by ${fullDate(status.body.resolveDueAt)}.`,
      )
      .waitFor();

    // The photo goes up after the report exists, with its progress, and says so in words.
    await page.locator('.file-item.sent .file-name', { hasText: 'tray.png' }).waitFor();

    // Copy puts the code on the clipboard; the download explains it and names /track.
    await page.getByRole('button', { name: w.copy }).click();
    await page.getByText(w.copied).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(code);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: w.download }).click(),
    ]);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text).toContain(code);
    expect(text).toContain(`${h.baseUrl}/track`);
    await h.screenshot(page, 'anonymous-code');

    // Done asks for the tick first.
    await page.getByRole('button', { name: w.done }).click();
    await page.getByRole('alert').getByText(w.problem).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel(w.saved).check();
    await page.getByRole('button', { name: w.done }).click();
    await expectStep(page, w.thanksTitle);
    expect(await page.content()).not.toContain(code);

    // The counselor reads the report and writes to the reporter.
    const counselor = await h.api('counselor.casey');
    const queue = await counselor.queue({ q: reference }).expectStatus(200);
    const incident = queue.items.find((item) => item.reference === reference)!;
    const question = 'Thank you for telling us. Which lunch period was it?';
    await counselor.message(incident.id, { body: question }).expectStatus(201);

    // Back at /track: a wrong code first, then the real one.
    await page.getByRole('link', { name: w.track }).click();
    await expectStep(page, w.trackTitle);
    const field = page.getByLabel(w.code, { exact: true });
    // Hidden as typed, but not a password field: no offer to keep it in the password manager.
    expect(await field.getAttribute('type')).toBe('text');
    expect(await field.getAttribute('class')).toContain('masked');
    await field.fill('ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    await page.getByRole('button', { name: w.checkMine }).click();
    await page
      .getByRole('alert')
      .getByText('We could not find a report with that code. Check it and try again.')
      .waitFor();
    await expectNoAxeViolations(page);
    await field.fill(code);
    await page.getByRole('button', { name: w.checkMine }).click();
    await expectStep(page, w.reportTitle);
    await page.getByText(reference).waitFor();
    await page.getByText(question).waitFor();
    await h.screenshot(page, 'track');

    // The answer reaches the counselor's thread, from the anonymous reporter.
    const answer = 'It was the second lunch period, by the windows.';
    await page.getByLabel(w.reply).fill(answer);
    await page.getByRole('button', { name: w.sendMessage }).click();
    await page.locator('.message.mine').getByText(answer).waitFor();
    await expectNoAxeViolations(page);
    const thread = await counselor.messages(incident.id).expectStatus(200);
    expect(thread.items.map((message) => [message.authorKind, message.body])).toEqual([
      ['staff', question],
      ['anonymous', answer],
    ]);

    // The code never went into the address or the browser's storage, and Forget drops it.
    expect(page.url()).toBe(`${h.baseUrl}/track`);
    const stored = await page.evaluate<string>(
      'JSON.stringify({ ...localStorage, ...sessionStorage })',
    );
    expect(stored).not.toContain(code);
    await page.getByRole('button', { name: w.forget }).click();
    await page.getByText(w.forgotten).waitFor();
    expect(await page.content()).not.toContain(code);
    expect(await page.getByLabel(w.code, { exact: true }).inputValue()).toBe('');
  });

  it('can be filed with the keyboard alone', async () => {
    const w = WORDS.en;
    const page = await h.newPage({ viewport: DESKTOP });
    const key = (name: string) => page.keyboard.press(name);
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    const next = async () => {
      await tabTo(page, button(w.continue));
      await key('Enter');
    };
    await page.goto('/report/MAPLE');
    await expectStep(page, w.introTitle);
    await tabTo(page, button(w.start));
    await key('Enter');

    await expectStep(page, w.urgentTitle);
    await tabTo(page, page.getByLabel(/^Yes/));
    await key('ArrowDown'); // radios: arrows move and choose
    expect(await page.getByLabel(w.no, { exact: true }).isChecked()).toBe(true);
    await next();

    await expectStep(page, w.categoryTitle);
    await tabTo(page, page.getByLabel(/^Mean words/));
    await key('Space');
    await next();

    await expectStep(page, w.locationTitle);
    await tabTo(page, page.getByLabel('Classroom'));
    await key('ArrowDown');
    await key('ArrowDown'); // hallway, then the lunchroom
    expect(await page.getByLabel(w.location).isChecked()).toBe(true);
    await next();

    await expectStep(page, w.whenTitle);
    await tabTo(page, page.getByLabel(w.today, { exact: true }));
    await key('Space');
    await next();

    await expectStep(page, w.peopleTitle);
    await tabTo(page, page.getByLabel(w.name));
    await page.keyboard.type('Max');
    await tabTo(page, page.getByLabel('It happened to them'));
    await key('ArrowDown');
    expect(await page.getByLabel(w.didIt).isChecked()).toBe(true);
    await next();

    await expectStep(page, w.descriptionTitle);
    await tabTo(page, page.getByRole('textbox'));
    await page.keyboard.type('Max pushed me in the lunch line today.');
    await next();

    await expectStep(page, w.filesTitle);
    await next();

    await expectStep(page, w.checkTitle);
    await tabTo(page, button(w.send));
    await key('Enter');
    await expectStep(page, w.sentTitle);
    await tabTo(page, page.getByLabel(w.saved));
    await key('Space');
    await tabTo(page, button(w.done));
    await key('Enter');
    await expectStep(page, w.thanksTitle);
  });

  it('an unknown school code says so and offers a field for the right one', async () => {
    const page = await h.newPage({ viewport: PHONE });
    await page.goto('/report/NOSUCH');
    await expectStep(page, 'We could not find that school');
    await page.getByLabel('School code').fill('maple');
    await page.getByRole('button', { name: 'Find my school' }).click();
    await expectStep(page, WORDS.en.introTitle);
    expect(page.url()).toBe(`${h.baseUrl}/report/MAPLE`);
  });

  it('the sign-in page asks for the school code when it is empty, then goes to that school', async () => {
    const page = await h.newPage({ viewport: PHONE });
    await page.goto('/');
    await expectStep(page, 'Sign in');
    await page.getByRole('button', { name: 'Report without an account' }).click();
    await page.locator('.field.has-error', { hasText: "Enter your school's code" }).waitFor();
    await page.getByRole('link', { name: "Enter your school's code" }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel('School code').fill(' maple ');
    await page.getByRole('button', { name: 'Report without an account' }).click();
    await expectStep(page, WORDS.en.introTitle);
    expect(page.url()).toBe(`${h.baseUrl}/report/MAPLE`);
  });

  for (const pass of [
    { viewport: DESKTOP, locale: 'en-US', w: WORDS.en },
    { viewport: PHONE, locale: 'es-US', w: WORDS.es },
  ]) {
    it(`every step passes axe at ${pass.viewport.width}px in ${pass.locale}`, async () => {
      const { w } = pass;
      const page = await h.newPage({ viewport: pass.viewport, locale: pass.locale });
      const code = await fileAnonymously(h, page, w);
      await page.getByLabel(w.saved).check();
      await page.getByRole('button', { name: w.done }).click();
      await expectStep(page, w.thanksTitle);
      await page.getByRole('link', { name: w.track }).click();
      await expectStep(page, w.trackTitle);
      await page.getByLabel(w.code, { exact: true }).fill(code);
      await page.getByRole('button', { name: w.checkMine }).click();
      await expectStep(page, w.reportTitle);
      await page.getByLabel(w.reply).fill(pass.locale === 'es-US' ? 'Gracias.' : 'Thank you.');
      await page.getByRole('button', { name: w.sendMessage }).click();
      await page.locator('.message.mine').getByText(w.you, { exact: true }).waitFor();
      await expectNoAxeViolations(page);
    });
  }
});

import type { Page } from 'playwright-core';
import { Clock } from '@app/common';
import {
  BrowserHarness,
  describeInBrowser,
  expectAccessibleAtBothSizes,
  expectNoAxeViolations,
  expectStep,
  PHONE,
} from './support/browser-harness';

/** Friday 2026-11-20 at 9 pm in New York (EST), where the demo schools are. */
const FRIDAY_9PM = new Date('2026-11-20T21:00:00-05:00');

/** What a reporter reads and presses, in each language. */
const WORDS = {
  en: {
    locale: 'en-US',
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
    descriptionTitle: 'Tell us what happened, in your own words',
    filesTitle: 'Do you have photos or files?',
    checkTitle: 'Check your answers',
    send: 'Send report',
    sentTitle: 'Your report has been sent',
    helpTitle: 'Where to get help now',
    closed:
      'The school is closed now. Someone will read your report when it opens: Monday, November 23, 2026',
    call911: 'Call 911',
    call988: 'Call 988',
    textLine: 'Text HOME to 741741',
    saved: 'I have saved my code',
    done: 'Done',
    thanksTitle: 'Thank you for telling us',
    track: 'Check on a report',
    trackTitle: 'Check on a report',
    code: 'Tracking code',
    checkMine: 'Check my report',
    reportTitle: 'Your report',
    automatic: 'Automatic reply from the school',
    replyText: 'This is an automatic reply.',
    replyOpening: 'Monday, November 23, 2026',
  },
  es: {
    locale: 'es-ES',
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
    descriptionTitle: 'Cuéntanos qué pasó, con tus propias palabras',
    filesTitle: '¿Tienes fotos o archivos?',
    checkTitle: 'Revisa tus respuestas',
    send: 'Enviar reporte',
    sentTitle: 'Tu reporte se envió',
    helpTitle: 'Dónde conseguir ayuda ahora',
    closed:
      'La escuela está cerrada ahora. Alguien leerá tu reporte cuando abra: lunes, 23 de noviembre de 2026',
    call911: 'Llamar al 911',
    call988: 'Llamar al 988',
    textLine: 'Envía HOME por mensaje de texto al 741741',
    saved: 'Ya guardé mi código',
    done: 'Listo',
    thanksTitle: 'Gracias por contárnoslo',
    track: 'Ver cómo va un reporte',
    trackTitle: 'Ver cómo va un reporte',
    code: 'Código de seguimiento',
    checkMine: 'Ver mi reporte',
    reportTitle: 'Tu reporte',
    automatic: 'Respuesta automática de la escuela',
    replyText: 'Esta es una respuesta automática.',
    replyOpening: 'lunes, 23 de noviembre de 2026',
  },
};
type Words = (typeof WORDS)['en'];

/** Files a short report at /report/MAPLE and stops on the page with the tracking code. */
async function fileAnonymously(page: Page, w: Words): Promise<string> {
  const press = (name: string) => page.getByRole('button', { name, exact: true }).click();
  await page.goto('/report/MAPLE');
  await expectStep(page, w.introTitle);
  await press(w.start);
  await expectStep(page, w.urgentTitle);
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
  await press(w.continue);
  await expectStep(page, w.descriptionTitle);
  await page.getByRole('textbox').fill('Max keeps taking my lunch tray and laughing at me.');
  await press(w.continue);
  await expectStep(page, w.filesTitle);
  await press(w.continue);
  await expectStep(page, w.checkTitle);
  await press(w.send);
  await expectStep(page, w.sentTitle);
  return ((await page.locator('#tracking-code').textContent()) ?? '').trim();
}

describeInBrowser('after hours: help lines and the automatic reply', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await BrowserHarness.start({
      AFTER_HOURS_REPLIES: 'true',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '1000',
    });
    jest.spyOn(h.t.app.get(Clock), 'now').mockReturnValue(FRIDAY_9PM);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await h.close();
  });
  afterEach(() => expect(h.externalRequests).toEqual([]));

  it.each(['en', 'es'] as const)(
    'an anonymous report on Friday night (%s) shows the help lines, then the automatic reply on /track',
    async (language) => {
      const w = WORDS[language];
      const page = await h.newPage({ viewport: PHONE, locale: w.locale });
      const code = await fileAnonymously(page, w);

      // The confirmation says when the school will read it and where to get help now.
      const help = page.getByRole('region', { name: w.helpTitle });
      await help.waitFor();
      await help.getByText(w.closed).waitFor();
      await help.getByRole('link', { name: w.call911 }).waitFor();
      await help.getByRole('link', { name: w.call988 }).waitFor();
      expect(await help.getByRole('link', { name: w.textLine }).getAttribute('href')).toBe(
        'sms:741741?body=HOME',
      );
      // Maple's own crisis contacts (demo data).
      await help.getByText('Maple Ridge counseling office', { exact: false }).waitFor();
      await expectNoAxeViolations(page);
      await h.screenshot(page, `after-hours-sent-${language}`);

      await page.getByLabel(w.saved).check();
      await page.getByRole('button', { name: w.done }).click();
      await expectStep(page, w.thanksTitle);

      // On /track the school's automatic reply is in the thread, marked as automatic, in the
      // reporter's language.
      await page.getByRole('link', { name: w.track }).click();
      await expectStep(page, w.trackTitle);
      await page.getByLabel(w.code, { exact: true }).fill(code);
      await page.getByRole('button', { name: w.checkMine }).click();
      await expectStep(page, w.reportTitle);
      const reply = page.locator('.message.automatic');
      await reply.getByText(w.automatic).waitFor();
      await reply.getByText(w.replyText, { exact: false }).waitFor();
      await reply.getByText(w.replyOpening, { exact: false }).waitFor();
      await page.getByRole('region', { name: w.helpTitle }).getByText(w.closed).waitFor();
      await expectAccessibleAtBothSizes(page);
      await h.screenshot(page, `after-hours-track-${language}`);
    },
  );

  it('a school admin sets the school hours and on-call contacts; the district admin its crisis contacts', async () => {
    // Signing in needs the real clock: a token issued on a fixed Friday has long expired.
    jest.restoreAllMocks();
    const page = await h.newPage({ viewport: PHONE });
    await h.signIn(page, 'admin.alex');
    await page.goto('/admin/school');
    const panel = page.getByRole('region', { name: 'After hours' });
    await panel.waitFor();
    await panel.getByLabel('Closes').fill('15:00');
    // The demo school has one on-call contact; a second one is added.
    expect(await panel.getByLabel('E-mail address').first().inputValue()).toBe(
      'oncall.maple@riverside.example',
    );
    await panel.getByRole('button', { name: 'Add an on-call contact' }).click();
    await panel.getByRole('button', { name: 'Save hours and on-call contacts' }).click();
    // Missing name and address: both named, the form keeps what was typed.
    await panel.getByText('Enter the name of on-call contact 2.').first().waitFor();
    await expectNoAxeViolations(page);
    await panel.getByLabel('Name').last().fill('Principal Rivera');
    await panel.getByLabel('E-mail address').last().fill('rivera@maple.example.org');
    await panel.getByRole('button', { name: 'Save hours and on-call contacts' }).click();
    await panel.getByText('School hours and on-call contacts saved.').waitFor();
    await expectAccessibleAtBothSizes(page);
    await h.screenshot(page, 'after-hours-settings');
    const alex = await h.api('admin.alex');
    const schools = await alex.get('/schools').expect(200);
    const maple = (
      schools.body as {
        items: { schoolHours: unknown; onCallContacts: unknown }[];
      }
    ).items[0];
    expect(maple.schoolHours).toEqual({ opens: '08:00', closes: '15:00' });
    expect(maple.onCallContacts).toEqual([
      { name: 'Alex Admin (on call)', email: 'oncall.maple@riverside.example' },
      { name: 'Principal Rivera', email: 'rivera@maple.example.org' },
    ]);

    const dana = await h.newPage({ viewport: PHONE });
    await h.signIn(dana, 'district.dana');
    await dana.goto('/admin/schools');
    const district = dana.getByRole('region', { name: 'District crisis contacts' });
    await district.waitFor();
    await district.getByRole('button', { name: 'Add a contact' }).click();
    await district.getByLabel('Name').fill('District crisis team');
    await district.getByLabel('Phone').fill('555-0150');
    await district.getByRole('button', { name: 'Save district contacts' }).click();
    await district.getByText('District crisis contacts saved.').waitFor();
    await expectAccessibleAtBothSizes(dana);
  });
});

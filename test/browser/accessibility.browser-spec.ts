import type { Page } from 'playwright-core';
import {
  BrowserHarness,
  describeInBrowser,
  DESKTOP,
  expectNoAxeViolations,
  PHONE,
} from './support/browser-harness';

/**
 * Every page of the app, in both languages, at phone and desktop sizes: axe
 * finds no WCAG 2.2 A/AA violation, the page says its language, and it has
 * one h1. The flows themselves are in the other browser specs.
 */
const LANGUAGES = [
  { language: 'en', browserLocale: 'en-US' },
  { language: 'es', browserLocale: 'es-US' },
] as const;
const SIZES = [
  { name: 'phone', viewport: PHONE },
  { name: 'desktop', viewport: DESKTOP },
] as const;

describeInBrowser('accessibility of every page', () => {
  let h: BrowserHarness;
  let samsCase: string;

  beforeAll(async () => {
    h = await BrowserHarness.start();
    const sam = await h.api('student.sam');
    const me = await sam.me().expectStatus(200);
    samsCase = (await sam.file(me.schools[0].id).expectStatus(201)).id;
    await sam.message(samsCase, { body: 'It happened again today at lunch.' }).expectStatus(201);
    const casey = await h.api('counselor.casey');
    await casey
      .message(samsCase, { body: 'Thank you for telling us. Can we talk tomorrow?' })
      .expectStatus(201);
  });
  afterAll(() => h.close());
  afterEach(() => expect(h.externalRequests).toEqual([]));

  async function expectAccessible(page: Page, path: string, language: string): Promise<void> {
    await page.goto(path);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect({ path, lang: await page.evaluate('document.documentElement.lang') }).toEqual({
      path,
      lang: language,
    });
    expect({ path, h1: await page.getByRole('heading', { level: 1 }).count() }).toEqual({
      path,
      h1: 1,
    });
    await expectNoAxeViolations(page);
  }

  for (const { language, browserLocale } of LANGUAGES) {
    for (const { name, viewport } of SIZES) {
      it(`signed-out pages in ${language} on a ${name}`, async () => {
        const page = await h.newPage({ viewport, locale: browserLocale });
        for (const path of ['/', '/report/MAPLE', '/track', '/no-such-page']) {
          await expectAccessible(page, path, language);
        }
      });

      it.each(['student.sam', 'parent.pat'])(
        `%s's pages in ${language} on a ${name}`,
        async (username) => {
          const account = await h.api(username);
          await account.patch('/me', { locale: language }).expect(200);
          const page = await h.newPage({ viewport, locale: browserLocale });
          await h.signIn(page, username);
          for (const path of [
            '/',
            '/report',
            `/cases/${samsCase}`,
            '/notifications',
            '/settings',
          ]) {
            await expectAccessible(page, path, language);
          }
        },
      );
    }
  }
});

import type { Page } from 'playwright-core';
import {
  BrowserHarness,
  describeInBrowser,
  DESKTOP,
  expectNoAxeViolations,
  NEUTRAL_SITE,
  PHONE,
} from './support/browser-harness';

/** What every page shares: signing in, the safety buttons, language, the session cookie. */
describeInBrowser('web app shell', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await BrowserHarness.start();
  });
  afterAll(() => h.close());
  afterEach(() => expect(h.externalRequests).toEqual([]));

  for (const viewport of [PHONE, DESKTOP]) {
    it(`shows the sign-in page in English and Spanish at ${viewport.width}px, with no axe violations`, async () => {
      const english = await h.newPage({ viewport });
      await english.goto('/');
      expect(await english.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
      await english.getByLabel('Username').waitFor();
      await english.getByLabel('Password').waitFor();
      await english.getByRole('button', { name: 'Sign in' }).waitFor();
      await expectNoAxeViolations(english);

      const spanish = await h.newPage({ viewport, locale: 'es-US' });
      await spanish.goto('/');
      await spanish.getByLabel('Nombre de usuario').waitFor();
      await spanish.getByRole('button', { name: 'Iniciar sesión' }).waitFor();
      expect(await spanish.evaluate('document.documentElement.lang')).toBe('es');
      await expectNoAxeViolations(spanish);
      await h.screenshot(spanish, `sign-in-es-${viewport.width}`);

      await spanish.getByRole('button', { name: 'English' }).click();
      await spanish.getByLabel('Username').waitFor();
      await h.screenshot(spanish, `sign-in-${viewport.width}`);
    });
  }

  it('tells a wrong password next to the field and in the error summary', async () => {
    const page = await h.newPage();
    await page.goto('/');
    await page.getByLabel('Username').fill('student.sam');
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.getByRole('alert');
    await summary.getByText('There is a problem').waitFor();
    expect(await page.locator('#username-error').textContent()).toMatch(/not right/);
    expect(await page.getByLabel('Username').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);
  });

  it('keeps the refresh token in an HttpOnly SameSite=Strict cookie and the access token out of storage', async () => {
    const page = await h.newPage();
    await h.signIn(page, 'student.sam');
    const cookies = await page.context().cookies();
    const refresh = cookies.find((cookie) => cookie.name === 'ss_refresh');
    expect(refresh).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/api/v1/auth/session',
    });
    const stored = await page.evaluate('JSON.stringify({ ...localStorage, ...sessionStorage })');
    expect(stored).not.toMatch(/eyJ/); // no JWT anywhere in web storage

    // A reload keeps the user signed in through the cookie alone.
    await page.reload();
    await page.getByRole('link', { name: 'Settings' }).waitFor();

    // Signing out ends the session: a reload shows the sign-in page.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Username').waitFor();
    await page.reload();
    await page.getByLabel('Username').waitFor();
  });

  async function expectLeftTheSite(page: Page): Promise<void> {
    await page.waitForURL(NEUTRAL_SITE);
    // The app was one history entry, and leaving replaced it: Back cannot return to it.
    await page.goBack().catch(() => null);
    expect(page.url().startsWith(h.baseUrl)).toBe(false);
  }

  it('"Leave this site" replaces the page with a neutral site, leaves no way back and ends the session', async () => {
    const page = await h.newPage();
    await h.signIn(page, 'student.sam');
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    // The skip link moves the focus without adding a #main history entry.
    await page.getByRole('link', { name: 'Skip to main content' }).focus();
    await page.keyboard.press('Enter');
    expect(page.url()).not.toContain('#');
    await page.getByRole('button', { name: 'Leave this site' }).click();
    await expectLeftTheSite(page);
    // Whoever picks up the phone next finds the sign-in page, not Sam's reports.
    let heading: string | null = null;
    for (let attempt = 0; attempt < 10 && heading !== 'Sign in'; attempt += 1) {
      await page.goto('/'); // the logout beacon may still be on its way
      heading = await page.getByRole('heading', { level: 1 }).textContent();
    }
    expect(heading).toBe('Sign in');
  });

  it('pressing Esc twice leaves the site too', async () => {
    const page = await h.newPage();
    await page.goto('/track');
    await page.getByRole('button', { name: 'Leave this site' }).waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expectLeftTheSite(page);
  });

  it('"Get help now" lists 911, 988 and the school\'s own crisis contacts', async () => {
    const page = await h.newPage();
    await h.signIn(page, 'student.sam');
    await page.getByRole('button', { name: 'Get help now' }).click();
    const panel = page.getByRole('dialog', { name: 'Get help now' });
    await panel.getByRole('link', { name: 'Call 911' }).waitFor();
    await panel.getByRole('link', { name: 'Call 988' }).waitFor();
    await panel
      .getByText(/Maple Ridge/)
      .first()
      .waitFor();
    await expectNoAxeViolations(page);
    await h.screenshot(page, 'get-help');
    await page.keyboard.press('Escape'); // one Esc closes the panel
    await panel.waitFor({ state: 'hidden' });
    expect(page.url().startsWith(h.baseUrl)).toBe(true);
  });

  it('opens "Get help now" by itself when a message being written names a danger, before it is sent', async () => {
    const sam = await h.api('student.sam');
    const me = await sam.me().expectStatus(200);
    const filed = await sam.file(me.schools[0].id).expectStatus(201);
    const page = await h.newPage();
    await h.signIn(page, 'student.sam');
    await page.goto(`/cases/${filed.id}`);
    const reply = page.getByLabel('Write to the school');
    await reply.fill('They keep saying I should just');
    const panel = page.getByRole('dialog', { name: 'Get help now' });
    expect(await panel.isVisible()).toBe(false);
    await reply.pressSequentially(' kill myself');
    await panel.getByRole('link', { name: 'Call 988' }).waitFor();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    // Nothing was sent: the thread is still empty.
    const thread = await sam.messages(filed.id).expectStatus(200);
    expect(thread.items).toEqual([]);
  });

  it('switches the account to Spanish in settings, and it stays Spanish after a reload', async () => {
    const page = await h.newPage({ viewport: DESKTOP });
    await h.signIn(page, 'student.jo');
    await page.getByRole('link', { name: 'Settings' }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('radio', { name: 'Español' }).check();
    // Choosing only selects: nothing changes until the user saves.
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.getByRole('button', { name: 'Save language' }).click();
    await page.getByRole('heading', { name: 'Configuración' }).waitFor();
    await page.getByRole('status').getByText('Guardado').waitFor();
    await page.getByRole('button', { name: 'Guardar idioma' }).waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Configuración' }).waitFor();
    await expectNoAxeViolations(page);
    const profile = await (await h.api('student.jo')).get('/api/v1/me');
    expect(profile.body.locale).toBe('es');
  });

  it('changes the password with the current one, keeping the user signed in', async () => {
    const page = await h.newPage();
    await h.signIn(page, 'staff.taylor');
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Current password').fill('wrong current password');
    await page.getByLabel('New password').fill('lunchroom lanterns drift slowly');
    await page.getByRole('button', { name: 'Change password' }).click();
    expect(await page.locator('#current-password-error').textContent()).toMatch(/not right/);

    await page.getByLabel('Current password').fill('safe-schools-demo');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password is changed').waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Settings' }).waitFor();
  });

  it('signs in and leaves by keyboard alone, with the focus visible', async () => {
    const page = await h.newPage({ viewport: DESKTOP });
    await page.goto('/');
    await page.getByLabel('Username').waitFor();
    // The page's heading has the focus (screen readers announce where they are): Tab goes on from there.
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Sign in');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.id')).toBe('username');
    const outline = await page.evaluate('getComputedStyle(document.activeElement).outlineStyle');
    expect(outline).not.toBe('none');
    await page.keyboard.type('student.sam');
    await page.keyboard.press('Tab');
    await page.keyboard.type('safe-schools-demo');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Settings' }).waitFor();
    await page.getByRole('button', { name: 'Leave this site' }).focus();
    await page.keyboard.press('Enter');
    await expectLeftTheSite(page);
  });

  it.each(['/', '/track', '/report/MAPLE'])(
    'reflows %s at 320 CSS pixels (400%% zoom) without scrolling sideways',
    async (path) => {
      const page = await h.newPage({ viewport: { width: 320, height: 256 } });
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const overflow = await page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect(overflow).toBeLessThanOrEqual(0);
    },
  );

  it('answers unknown addresses with the app and unknown API paths with JSON 404', async () => {
    const page = await h.newPage();
    await page.goto('/no/such/page');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await expectNoAxeViolations(page);
    const api = await h.t.http.get('/api/v1/no-such-route');
    expect(api.status).toBe(404);
    expect(api.body).toMatchObject({ statusCode: 404 });
  });
});

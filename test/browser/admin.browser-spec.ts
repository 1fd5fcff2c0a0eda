import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import {
  BrowserHarness,
  describeInBrowser,
  DESKTOP,
  expectNoAxeViolations,
  PHONE,
} from './support/browser-harness';

/**
 * School and district administration: admin.alex adds a counselor, links a
 * parent to a student, lists a place that the report form then offers, and
 * prints the poster whose QR code opens the school's report page; district.dana
 * adds a school. Every admin page passes axe in both languages at both sizes.
 */
describeInBrowser('administration: users, settings, places, poster, schools', () => {
  let h: BrowserHarness;

  const shot = (page: Page, name: string) => h.screenshot(page, `admin-${name}`);
  const heading = (page: Page, name: string) =>
    page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  /** The page's own content has arrived: its heading, nothing still loading. */
  const settled = async (page: Page) => {
    await page.locator('h1').first().waitFor();
    await page.locator('.loading').waitFor({ state: 'detached' });
  };

  beforeAll(async () => {
    h = await BrowserHarness.start();
  });

  afterAll(() => h?.close());

  it('admin.alex adds a counselor and links a parent to a student', async () => {
    const page = await h.newPage({ viewport: DESKTOP });
    await h.signIn(page, 'admin.alex');
    await page.getByRole('link', { name: 'Administration' }).click();
    await heading(page, 'Administration');
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await heading(page, 'Users');
    await page.getByText(/accounts? shown/).waitFor();

    await page.getByLabel('Full name').fill('Robin Vega');
    await page.getByLabel('Username', { exact: true }).fill('counselor.robin');
    await page.getByLabel('Role', { exact: true }).nth(1).selectOption('counselor');
    await page.getByRole('button', { name: 'Suggest a password' }).first().click();
    await page.getByRole('button', { name: 'Add the account' }).click();
    await page.getByText('Robin Vega can now sign in as counselor.robin').waitFor();
    const [robin] = await h.t.dataSource.query<{ role: string; school: string }[]>(
      `SELECT u.role, s.code AS school FROM users u
         JOIN school_memberships m ON m.user_id = u.id JOIN schools s ON s.id = m.school_id
        WHERE u.username = 'counselor.robin'`,
    );
    expect(robin).toEqual({ role: 'counselor', school: 'MAPLE' });
    await page.getByRole('heading', { name: 'Robin Vega' }).waitFor();

    await page
      .getByLabel('Student', { exact: true })
      .selectOption({ label: 'Jo Patel (student.jo)' });
    await page.getByText('No parent or guardian is linked yet.').waitFor();
    await page
      .getByLabel('Parent or guardian to link')
      .selectOption({ label: 'Pat Carter (parent.pat)' });
    await page.getByRole('button', { name: 'Link to this student' }).click();
    await page.getByText('Pat Carter is now linked to Jo Patel.').waitFor();
    await page.getByRole('button', { name: 'Unlink Pat Carter' }).waitFor();
    await shot(page, 'users-desktop');
    const links = await h.t.dataSource.query<unknown[]>(
      `SELECT 1 FROM guardianships g JOIN users p ON p.id = g.parent_id JOIN users s ON s.id = g.student_id
        WHERE p.username = 'parent.pat' AND s.username = 'student.jo'`,
    );
    expect(links).toHaveLength(1);
  });

  it('admin.alex lists a place; the report forms offer it and fill in where from it', async () => {
    const page = await h.newPage({ viewport: PHONE });
    await h.signIn(page, 'admin.alex');
    await page.goto('/admin/school');
    await heading(page, 'Settings of Maple Ridge Middle School');
    await page.getByRole('button', { name: 'Add a place' }).click();
    await page.getByLabel('Name of the place').fill('North stairwell');
    await page.getByLabel('Kind of place').selectOption('hallway');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await page.getByText('The settings of Maple Ridge Middle School are saved.').waitFor();
    await shot(page, 'settings-phone');

    const reporter = await h.newPage({ viewport: PHONE });
    await reporter.goto('/report/MAPLE');
    await reporter.getByRole('button', { name: 'Start', exact: true }).click();
    await reporter.getByLabel('No', { exact: true }).check();
    await reporter.getByRole('button', { name: 'Continue', exact: true }).click();
    await reporter.getByLabel('Mean words, teasing or name-calling').check();
    await reporter.getByRole('button', { name: 'Continue', exact: true }).click();
    await heading(reporter, 'Where did it happen?');
    await reporter.getByLabel('North stairwell').check();
    await expect(reporter.getByLabel(/^Where exactly\?/).inputValue()).resolves.toBe(
      'North stairwell',
    );
    // The general choices stay.
    await reporter.getByLabel('Hallway', { exact: true }).waitFor();
    await expectNoAxeViolations(reporter);
    await shot(reporter, 'report-places-phone');

    const student = await h.newPage({ viewport: PHONE });
    await h.signIn(student, 'student.sam');
    await student.goto('/report');
    await student.getByLabel('No', { exact: true }).check();
    await student.getByRole('button', { name: 'Continue', exact: true }).click();
    await student.getByLabel('Mean words, teasing or name-calling').check();
    await student.getByRole('button', { name: 'Continue', exact: true }).click();
    await heading(student, 'Where did it happen?');
    await student.getByLabel('North stairwell').check();
    await student.getByRole('button', { name: 'Continue', exact: true }).click();
    await heading(student, 'When did it happen?');
  });

  it('admin.alex prints the poster: its QR code opens the school’s report page', async () => {
    const page = await h.newPage({ viewport: DESKTOP });
    await h.signIn(page, 'admin.alex');
    await page.goto('/admin/poster');
    await heading(page, 'Poster for Maple Ridge Middle School');
    const qr = page.getByTestId('poster-qr');
    await qr.waitFor();
    await expect(page.getByRole('img', { name: /QR code that opens/ }).count()).resolves.toBe(1);
    await page.getByText(`${h.baseUrl.replace(/^https?:\/\//, '')}/report/MAPLE`).waitFor();
    await page.getByText('¿Te acosan? ¿Viste que acosan a alguien? Cuéntanos.').waitFor();
    await page.getByText('Bullied? Seen someone bullied? Tell us.').waitFor();
    await shot(page, 'poster-desktop');

    const decode = async () => {
      const png = await qr.screenshot();
      const { data, info } = await sharp(png)
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
    };
    await expect(decode()).resolves.toBe(`${h.baseUrl}/report/MAPLE`);

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Print the poster' }).isVisible()).resolves.toBe(
      false,
    );
    await expect(decode()).resolves.toBe(`${h.baseUrl}/report/MAPLE`);
    await shot(page, 'poster-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('keeps the admin pages from everyone else: the same answer as an unknown address', async () => {
    const page = await h.newPage({ viewport: PHONE });
    await h.signIn(page, 'counselor.casey');
    for (const path of ['/admin', '/admin/users', '/admin/school', '/admin/poster']) {
      await page.goto(path);
      await heading(page, 'Page not found');
    }
    const alex = await h.newPage({ viewport: PHONE });
    await h.signIn(alex, 'admin.alex');
    await alex.goto('/admin/schools');
    await heading(alex, 'Page not found');
  });

  it('district.dana starts on the district’s schools and adds a school', async () => {
    const page = await h.newPage({ viewport: PHONE });
    await h.signIn(page, 'district.dana');
    await heading(page, "Your district's schools");
    await page.getByRole('heading', { name: 'Oak Hill Elementary' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Schools', exact: true }).click();
    await heading(page, 'Schools');
    await page.getByLabel('Name of the school').fill('Willow Creek High School');
    await page.getByLabel('Public code').fill('willow');
    await page.getByLabel('Time zone').selectOption('America/Chicago');
    await page.getByRole('button', { name: 'Add the school' }).click();
    await page.getByText('Willow Creek High School is added, with the code WILLOW.').waitFor();
    await page.getByRole('heading', { name: 'Willow Creek High School' }).waitFor();
    await shot(page, 'schools-phone');
    const [willow] = await h.t.dataSource.query<{ time_zone: string }[]>(
      "SELECT time_zone FROM schools WHERE code = 'WILLOW'",
    );
    expect(willow).toEqual({ time_zone: 'America/Chicago' });
  });

  it('admin.alex changes the code after confirming the posters need replacing, and the time zone', async () => {
    const page = await h.newPage({ viewport: PHONE });
    await h.signIn(page, 'admin.alex');
    await page.goto('/admin/school');
    await heading(page, 'Settings of Maple Ridge Middle School');
    const mapleNow = async () =>
      (
        await h.t.dataSource.query<{ code: string; time_zone: string }[]>(
          "SELECT code, time_zone FROM schools WHERE name = 'Maple Ridge Middle School'",
        )
      )[0];
    try {
      await page.getByLabel('Public code').fill('maple-ridge');
      await page
        .getByText('The code changes from MAPLE to MAPLE-RIDGE.', { exact: false })
        .waitFor();
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Save the settings' }).click();
      // Not confirmed: nothing is sent, the summary says why.
      await page
        .getByRole('link', { name: /Tick the box to confirm that the printed posters/ })
        .waitFor();
      await expect(mapleNow()).resolves.toEqual({ code: 'MAPLE', time_zone: 'America/New_York' });
      await shot(page, 'settings-code-warning-phone');
      await page.getByLabel('I understand the printed posters will need replacing').check();
      await page.getByLabel('Time zone').selectOption('America/Chicago');
      await page.getByRole('button', { name: 'Save the settings' }).click();
      await page
        .getByText('The report page is now /report/MAPLE-RIDGE', { exact: false })
        .waitFor();
      // The public report page's answers for both codes are in schools.e2e-spec.ts.
      await expect(mapleNow()).resolves.toEqual({
        code: 'MAPLE-RIDGE',
        time_zone: 'America/Chicago',
      });
      // The warning is gone once saved; the new poster is a link away.
      await expect(page.locator('#code-warning').count()).resolves.toBe(0);
      await page.getByRole('link', { name: 'Print the new poster' }).click();
      await heading(page, 'Poster for Maple Ridge Middle School');
      await page.getByText(`${h.baseUrl.replace(/^https?:\/\//, '')}/report/MAPLE-RIDGE`).waitFor();
    } finally {
      const api = await h.api('admin.alex');
      const [maple] = await h.t.dataSource.query<{ id: string }[]>(
        "SELECT id FROM schools WHERE name = 'Maple Ridge Middle School'",
      );
      await api
        .patch(`/schools/${maple.id}`, { code: 'MAPLE', timeZone: 'America/New_York' })
        .expect(200);
    }
  });

  describe.each(['en', 'es'] as const)('axe, in %s, phone and desktop', (locale) => {
    const pages: Record<string, string[]> = {
      'admin.alex': ['/admin', '/admin/users', '/admin/school', '/admin/poster'],
      'district.dana': ['/', '/admin/schools', '/admin/users?role=school_admin'],
    };

    it.each(Object.keys(pages))('finds nothing on the pages of %s', async (username) => {
      const api = await h.api(username);
      await api.patch('/me', { locale }).expect(200);
      const page = await h.newPage({
        viewport: PHONE,
        locale: locale === 'es' ? 'es-US' : 'en-US',
      });
      await h.signIn(page, username);
      for (const path of pages[username]) {
        await page.goto(path);
        await settled(page);
        if (path === '/admin/poster') await page.getByTestId('poster-qr').waitFor();
        for (const viewport of [PHONE, DESKTOP]) {
          await page.setViewportSize(viewport);
          await expectNoAxeViolations(page);
        }
        await shot(page, `axe-${username}-${locale}${path.replace(/[/?=]+/g, '-')}`);
      }
      if (username === 'district.dana') {
        const schoolId = (
          await h.t.dataSource.query<{ id: string }[]>(
            "SELECT id FROM schools WHERE code = 'OAKHILL'",
          )
        )[0].id;
        for (const path of ['/admin/school', '/admin/poster', '/admin/users']) {
          await page.goto(`${path}?school=${schoolId}`);
          await settled(page);
          for (const viewport of [PHONE, DESKTOP]) {
            await page.setViewportSize(viewport);
            await expectNoAxeViolations(page);
          }
          await shot(page, `axe-dana-${locale}${path.replace(/[/?=]+/g, '-')}`);
        }
      }
      await api.patch('/me', { locale: 'en' }).expect(200);
    });
  });
});

import type { Page } from 'playwright-core';
import { localDate, schoolDayDeadline } from '../../libs/common/src/calendar/school-days';
import {
  BrowserHarness,
  describeInBrowser,
  DESKTOP,
  PHONE,
  SCHOOL_TIME_ZONE,
  expectAccessibleAtBothSizes,
} from './support/browser-harness';

interface Me {
  schools: { id: string }[];
}

/** The next weekday after today in the school's time zone, `YYYY-MM-DD`. */
function nextWeekday(now = new Date()): string {
  let day = new Date(`${localDate(now, SCHOOL_TIME_ZONE)}T12:00:00Z`);
  do {
    day = new Date(day.getTime() + 86_400_000);
  } while (day.getUTCDay() === 0 || day.getUTCDay() === 6);
  return day.toISOString().slice(0, 10);
}

const inWords = (date: string, language = 'en-US') =>
  new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );

/**
 * A school admin adds a holiday tomorrow (the next weekday, so that it falls
 * inside an open case's deadline counting whatever day the test runs): the
 * case's deadlines move by a school day, and its timeline says why.
 */
describeInBrowser('school calendar: a day off moves the open deadlines it touches', () => {
  let h: BrowserHarness;

  const screenshot = (page: Page, name: string) => h.screenshot(page, `calendar-${name}`);

  beforeAll(async () => {
    h = await BrowserHarness.start();
  });
  afterAll(() => h?.close());
  afterEach(() => expect(h.externalRequests).toEqual([]));

  it('admin.alex adds a holiday tomorrow and an open case’s deadline moves by a school day', async () => {
    const tomorrow = nextWeekday();
    const student = await h.api('student.sam');
    const me = (await student.me().expectStatus(200)) as unknown as Me;
    const filed = await student.file(me.schools[0].id).expectStatus(201);
    // Filed today: triage is due at the end of the next weekday, the day we take off.
    expect(localDate(new Date(filed.triageDueAt), SCHOOL_TIME_ZONE)).toBe(tomorrow);

    const page = await h.newPage({ viewport: PHONE });
    await h.signIn(page, 'admin.alex');
    await page.goto('/admin/calendar');
    await page.getByRole('heading', { level: 1, name: 'School calendar' }).waitFor();
    await page.getByText('No days off yet.').waitFor();
    await expectAccessibleAtBothSizes(page);
    await screenshot(page, 'empty-phone');

    // Nothing typed: the summary lists the problems, each field says its own.
    await page.getByRole('button', { name: 'Add day off' }).click();
    await page.getByRole('alert').getByText('There is a problem').waitFor();
    expect(await page.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    await expectAccessibleAtBothSizes(page);

    await page.getByLabel('Name', { exact: true }).fill('Staff training day');
    await page.getByLabel('First day off').fill(tomorrow);
    await page.getByRole('button', { name: 'Add day off' }).click();
    await page
      .getByRole('status')
      .getByText(/^Day off added\. The deadlines of \d+ open cases? moved\.$/)
      .waitFor();
    const listed = page.locator('li.calendar-day', { hasText: 'Staff training day' });
    await listed.getByText(inWords(tomorrow)).waitFor();
    await expectAccessibleAtBothSizes(page);
    await screenshot(page, 'added-phone');
    await page.setViewportSize(DESKTOP);
    await screenshot(page, 'added-desktop');

    // The case is now due a school day later, and its timeline says why.
    const counselor = await h.api('counselor.casey');
    const view = await counselor.incident(filed.id).expectStatus(200);
    const expected = schoolDayDeadline(new Date(), 1, {
      timeZone: SCHOOL_TIME_ZONE,
      holidays: [],
      daysOff: [{ from: tomorrow, to: tomorrow }],
    });
    expect(view.triageDueAt).toBe(expected.toISOString());
    expect(new Date(view.triageDueAt).getTime()).toBeGreaterThan(
      new Date(filed.triageDueAt).getTime(),
    );
    const moved = view.timeline.find((entry) => entry.type === 'deadline_moved');
    expect(moved?.data).toMatchObject({
      reason: 'Day off added: Staff training day',
      triageDueAt: { from: filed.triageDueAt, to: expected.toISOString() },
    });

    // The reporter reads it in plain words on their case page.
    const samPage = await h.newPage({ viewport: PHONE });
    await h.signIn(samPage, 'student.sam');
    await samPage.goto(`/cases/${filed.id}`);
    await samPage
      .getByText(
        "The school's calendar changed (Staff training day), so the school's dates for this report moved.",
      )
      .waitFor();

    // Removing it puts the deadline back.
    await page.setViewportSize(PHONE);
    await listed.getByRole('button', { name: 'Remove Staff training day' }).click();
    await page
      .getByRole('status')
      .getByText(/^Day off removed\./)
      .waitFor();
    await page.getByText('No days off yet.').waitFor();
    const back = await counselor.incident(filed.id).expectStatus(200);
    expect(back.triageDueAt).toBe(filed.triageDueAt);
  });

  it('is accessible in Spanish, and a district admin sees the district-wide list', async () => {
    // Avery reads the app in Spanish.
    await (await h.api('admin.avery')).patch('/me', { locale: 'es' }).expect(200);
    const page = await h.newPage({ viewport: PHONE, locale: 'es-US' });
    await h.signIn(page, 'admin.avery');
    await page.goto('/admin/calendar');
    await page.getByRole('heading', { level: 1, name: 'Calendario escolar' }).waitFor();
    await page.getByText('Todavía no hay días libres.').waitFor();
    await page.getByRole('button', { name: 'Solo hoy (día de nieve)' }).click();
    expect(await page.getByLabel('Nombre', { exact: true }).inputValue()).toBe('Día de nieve');
    await expectAccessibleAtBothSizes(page);
    await screenshot(page, 'es-phone');

    const dana = await h.newPage({ viewport: DESKTOP });
    await h.signIn(dana, 'district.dana');
    // The admin hub's link for one school opens that school's calendar.
    const oakHill = ((await (await h.api('admin.avery')).me().expectStatus(200)) as unknown as Me)
      .schools[0].id;
    await dana.goto(`/admin/calendar?school=${oakHill}`);
    await dana.getByRole('heading', { level: 2, name: 'School year' }).waitFor();
    expect(await dana.getByLabel('Calendar of').inputValue()).toBe(oakHill);
    expect(await dana.getByLabel('Calendar of').locator('option:checked').textContent()).toBe(
      'Oak Hill Elementary',
    );
    // Picking another calendar says so in the address, without a new history entry.
    const before = await dana.evaluate('history.length');
    await dana.getByLabel('Calendar of').selectOption({ label: 'Maple Ridge Middle School' });
    await dana.waitForURL((url) => url.search !== `?school=${oakHill}`);
    expect(new URL(dana.url()).searchParams.get('school')).not.toBe(oakHill);
    await dana
      .getByLabel('Calendar of')
      .selectOption({ label: 'All schools (district-wide days off)' });
    await dana.waitForURL((url) => url.pathname === '/admin/calendar' && url.search === '');
    await dana.getByRole('heading', { level: 2, name: 'District-wide days off' }).waitFor();
    expect(await dana.evaluate('history.length')).toBe(before);
    await dana.getByLabel('Name', { exact: true }).fill('Ice storm');
    await dana.getByLabel('First day off').fill('2027-01-15');
    await dana.getByRole('button', { name: 'Add day off' }).click();
    await dana
      .getByRole('status')
      .getByText(/^Day off added\./)
      .waitFor();
    await dana.locator('li.calendar-day', { hasText: 'Ice storm' }).waitFor();
    await expectAccessibleAtBothSizes(dana);
    await screenshot(dana, 'district-phone');

    // The school admin sees it marked district-wide, without a remove button.
    await page.reload();
    const district = page.locator('li.calendar-day', { hasText: 'Ice storm' });
    await district.getByText('Todo el distrito').waitFor();
    expect(await district.getByRole('button').count()).toBe(0);
    await expectAccessibleAtBothSizes(page);
  });

  it('is not there for a counselor, like the other admin pages', async () => {
    const page = await h.newPage({ viewport: PHONE });
    await h.signIn(page, 'counselor.casey');
    await page.goto('/admin/calendar');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  });
});

import type { Page } from 'playwright-core';
import {
  BrowserHarness,
  describeInBrowser,
  expectAccessibleAtBothSizes,
  expectReflowAt320,
  PHONE,
} from './support/browser-harness';

/**
 * Three reports of one lunchroom video: the counselor opens the first, sees
 * the other two as likely related with the reasons in words, links both at
 * once by keyboard on a phone, sees the group with its primary, and unlinks
 * one after confirming.
 */
describeInBrowser('related reports: the counselor links reports about one video', () => {
  let h: BrowserHarness;
  const accessibleAtBothSizes = (page: Page, name: string) =>
    expectAccessibleAtBothSizes(page, (size) => h.screenshot(page, `${name}-${size}`));
  const STORY =
    'A video of the lunchroom fight is going round: two boys pushed Marco off the bench';

  beforeAll(async () => {
    h = await BrowserHarness.start();
  });
  afterAll(() => h?.close());
  afterEach(() => expect(h.externalRequests).toEqual([]));

  it('suggests, links many at once, shows the group and unlinks after a confirmation', async () => {
    const sam = await h.api('student.sam');
    const schoolId = (await sam.me().expectStatus(200)).schools[0].id;
    const file = (words: string) =>
      sam
        .file(schoolId, { location: 'cafeteria', category: 'physical', description: words })
        .expectStatus(201);
    const first = await file(`${STORY} and everyone filmed it.`);
    const second = await file(`${STORY} while kids filmed it.`);
    const third = await file(`${STORY}, the video is in every group chat.`);

    const page = await h.newPage({ viewport: PHONE });
    await h.signIn(page, 'counselor.casey');
    await page.goto(`/cases/${first.id}`);
    const panel = page.getByRole('region', { name: 'Related reports' });
    await panel.getByText('This case is not linked to any other report.').waitFor();
    const secondBox = panel.getByRole('checkbox', { name: new RegExp(second.reference) });
    const thirdBox = panel.getByRole('checkbox', { name: new RegExp(third.reference) });
    await secondBox.waitFor();
    await panel
      .getByText(/same place · same day · similar wording/)
      .first()
      .waitFor();
    await accessibleAtBothSizes(page, 'related-suggestions');
    await expectReflowAt320(page);
    await page.setViewportSize(PHONE);

    // By keyboard: tick both, then link them.
    await secondBox.focus();
    await page.keyboard.press('Space');
    await thirdBox.focus();
    await page.keyboard.press('Space');
    const linkButton = panel.getByRole('button', { name: 'Link 2 reports' });
    await linkButton.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('2 reports were linked to this case.').waitFor();
    await panel.getByText(`${first.reference} (this case)`).waitFor();
    await panel.getByText('Primary', { exact: true }).waitFor();
    await panel.getByRole('link', { name: second.reference }).waitFor();
    await panel.getByRole('link', { name: third.reference }).waitFor();
    expect(await panel.getByRole('checkbox', { name: new RegExp(second.reference) }).count()).toBe(
      0,
    );
    // The case's timeline tells of the link.
    await page.getByText('Linked with related reports').first().waitFor();
    await accessibleAtBothSizes(page, 'related-group');
    await expectReflowAt320(page);
    await page.setViewportSize(PHONE);

    // Unlinking asks first, and the confirmation takes the focus.
    await panel.getByRole('button', { name: `Unlink ${third.reference}` }).click();
    const confirm = panel.getByRole('group', { name: `Take ${third.reference} out of the group?` });
    await confirm.waitFor();
    await page.waitForFunction(
      "document.activeElement?.classList.contains('related-confirm') === true",
    );
    await expectAccessibleAtBothSizes(page);
    await page.setViewportSize(PHONE);
    await confirm.getByRole('button', { name: 'Keep it linked' }).click();
    await panel.getByRole('link', { name: third.reference }).waitFor();
    await panel.getByRole('button', { name: `Unlink ${third.reference}` }).click();
    await panel.getByRole('button', { name: 'Yes, unlink it' }).click();
    await page
      .getByRole('status')
      .getByText(`${third.reference} was taken out of the group.`)
      .waitFor();
    expect(await panel.getByRole('link', { name: third.reference }).count()).toBe(0);
    await panel.getByRole('checkbox', { name: new RegExp(third.reference) }).waitFor();

    // In Spanish, as a counselor who reads Spanish sees it.
    const casey = await h.api('counselor.casey');
    await casey.patch('/me', { locale: 'es' }).expect(200);
    try {
      const es = await h.newPage({ viewport: PHONE, locale: 'es-US' });
      await h.signIn(es, 'counselor.casey');
      await es.goto(`/cases/${first.id}`);
      const panelEs = es.getByRole('region', { name: 'Reportes relacionados' });
      await panelEs.getByText(`${first.reference} (este caso)`).waitFor();
      await panelEs.getByText('Principal', { exact: true }).waitFor();
      await panelEs
        .getByText(/mismo lugar · mismo día/)
        .first()
        .waitFor();
      await panelEs.getByRole('button', { name: /^Vincular 0 reportes/ }).waitFor();
      await expectAccessibleAtBothSizes(es, (size) => h.screenshot(es, `related-es-${size}`));
      await expectReflowAt320(es);
    } finally {
      await casey.patch('/me', { locale: 'en' }).expect(200);
    }

    // The student who filed all three sees nothing of it.
    const own = JSON.stringify(await sam.incident(second.id).expectStatus(200));
    expect(own).not.toContain(first.reference);
  });
});

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { DemoSeedService } from '@app/identity';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import sharp from 'sharp';
import { TestApp } from '../../support/test-app';
import type { ApiClient } from '../../support/api-driver';
import {
  BROWSER_REQUIRED,
  CHROMIUM_ARGS,
  findChromium,
  NO_CHROMIUM_MESSAGE,
} from '../../../scripts/web/chromium';

export const DEMO_PASSWORD = 'safe-schools-demo';
export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };
/** The default QUICK_EXIT_URL, where "Leave this site" goes; tests answer it locally, nothing leaves the machine. */
export const NEUTRAL_SITE = 'https://www.google.com/';
/** The demo schools' time zone; the browser runs in UTC, so pages must show the school's dates. */
export const SCHOOL_TIME_ZONE = 'America/New_York';
const BROWSER_TIME_ZONE = 'UTC';

const CHROMIUM = findChromium();
if (!CHROMIUM) {
  if (BROWSER_REQUIRED) throw new Error(NO_CHROMIUM_MESSAGE);
  process.stderr.write(NO_CHROMIUM_MESSAGE);
}

/** `describe` when a Chromium exists, else `describe.skip` (shown as skipped, never passed). */
export const describeInBrowser: jest.Describe = CHROMIUM ? describe : describe.skip;

export interface PageOptions {
  viewport?: { width: number; height: number };
  /** The browser's language, e.g. 'es-US': signed-out pages follow it. */
  locale?: string;
}

/**
 * The real API (with the demo district seeded) listening on a free port, and
 * a real headless Chromium. Every page gets its own context (cookies, storage),
 * like a separate phone. Any request to another host is blocked and recorded:
 * the app must load nothing from elsewhere.
 */
export class BrowserHarness {
  /** Requests the app tried to make to any other host. */
  readonly externalRequests: string[] = [];
  private readonly contexts: BrowserContext[] = [];

  private constructor(
    readonly t: TestApp,
    readonly baseUrl: string,
    private readonly browser: Browser,
  ) {}

  static async start(environment: Record<string, string> = {}): Promise<BrowserHarness> {
    const t = await TestApp.start({ PUBLIC_URL: 'http://127.0.0.1', ...environment });
    await t.app.get(DemoSeedService).seedIfEmpty(DEMO_PASSWORD);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    const browser = await chromium.launch({ executablePath: CHROMIUM!, args: CHROMIUM_ARGS });
    return new BrowserHarness(t, baseUrl, browser);
  }

  async newPage({ viewport = PHONE, locale = 'en-US' }: PageOptions = {}): Promise<Page> {
    const context = await this.browser.newContext({
      viewport,
      locale,
      timezoneId: BROWSER_TIME_ZONE,
      baseURL: this.baseUrl,
    });
    this.contexts.push(context);
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith(this.baseUrl)) return route.continue();
      if (url.startsWith(NEUTRAL_SITE)) {
        return route.fulfill({
          contentType: 'text/html',
          body: '<title>Google</title><p>Search</p>',
        });
      }
      this.externalRequests.push(url);
      return route.abort();
    });
    return context.newPage();
  }

  /** Signs in through the sign-in page, as a person would, and waits for the home page. */
  async signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
    await page.goto('/');
    await page.getByLabel(/^(Username|Nombre de usuario)$/).fill(username);
    await page.getByLabel(/^(Password|Contraseña)$/).fill(password);
    await page.getByRole('button', { name: /^(Sign in|Iniciar sesión)$/ }).click();
    await page.getByRole('link', { name: /^(Settings|Configuración)$/ }).waitFor();
  }

  /** A typed API client signed in as a demo user, to act as the counselor does. */
  api(username: string): Promise<ApiClient> {
    return this.t.signIn(username, DEMO_PASSWORD);
  }

  /**
   * A full-page screenshot, to look at the layout: under docs/screenshots when
   * SCREENSHOTS=1 (the README shows some of them), or in SCREENSHOTS_DIR when set.
   */
  async screenshot(page: Page, name: string): Promise<void> {
    const directory =
      process.env.SCREENSHOTS_DIR ??
      (process.env.SCREENSHOTS === '1'
        ? join(__dirname, '..', '..', '..', 'docs', 'screenshots')
        : undefined);
    if (!directory) return;
    mkdirSync(directory, { recursive: true });
    await page.screenshot({ path: join(directory, `${name}.png`), fullPage: true });
  }

  async close(): Promise<void> {
    await Promise.all(this.contexts.map((context) => context.close().catch(() => undefined)));
    await this.browser.close();
    await this.t.close();
  }
}

/** axe-core (WCAG 2.2 A and AA rules) finds nothing on the page as it is now. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes
        .map((node) => node.target.join(' '))
        .join('\n  ')}`,
  );
  expect({ url: page.url(), violations: summary }).toEqual({ url: page.url(), violations: [] });
}

/** The page shows this heading as its one h1, focus is on it, and axe finds nothing. */
/**
 * axe finds nothing at either size, a phone first, then a laptop screen (with
 * `atEachSize` run at each, e.g. a screenshot); the page is left at phone size.
 */
export async function expectAccessibleAtBothSizes(
  page: Page,
  atEachSize?: (size: 'phone' | 'desktop') => Promise<void>,
): Promise<void> {
  for (const [size, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    await expectNoAxeViolations(page);
    await atEachSize?.(size);
  }
  await page.setViewportSize(PHONE);
}

/** At 320 CSS pixels (a 1280-pixel screen at 400% zoom) nothing needs scrolling sideways. */
export async function expectReflowAt320(page: Page): Promise<void> {
  await page.setViewportSize({ width: 320, height: 256 });
  const overflow = await page.evaluate(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
  expect(overflow).toBe(0);
}

export async function expectStep(page: Page, title: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
  await page.waitForFunction("document.activeElement?.tagName === 'H1'");
  await expectNoAxeViolations(page);
}

/** A small real picture, as a phone camera would hand over (only smaller). */
export function testPhoto(format: 'png' | 'jpeg'): Promise<Buffer> {
  return sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: 40, g: 120, b: 200 } },
  })
    .toFormat(format)
    .toBuffer();
}

import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/**
 * The Chromium the browser tests drive: CHROMIUM_PATH, else Debian's
 * /usr/bin/chromium, else a browser Playwright downloaded itself. Null when
 * there is none: the suite is then reported as skipped, never as passed, and
 * under CI (or REQUIRE_BROWSER=true) it fails instead.
 */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', playwrightsOwn()];
  return candidates.find((path): path is string => Boolean(path && existsSync(path))) ?? null;
}

function playwrightsOwn(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

export const BROWSER_REQUIRED = process.env.CI === 'true' || process.env.REQUIRE_BROWSER === 'true';

export const NO_CHROMIUM_MESSAGE = [
  '',
  '*** Browser tests SKIPPED: no Chromium found. ***',
  'Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or point CHROMIUM_PATH at one.',
  '',
].join('\n');

/** As root (CI containers) Chromium needs --no-sandbox; the rest keep it from calling home. */
export const CHROMIUM_ARGS = [
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

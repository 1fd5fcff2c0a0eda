import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp } from './support/test-app';

/** The API serves the built web app (npm run build writes dist/web; npm test builds first). */
const QUICK_EXIT = 'https://weather.example.org/today?city=boston&units=f';

describe('web app serving', () => {
  let t: TestApp;
  const assets = readdirSync(join(__dirname, '..', 'dist', 'web', 'assets'));
  const script = assets.find((name) => name.endsWith('.js'))!;

  beforeAll(async () => {
    t = await TestApp.start({ QUICK_EXIT_URL: QUICK_EXIT });
  });
  afterAll(() => t.close());

  it('answers / with the app, never cached, under a CSP without inline scripts', async () => {
    const response = await t.http.get('/').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.text).toContain('<div id="root"></div>');
    const csp = String(response.headers['content-security-policy']);
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1];
    expect(scriptSrc).toBe("'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('writes the installation\'s "Leave this site" address into the page, and never serves the bare file', async () => {
    const response = await t.http.get('/track').expect(200);
    expect(response.text).toContain(
      '<meta name="quick-exit-url" content="https://weather.example.org/today?city=boston&amp;units=f" />',
    );
    const bare = await t.http.get('/index.html');
    expect(bare.text).not.toContain('<meta name="quick-exit-url" content="" />');
  });

  it.each(['/report/MAPLE', '/track', '/cases/8f0f6a8e-64a8-4d3b-9c55-3a8f4f2a9a11', '/settings'])(
    'answers the app route %s with the app',
    async (path) => {
      const response = await t.http.get(path).expect(200);
      expect(response.text).toContain('<div id="root"></div>');
    },
  );

  it('caches the hashed files for good and serves them compressed', async () => {
    const response = await t.http
      .get(`/assets/${script}`)
      .set('accept-encoding', 'br, gzip')
      .expect(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-encoding']).toBe('br');
  });

  it('keeps JSON 404s for unknown API paths and answers /health as before', async () => {
    const missing = await t.http.get('/api/v1/no-such-thing').expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    await t.http.get('/api').expect(404);
    const health = await t.http.get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok' });
  });

  it('answers a missing hashed file with 404, not the app', async () => {
    const response = await t.http.get('/assets/index-gone.js').expect(404);
    expect(response.text).not.toContain('<div id="root"></div>');
  });

  it('does not serve files outside the web app', async () => {
    const response = await t.http.get('/../package.json');
    expect(response.text).not.toContain('"name": "safe-schools"');
  });
});

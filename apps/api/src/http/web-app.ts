import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Paths the web app never answers: unknown API routes keep their JSON 404. */
const SERVER_PATHS = /^\/(api|health)(\/|\?|$)/;

/** Vite names every file under assets/ by its content hash, so it can be cached for good. */
const FOREVER = 'public, max-age=31536000, immutable';

export function webAppBuilt(webDir: string): boolean {
  return existsSync(join(resolve(webDir), 'index.html'));
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The app's page with this installation's settings written into it. */
function pageWithSettings(root: string, settings: { quickExitUrl: string }): string {
  return readFileSync(join(root, 'index.html'), 'utf8').replace(
    '<meta name="quick-exit-url" content="" />',
    `<meta name="quick-exit-url" content="${escapeAttribute(settings.quickExitUrl)}" />`,
  );
}

/**
 * Serves the built web app from the API process: its files, and its page
 * (never cached, so a new release is picked up at once, and carrying the
 * installation's settings) for every other non-API path, since the app routes
 * in the browser. Returns false when the app is not built.
 */
export async function serveWebApp(
  app: NestFastifyApplication,
  { webDir, quickExitUrl }: { webDir: string; quickExitUrl: string },
): Promise<boolean> {
  if (!webAppBuilt(webDir)) return false;
  const root = resolve(webDir);
  const page = pageWithSettings(root, { quickExitUrl });
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    // The page is served with its settings below, never as the bare file.
    allowedPath: (path) => !path.startsWith('/index.html'),
    preCompressed: true,
    cacheControl: false, // ours below, not send's max-age=0
    setHeaders: (response, path) => {
      response.setHeader('cache-control', path.includes('/assets/') ? FOREVER : 'no-cache');
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (request, reply) => {
      // Unknown API paths keep their JSON 404; a missing hashed file is a 404, not the app.
      if (SERVER_PATHS.test(request.url) || request.url.startsWith('/assets/')) {
        return reply.callNotFound();
      }
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page);
    });
  return true;
}

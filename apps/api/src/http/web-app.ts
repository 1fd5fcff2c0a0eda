import { existsSync } from 'node:fs';
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

/**
 * Serves the built web app from the API process: its files, and `index.html`
 * (never cached, so a new release is picked up at once) for every other
 * non-API path, since the app routes in the browser. Returns false when the
 * app is not built.
 */
export async function serveWebApp(app: NestFastifyApplication, webDir: string): Promise<boolean> {
  if (!webAppBuilt(webDir)) return false;
  const root = resolve(webDir);
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
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
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  return true;
}

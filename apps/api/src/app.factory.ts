import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@app/common';
import { QueryCounter } from '@app/database';
import { MAX_ATTACHMENT_BYTES } from '@app/incidents';
import { ApiModule } from './api.module';
import { rejectMalformedInput } from './http/malformed-input.hook';
import { setUpSwagger } from './http/swagger';
import { serveWebApp } from './http/web-app';
import { requestIdFor } from './logging/logger.options';
import { createValidationPipe } from './http/validation';

export const API_PREFIX = 'api/v1';

/** For the benchmark: how many SQL statements each request caused, in `x-query-count`. */
function countQueriesPerRequest(adapter: FastifyAdapter): void {
  const startedAt = new WeakMap<object, number>();
  adapter.getInstance().addHook('onRequest', (request, _reply, done) => {
    startedAt.set(request, QueryCounter.total);
    done();
  });
  adapter.getInstance().addHook('onSend', (request, reply, payload, done) => {
    void reply.header(
      'x-query-count',
      String(QueryCounter.total - (startedAt.get(request) ?? QueryCounter.total)),
    );
    done(null, payload);
  });
}

/**
 * Builds the HTTP application exactly as it runs in production; `main.ts` and
 * the end-to-end tests both start it from here.
 */
export async function createApiApp(
  config: AppConfig,
  databaseUrl: string,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    // Fastify's request id is what Nest hands to pino-http as `req.id`, so it
    // must be the echoed/validated x-request-id, not Fastify's `req-1`.
    requestIdHeader: false,
    genReqId: requestIdFor,
  });
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  rejectMalformedInput(adapter.getInstance());
  if (config.QUERY_COUNT_HEADER) countQueriesPerRequest(adapter);
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot({ config, databaseUrl }),
    adapter,
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'health', method: RequestMethod.GET }] });
  app.useGlobalPipes(createValidationPipe());
  await app.register(multipart, {
    // The largest file of any type: each type's own limit is counted as the file streams in.
    limits: {
      fileSize: Math.max(MAX_ATTACHMENT_BYTES, config.MAX_VIDEO_BYTES),
      files: 1,
      fields: 4,
      fieldSize: 256,
      parts: 5,
    },
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // No inline scripts: the web app and the Swagger UI load theirs from files.
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  const origins = config.CORS_ORIGINS.split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  if (origins.length > 0) {
    app.enableCors({
      origin: origins.includes('*') ? true : origins,
      exposedHeaders: ['x-request-id'],
    });
  }
  setUpSwagger(app, { ui: config.API_DOCS });
  await serveWebApp(app, { webDir: config.WEB_DIR, quickExitUrl: config.QUICK_EXIT_URL });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

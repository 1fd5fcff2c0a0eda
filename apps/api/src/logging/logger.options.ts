import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '@app/common';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';

const REQUEST_ID = /^[\w-]{8,64}$/;

/** The caller's `x-request-id` when it is a sane token, otherwise a fresh uuid. */
export function requestIdFor(req: Pick<IncomingMessage, 'headers'>): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * JSON logs with a request id. Requests are logged as method and path only:
 * no headers (tokens), no bodies (passwords, tracking codes), no client
 * address or user agent (anonymous reporters must stay anonymous).
 */
export function loggerOptions(config: AppConfig): Params {
  return {
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.LOG_LEVEL,
      // On Fastify the id is already set by the adapter (see app.factory.ts), which
      // pino-http reuses; this only runs where no framework id exists.
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const id = requestIdFor(req);
        res.setHeader('x-request-id', id);
        return id;
      },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customSuccessMessage: (req, res) => `${req.method} ${res.statusCode}`,
      customErrorMessage: (req, res) => `${req.method} ${res.statusCode}`,
      autoLogging: { ignore: (req) => req.url === '/health' },
    },
  };
}

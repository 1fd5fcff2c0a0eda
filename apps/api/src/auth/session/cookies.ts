import cookie from '@fastify/cookie';
import type { Provider } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/**
 * Cookie parsing (`request.cookies`) and `reply.setCookie`/`clearCookie`
 * (@fastify/cookie). Registering twice does nothing the second time.
 */
export async function registerCookies(fastify: FastifyInstance): Promise<void> {
  if (fastify.hasReplyDecorator('setCookie')) return;
  await fastify.register(cookie);
}

export const COOKIE_SUPPORT = Symbol('cookie support');

/**
 * Registers @fastify/cookie on the HTTP server while the modules are created,
 * before Nest declares the routes, so that its hooks apply to every route. An
 * application context without an HTTP server (the worker, a CLI) skips it.
 */
export const cookieSupport: Provider = {
  provide: COOKIE_SUPPORT,
  inject: [HttpAdapterHost],
  useFactory: async (host: HttpAdapterHost): Promise<boolean> => {
    const fastify = host.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return false;
    await registerCookies(fastify);
    return true;
  },
};

import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { crossSiteRefusal } from './same-origin';

const header = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value.join(',') : value;

/**
 * 403 for a request another site made: the cookie session is for the web app
 * served from this origin only. The own origin is the scheme and host the
 * request reached (behind a proxy, with TRUST_PROXY, the ones it forwarded).
 */
@Injectable()
export class SameOriginGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const refusal = crossSiteRefusal(
      {
        secFetchSite: header(request.headers['sec-fetch-site']),
        origin: header(request.headers.origin),
      },
      `${request.protocol}://${request.host}`,
    );
    if (refusal) throw new ForbiddenException(refusal);
    return true;
  }
}

import {
  Controller,
  Get,
  HttpException,
  HttpStatus,
  Req,
  Res,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Permission, scopeOf, type Principal } from '@app/identity';
import { LIVE_CATCH_UP, LiveEventsService, type LiveEventMessage } from '@app/notifications';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { RequirePermission } from '../auth/decorators/permission.decorator';
import { LiveHub } from './live-hub.service';

/** A comment line every so often, so that proxies and browsers keep an idle stream open. */
export const HEARTBEAT_MS = 20_000;
/** Streams one account may hold open on one API process (tabs, devices). */
export const STREAMS_PER_USER = 10;

const LAST_EVENT_ID = /^\d{1,18}$/;
/** A screen that stops reading: past this much unsent output its stream ends (it reconnects and catches up). */
const MAX_UNSENT_BYTES = 1024 * 1024;

/** The SSE frame of one event. */
export const sseFrame = (event: LiveEventMessage): string =>
  `id: ${event.id}\nevent: ${event.kind}\ndata: ${JSON.stringify(event)}\n\n`;

/** When the bearer token of the request expires (it was verified already), in ms. */
function tokenExpiry(request: FastifyRequest): number | undefined {
  const token = request.headers.authorization?.split(' ')[1];
  try {
    const claims = JSON.parse(Buffer.from(token?.split('.')[1] ?? '', 'base64url').toString()) as {
      exp?: unknown;
    };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

@ApiTags('live')
@ApiBearerAuth()
@Controller()
export class EventsController {
  private readonly perUser = new Map<string, number>();
  /** Between heartbeat comments (shortened by tests). */
  heartbeatMs = HEARTBEAT_MS;

  constructor(
    private readonly hub: LiveHub,
    private readonly events: LiveEventsService,
  ) {}

  @Get('events')
  @RequirePermission(Permission.LiveSubscribe)
  @ApiProduces('text/event-stream')
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: `The last event id received: the stream first sends what came after it (the last ${LIVE_CATCH_UP.hours} hours, at most ${LIVE_CATCH_UP.events} events).`,
  })
  @ApiOperation({
    summary: 'Server-sent events: queue changes and critical alerts of your schools, live',
    description:
      'Authenticate with the usual `Authorization: Bearer` header (read it with fetch streaming, not EventSource). ' +
      'Each event has an `id:` (increasing), an `event:` kind (`incident.filed`, `incident.triaged`, `incident.assigned`, ' +
      '`incident.status_changed`, `incident.severity_changed`, `alert.raised`, `alert.acknowledged`, `alert.escalated`) ' +
      'and `data:` JSON `{id, kind, schoolId, incidentId, payload, createdAt}` with ids and codes only, never case text. ' +
      `A comment line comes every ${HEARTBEAT_MS / 1000} s. The stream ends when the access token expires: reconnect with a fresh token and \`Last-Event-ID\`.`,
  })
  @ApiOkResponse({
    description: 'The event stream (`text/event-stream`)',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  async stream(
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (!this.hub.accepting) throw new ServiceUnavailableException('The server is restarting');
    const open = this.perUser.get(principal.id) ?? 0;
    if (open >= STREAMS_PER_USER) {
      throw new HttpException(
        `At most ${STREAMS_PER_USER} live streams per account; close another tab`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    this.perUser.set(principal.id, open + 1);
    const header = request.headers['last-event-id'];
    const lastEventId = typeof header === 'string' && LAST_EVENT_ID.test(header) ? header : null;
    const schoolIds = scopeOf(principal).schoolIds;

    reply.hijack();
    const raw = reply.raw;
    // The headers set by the app's hooks (helmet, x-request-id) still go out.
    raw.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-store, no-transform',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    raw.write(`retry: 2000\n: connected\n\n`);

    let ended = false;
    // Live events that arrive while the catch-up is read wait for it.
    let waiting: LiveEventMessage[] | null = lastEventId ? [] : null;
    const sent = new Set<string>();
    const write = (event: LiveEventMessage) => {
      if (ended || sent.has(event.id)) return;
      sent.add(event.id);
      if (sent.size > 1000) sent.clear();
      raw.write(sseFrame(event));
      if (raw.writableLength > MAX_UNSENT_BYTES) end();
    };
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      clearTimeout(expiry);
      unsubscribe();
      const left = (this.perUser.get(principal.id) ?? 1) - 1;
      if (left > 0) this.perUser.set(principal.id, left);
      else this.perUser.delete(principal.id);
      raw.end();
    };
    const unsubscribe = this.hub.subscribe({
      schoolIds,
      send: (event) => (waiting ? waiting.push(event) : write(event)),
      close: end,
    });
    const heartbeat = setInterval(() => raw.write(`: heartbeat\n\n`), this.heartbeatMs);
    const expiresAt = tokenExpiry(request);
    const expiry = expiresAt
      ? setTimeout(end, Math.max(0, Math.min(expiresAt - Date.now(), 2 ** 31 - 1)))
      : undefined;
    raw.on('close', end);
    raw.on('error', end);

    if (lastEventId) {
      try {
        for (const event of await this.events.since(schoolIds, lastEventId)) write(event);
      } catch {
        // The live events still come; the client reloads its lists when it reconnects anyway.
      }
      const queued = waiting ?? [];
      waiting = null;
      for (const event of queued) write(event);
    }
  }
}

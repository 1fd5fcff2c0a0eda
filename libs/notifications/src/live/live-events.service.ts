import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { LiveEventMessage } from './live-event-kinds';

/** How far back a reconnecting screen catches up, at most. */
export const LIVE_CATCH_UP = { hours: 24, events: 500 } as const;

interface LiveEventRow {
  id: string;
  kind: LiveEventMessage['kind'];
  school_id: string;
  incident_id: string | null;
  payload: Record<string, unknown>;
  created_at: Date | string;
}

export const liveEventMessage = (row: LiveEventRow): LiveEventMessage => ({
  id: String(row.id),
  kind: row.kind,
  schoolId: row.school_id,
  incidentId: row.incident_id,
  payload: row.payload ?? {},
  createdAt: new Date(row.created_at).toISOString(),
});

/** Reads the live events table back: catching up after a reconnect, and the daily cleanup. */
@Injectable()
export class LiveEventsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The events after `afterId` for these schools, oldest first: the last
   * `LIVE_CATCH_UP.hours` hours only, at most `LIVE_CATCH_UP.events` (the
   * newest ones when there are more).
   */
  async since(schoolIds: readonly string[], afterId: string): Promise<LiveEventMessage[]> {
    if (schoolIds.length === 0) return [];
    const rows = await this.dataSource.query<LiveEventRow[]>(
      `SELECT * FROM (
         SELECT id, kind, school_id, incident_id, payload, created_at FROM live_events
          WHERE school_id = ANY($1) AND id > $2
            AND created_at > now() - make_interval(hours => $3)
          ORDER BY id DESC LIMIT $4) AS recent
        ORDER BY id`,
      [schoolIds, afterId, LIVE_CATCH_UP.hours, LIVE_CATCH_UP.events],
    );
    return rows.map(liveEventMessage);
  }

  /** Every event after `afterId` (any school), for a process that lost its LISTEN connection. */
  async after(afterId: string, limit = 1000): Promise<LiveEventMessage[]> {
    const rows = await this.dataSource.query<LiveEventRow[]>(
      `SELECT id, kind, school_id, incident_id, payload, created_at FROM live_events
        WHERE id > $1 AND created_at > now() - make_interval(hours => $2)
        ORDER BY id LIMIT $3`,
      [afterId, LIVE_CATCH_UP.hours, limit],
    );
    return rows.map(liveEventMessage);
  }

  /** The newest id, where a process starts listening from. */
  async lastId(): Promise<string> {
    const [row] = await this.dataSource.query<{ id: string | null }[]>(
      `SELECT max(id)::text AS id FROM live_events`,
    );
    return row?.id ?? '0';
  }

  /** Deletes the events older than the catch-up window; returns how many. */
  async deleteOld(): Promise<number> {
    const result = await this.dataSource.query<[unknown[], number]>(
      `DELETE FROM live_events WHERE created_at < now() - make_interval(hours => $1)`,
      [LIVE_CATCH_UP.hours],
    );
    return Array.isArray(result) ? Number(result[1] ?? 0) : 0;
  }
}

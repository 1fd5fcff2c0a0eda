import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError } from '@app/common';
import {
  audienceColumns,
  audienceOf,
  incidentReach,
  Permission,
  PERMISSIONS,
  roleMay,
  type Audience,
  type Principal,
} from '@app/identity';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { Incident } from '../entities/incident.entity';

export interface IncidentInReach {
  incident: Incident;
  audience: Audience;
}

export interface IncidentRequest {
  principal: Principal;
  /** One of the incident permissions (those with `audiences` in `PERMISSIONS`). */
  permission: Permission;
  incidentId: string;
  manager?: EntityManager;
  /** Lock the incident row for the rest of the transaction. */
  lock?: boolean;
}

/**
 * Runs the access module's incident rules (`@app/identity`,
 * `access/incident-audience.ts`) against the incidents table. Anything outside
 * the caller's reach is a 404 with the same message as an id that does not exist.
 */
@Injectable()
export class IncidentAccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The incident and the caller's audience, when the permission is theirs on it; else a 404. */
  async require(request: IncidentRequest): Promise<IncidentInReach> {
    const { principal, permission, incidentId, lock = false } = request;
    const audiences = PERMISSIONS[permission].audiences;
    if (!audiences) throw new Error(`${permission} is not a permission on an incident`);
    if (!roleMay(principal, permission)) throw notFound();
    const manager = request.manager ?? this.dataSource.manager;
    const query = this.withAudience(
      manager.getRepository(Incident).createQueryBuilder('incident'),
      principal,
    ).where('incident.id = :incidentId', { incidentId });
    // Only the incident row: the audience subqueries read guardianships and parties.
    if (lock) query.setLock('pessimistic_write', undefined, ['incident']);
    const { entities, raw } = await query.getRawAndEntities<Record<string, unknown>>();
    const incident = entities[0];
    if (!incident) throw notFound();
    const audience = audienceOf(principal, raw[0]);
    if (!audience || !audiences.includes(audience.kind)) throw notFound();
    return { incident, audience };
  }

  /** Adds the caller's audience columns to a query on alias `incident`; read back with `audienceOf`. */
  withAudience<T extends SelectQueryBuilder<Incident>>(query: T, principal: Principal): T {
    const { columns, params } = audienceColumns(principal);
    for (const column of columns) query.addSelect(column.sql, column.alias);
    return query.setParameters(params);
  }

  /** The SQL condition (on alias `incident`) selecting the incidents a caller may list. */
  reach(principal: Principal): { sql: string; params: Record<string, unknown> } {
    return incidentReach(principal);
  }
}

const notFound = () => new NotFoundError('Incident not found');

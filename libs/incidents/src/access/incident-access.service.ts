import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@app/identity';
import { DataSource, EntityManager } from 'typeorm';
import { Incident } from '../entities/incident.entity';
import { decideAudience, isCaseworker, type Audience } from './audience';

export interface IncidentInReach {
  incident: Incident;
  audience: Audience;
}

/**
 * Record-level access to incidents. Anything outside the caller's reach is a
 * 404 with the same message as an id that does not exist.
 */
@Injectable()
export class IncidentAccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async require(
    principal: Principal,
    incidentId: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<IncidentInReach> {
    const query = manager
      .getRepository(Incident)
      .createQueryBuilder('incident')
      .where('incident.id = :incidentId', {
        incidentId,
      });
    if (lock) query.setLock('pessimistic_write');
    const incident = await query.getOne();
    if (!incident) throw notFound();
    // The school's caseworkers see everything: no need to look at parties or children.
    if (isCaseworker(principal) && principal.schoolIds.includes(incident.schoolId)) {
      return { incident, audience: { kind: 'staff' } };
    }
    // One after the other: inside a transaction both would share one connection.
    const targets = await manager.query<{ student_id: string }[]>(
      `SELECT student_id FROM incident_parties
        WHERE incident_id = $1 AND role = 'target' AND student_id IS NOT NULL`,
      [incidentId],
    );
    const children = await this.childrenOf(principal, manager);
    const audience = decideAudience(
      principal,
      { ...incident, targetStudentIds: targets.map((row) => row.student_id) },
      children,
    );
    if (!audience) throw notFound();
    return { incident, audience };
  }

  /** The SQL condition (on alias `incident`) selecting the incidents a caller may list. */
  reach(principal: Principal): { sql: string; params: Record<string, unknown> } {
    if (isCaseworker(principal)) {
      return {
        sql: '(incident.school_id = ANY(:reachSchools) OR incident.reporter_id = :reachUser)',
        params: { reachSchools: principal.schoolIds, reachUser: principal.id },
      };
    }
    if (principal.role === 'parent') {
      return {
        sql: `(incident.reporter_id = :reachUser
               OR incident.reporter_id IN (SELECT student_id FROM guardianships WHERE parent_id = :reachUser)
               OR incident.on_behalf_of_student_id IN (SELECT student_id FROM guardianships WHERE parent_id = :reachUser)
               OR EXISTS (SELECT 1 FROM incident_parties p
                           JOIN guardianships g ON g.student_id = p.student_id AND g.parent_id = :reachUser
                          WHERE p.incident_id = incident.id AND p.role = 'target'))`,
        params: { reachUser: principal.id },
      };
    }
    return { sql: 'incident.reporter_id = :reachUser', params: { reachUser: principal.id } };
  }

  async childrenOf(
    principal: Principal,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    if (principal.role !== 'parent') return [];
    const rows = await manager.query<{ student_id: string }[]>(
      'SELECT student_id FROM guardianships WHERE parent_id = $1',
      [principal.id],
    );
    return rows.map((row) => row.student_id);
  }
}

const notFound = () => new NotFoundException('Incident not found');

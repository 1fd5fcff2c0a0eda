import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@app/audit';
import type { Principal } from '@app/identity';
import type { PartyRole, Status, Severity, Category } from '@app/incidents';
import { DataSource } from 'typeorm';

export interface ChronologyEntry {
  incidentId: string;
  reference: string;
  roles: PartyRole[];
  status: Status;
  severity: Severity | null;
  category: Category;
  occurredAt: Date;
  createdAt: Date;
}

/** Every incident a student is linked to, for the staff of their school: patterns show up here. */
@Injectable()
export class ChronologyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async forStudent(principal: Principal, studentId: string): Promise<ChronologyEntry[]> {
    const [student] = await this.dataSource.query<{ school_id: string }[]>(
      `SELECT m.school_id FROM users u JOIN school_memberships m ON m.user_id = u.id
        WHERE u.id = $1 AND u.role = 'student' AND m.school_id = ANY($2)`,
      [studentId, principal.schoolIds],
    );
    if (!student) throw new NotFoundException('Student not found');
    return this.dataSource.transaction(async (manager) => {
      await this.audit.record(manager, {
        schoolId: student.school_id,
        actorId: principal.id,
        action: 'student.chronology_viewed',
        details: { studentId },
      });
      const rows = await manager.query<(Omit<ChronologyEntry, 'roles'> & { roles: PartyRole[] })[]>(
        `SELECT i.id AS "incidentId", i.reference, i.status, i.severity, i.category,
                i.occurred_at AS "occurredAt", i.created_at AS "createdAt",
                array_agg(DISTINCT p.role ORDER BY p.role) AS roles
           FROM incident_parties p JOIN incidents i ON i.id = p.incident_id
          WHERE p.student_id = $1 AND i.school_id = ANY($2)
          GROUP BY i.id
          ORDER BY i.occurred_at DESC, i.id DESC`,
        [studentId, principal.schoolIds],
      );
      return rows;
    });
  }
}

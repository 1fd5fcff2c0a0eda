import { Injectable } from '@nestjs/common';
import { DirectoryService, Permission, type Principal } from '@app/identity';
import { IncidentAccessService } from '@app/incidents';

export interface Assignee {
  id: string;
  displayName: string;
  role: string;
}

/** Whom a case may go to: the active counselors and administrators of its school. */
@Injectable()
export class AssigneesService {
  constructor(
    private readonly access: IncidentAccessService,
    private readonly directory: DirectoryService,
  ) {}

  async forIncident(principal: Principal, incidentId: string): Promise<Assignee[]> {
    const { incident } = await this.access.require({
      principal,
      permission: Permission.IncidentDecide,
      incidentId,
    });
    return this.directory.caseworkersOf(incident.schoolId);
  }
}

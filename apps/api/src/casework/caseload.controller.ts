import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ChronologyService,
  QueueService,
  type Caseload,
  type ChronologyEntry,
} from '@app/casework';
import type { Principal } from '@app/identity';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { Roles } from '../auth/decorators/roles.decorator';
import { UuidParam } from '../http/uuid-param.pipe';

@ApiTags('casework')
@ApiBearerAuth()
@Roles('counselor', 'school_admin')
@Controller()
export class CaseloadController {
  constructor(
    private readonly queue: QueueService,
    private readonly chronology: ChronologyService,
  ) {}

  @Get('caseload')
  @ApiOperation({
    summary:
      'Counts for your schools: open, by status, overdue, due soon (within DUE_SOON_HOURS, 24 by default), unassigned, critical',
  })
  caseload(@CurrentPrincipal() principal: Principal): Promise<Caseload> {
    return this.queue.caseload(principal);
  }

  @Get('students/:id/incidents')
  @ApiOperation({
    summary: 'Every incident a student of your school is linked to, with their role',
  })
  studentIncidents(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
  ): Promise<ChronologyEntry[]> {
    return this.chronology.forStudent(principal, id);
  }
}

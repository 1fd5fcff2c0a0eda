import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChronologyService, QueueService, type Chronology } from '@app/casework';
import { PageQueryDto } from '@app/common';
import { Permission, scopeOf, type Principal } from '@app/identity';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { RequirePermission } from '../auth/decorators/permission.decorator';
import { UuidParam } from '../http/uuid-param.pipe';
import { CaseloadDto } from './dto/caseload.dto';
import { StudentHistoryPageDto } from './dto/student-history.dto';

@ApiTags('casework')
@ApiBearerAuth()
@Controller()
export class CaseloadController {
  constructor(
    private readonly queue: QueueService,
    private readonly chronology: ChronologyService,
  ) {}

  @Get('caseload')
  @RequirePermission(Permission.CaseloadRead)
  @ApiOperation({
    summary:
      'Counts for your schools: open, by status, overdue, due soon (within DUE_SOON_HOURS, 24 by default), unassigned, critical',
  })
  @ApiOkResponse({ type: CaseloadDto })
  caseload(@CurrentPrincipal() principal: Principal): Promise<CaseloadDto> {
    return this.queue.caseload(scopeOf(principal), principal);
  }

  @Get('students/:id/incidents')
  @RequirePermission(Permission.StudentHistory)
  @ApiOperation({
    summary:
      'Every incident a student of your school is involved in, with their roles, newest occurrence first',
    description:
      'Involved: linked to the student record as a party, or the target of a report the student filed (or a parent or caseworker filed for them) that names no target. ' +
      'Pages of `?limit=` (default 20, max 100) with `?cursor=`; `repeat` counts the last 90 days of the whole history, whatever the page.',
  })
  @ApiOkResponse({ type: StudentHistoryPageDto })
  studentIncidents(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Chronology> {
    return this.chronology.forStudent(scopeOf(principal), principal, id, query);
  }
}

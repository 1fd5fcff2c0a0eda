import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from '@app/audit';
import { InvalidInputError } from '@app/common';
import { narrowScope, Permission, scopeOf, type Principal } from '@app/identity';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { RequirePermission } from '../auth/decorators/permission.decorator';
import { AuditPageDto } from './dto/audit.dto';
import { AuditQueryDto } from './dto/queries.dto';

@ApiTags('casework')
@ApiBearerAuth()
@RequirePermission(Permission.AuditRead)
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({
    summary: 'Who read or changed what in your school, newest first',
    description:
      'Filter by incident, actor, action or kind (read / change) and by days (`from`, `to`: the school’s days, both included).',
  })
  @ApiOkResponse({ type: AuditPageDto })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: AuditQueryDto,
  ): Promise<AuditPageDto> {
    if (query.from && query.to && query.from > query.to)
      throw new InvalidInputError('from must be a day before to, or the same day');
    const page = await this.audit.list(narrowScope(scopeOf(principal), query.schoolId), {
      incidentId: query.incidentId,
      actorId: query.actorId,
      actions: query.action,
      kind: query.kind,
      from: query.from,
      to: query.to,
      limit: query.limit,
      cursor: query.cursor,
    });
    return {
      items: page.items.map((entry) => ({
        id: entry.id,
        schoolId: entry.schoolId,
        incidentId: entry.incidentId,
        incidentReference: entry.incidentReference,
        actor: entry.actorId ? { id: entry.actorId, displayName: entry.actorName } : null,
        action: entry.action,
        requestId: entry.requestId,
        at: entry.at,
        details: entry.details,
      })),
      nextCursor: page.nextCursor,
    };
  }
}

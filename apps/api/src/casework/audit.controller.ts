import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from '@app/audit';
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
  @ApiOperation({ summary: 'Who read or changed what in your school, newest first' })
  @ApiOkResponse({ type: AuditPageDto })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: AuditQueryDto,
  ): Promise<AuditPageDto> {
    const page = await this.audit.list(narrowScope(scopeOf(principal), query.schoolId), {
      incidentId: query.incidentId,
      actorId: query.actorId,
      limit: query.limit,
      cursor: query.cursor,
    });
    return {
      items: page.items.map((entry) => ({
        id: entry.id,
        schoolId: entry.schoolId,
        incidentId: entry.incidentId,
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

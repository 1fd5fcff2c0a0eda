import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { QueueService } from '@app/casework';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Permission, roleMay, scopeOf, type Principal } from '@app/identity';
import { FilingService, IncidentViewsService } from '@app/incidents';
import {
  FamilyIncidentView,
  IncidentPageDto,
  InvolvedFamilyIncidentSummary,
  InvolvedFamilyIncidentView,
  OwnIncidentSummary,
  ReporterIncidentView,
  StaffIncidentSummary,
  StaffIncidentView,
  type IncidentView,
} from './dto/incident-views.dto';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { RequirePermission } from '../auth/decorators/permission.decorator';
import { UuidParam } from '../http/uuid-param.pipe';
import {
  CASEWORK_FILTERS,
  IncidentQueryDto,
  QueueCountsDto,
  QueueCountsQueryDto,
} from '../casework/dto/queries.dto';
import { withAllowedActions } from '../casework/staff-view';
import { CreateIncidentDto, FiledIncidentDto } from './dto/report.dto';
import {
  IDEMPOTENCY_KEY_HEADER,
  idempotencyOf,
  type RequestWithIdempotencyKey,
} from './idempotency-key';

@ApiTags('reports')
@ApiBearerAuth()
@ApiExtraModels(
  StaffIncidentView,
  ReporterIncidentView,
  FamilyIncidentView,
  InvolvedFamilyIncidentView,
  StaffIncidentSummary,
  OwnIncidentSummary,
  InvolvedFamilyIncidentSummary,
)
@Controller('incidents')
export class IncidentsController {
  constructor(
    private readonly filing: FilingService,
    private readonly views: IncidentViewsService,
    private readonly queue: QueueService,
  ) {}

  @Post()
  @RequirePermission(Permission.IncidentFile)
  @ApiOperation({
    summary: 'File a report',
    description:
      'Students for their school, parents for their child, staff for their school, counselors for a student. ' +
      'Retry safely with the same Idempotency-Key: the first answer comes back; another body with the key is a 422.',
  })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCreatedResponse({ type: FiledIncidentDto })
  file(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateIncidentDto,
    @Req() request: RequestWithIdempotencyKey,
  ): Promise<FiledIncidentDto> {
    return this.filing.file(
      principal,
      { ...body, occurredAt: new Date(body.occurredAt) },
      idempotencyOf(request),
    );
  }

  @Get()
  @RequirePermission(Permission.IncidentRead)
  @ApiOperation({
    summary: 'The incidents you may see: your reports, your family’s, or your schools’',
  })
  @ApiOkResponse({ type: IncidentPageDto })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: IncidentQueryDto,
  ): Promise<IncidentPageDto> {
    if (roleMay(principal, Permission.CaseQueue))
      return this.queue.list(scopeOf(principal), principal, query);
    const refused = CASEWORK_FILTERS.filter((filter) => query[filter] !== undefined);
    if (refused.length > 0) {
      throw new BadRequestException(
        `The filters ${refused.join(', ')} are for counselors and school administrators`,
      );
    }
    return this.views.list(principal, query.limit, query.cursor, query.status);
  }

  @Get('counts')
  @RequirePermission(Permission.CaseQueue)
  @ApiOperation({
    summary: 'How many cases each queue filter would show, the other filters applied',
    description:
      'Takes the filters of `GET /incidents` (without paging). `byStatus` ignores the status filter, `bySeverity` the severity filter, `overdue` the overdue filter, `unassigned` and `mine` the assignee filter: the number next to each choice is what choosing it would show.',
  })
  @ApiOkResponse({ type: QueueCountsDto })
  counts(
    @CurrentPrincipal() principal: Principal,
    @Query() query: QueueCountsQueryDto,
  ): Promise<QueueCountsDto> {
    return this.queue.counts(scopeOf(principal), principal, query);
  }

  @Get(':id')
  @RequirePermission(Permission.IncidentRead)
  @ApiOperation({
    summary:
      'One incident, in the view you are entitled to (staff, reporter, family, or involved_family for the parents of a linked aggressor or witness)',
  })
  @ApiOkResponse({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(StaffIncidentView) },
        { $ref: getSchemaPath(ReporterIncidentView) },
        { $ref: getSchemaPath(FamilyIncidentView) },
        { $ref: getSchemaPath(InvolvedFamilyIncidentView) },
      ],
    },
  })
  async detail(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
  ): Promise<IncidentView> {
    const view = await this.views.detail(principal, id);
    return view.view === 'staff' ? withAllowedActions(view) : view;
  }
}

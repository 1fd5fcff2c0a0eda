import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BulkReassignService } from '@app/casework';
import { Permission, type Principal } from '@app/identity';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { RequirePermission } from '../auth/decorators/permission.decorator';
import { UuidParam } from '../http/uuid-param.pipe';
import { ReassignCasesDto, ReassignResultView } from './dto/follow-ups.dto';

@ApiTags('administration')
@ApiBearerAuth()
@Controller('users')
export class ReassignCasesController {
  constructor(private readonly reassignments: BulkReassignService) {}

  @Post(':id/reassign-cases')
  @RequirePermission(Permission.CasesReassign)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Move every open case of a caseworker at one school (and their planned follow-ups) to another caseworker of that school, all at once',
    description:
      'For a caseworker who leaves. Each case gets its own `assigned` timeline event, audit row and notice to the new assignee. 422 when the new caseworker is not an active counselor or administrator of the school, or when `schoolId` is needed.',
  })
  @ApiOkResponse({ type: ReassignResultView })
  reassign(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Body() body: ReassignCasesDto,
  ): Promise<ReassignResultView> {
    return this.reassignments.reassign(principal, id, body);
  }
}

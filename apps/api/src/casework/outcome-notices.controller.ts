import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { OutcomeNoticesService } from '@app/casework';
import { Permission, type Principal } from '@app/identity';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { RequirePermission } from '../auth/decorators/permission.decorator';
import { UuidParam } from '../http/uuid-param.pipe';
import { InvolvedFamilyView, SendOutcomeNoticesDto } from './dto/outcome-notices.dto';

@ApiTags('casework')
@ApiBearerAuth()
@RequirePermission(Permission.IncidentDecide)
@Controller('incidents/:id/outcome-notices')
export class OutcomeNoticesController {
  constructor(private readonly notices: OutcomeNoticesService) {}

  @Get()
  @ApiOperation({
    summary: 'The involved families (guardians of each linked student) and whether each was told',
    description:
      'Targets’ families first, then aggressors’, then witnesses’. `notice` null: not sent an outcome notice yet.',
  })
  @ApiOkResponse({ type: [InvolvedFamilyView] })
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
  ): Promise<InvolvedFamilyView[]> {
    return this.notices.families(principal, id);
  }

  @Post()
  @ApiOperation({
    summary: 'Send each involved family its outcome notice',
    description:
      'Once the case is resolved, until it is closed. Each notice goes to the guardians of one linked student (in the app and by e-mail, in each guardian’s language), shows in that family’s view only, and is written on the timeline. Sending again to a family is a correction: they see the latest. 422 names every notice for a student not linked to the case or without a parent account. The reporter’s family keeps the summary given at resolve.',
  })
  @ApiCreatedResponse({ type: [InvolvedFamilyView] })
  @ApiConflictResponse({
    description: 'The case is not resolved (or is closed), or `version` is stale',
  })
  send(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Body() body: SendOutcomeNoticesDto,
  ): Promise<InvolvedFamilyView[]> {
    return this.notices.send(principal, id, body);
  }
}

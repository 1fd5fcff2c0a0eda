import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseGroupsService, RelatedSuggestionsService } from '@app/casework';
import { Permission, type Principal } from '@app/identity';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { RequirePermission } from '../auth/decorators/permission.decorator';
import { UuidParam } from '../http/uuid-param.pipe';
import {
  LinkRelatedDto,
  RelatedSuggestionsView,
  RelatedView,
  SetPrimaryDto,
  UnlinkRelatedDto,
} from './dto/related.dto';

const GROUP_RULES =
  'Staff only. Related reports of one school share one investigation: notes and interventions on any member show on every member’s staff view, and resolving the primary resolves every open member. Nothing about the group is ever shown to a reporter or a family. Reports out of reach: 404; of another school, or not open: 422.';

@ApiTags('casework')
@ApiBearerAuth()
@RequirePermission(Permission.IncidentDecide)
@Controller('incidents/:id')
export class RelatedController {
  constructor(
    private readonly groups: CaseGroupsService,
    private readonly suggestions: RelatedSuggestionsService,
  ) {}

  @Get('related')
  @ApiOperation({
    summary: 'The group of related reports this case is in',
    description: GROUP_RULES,
  })
  @ApiOkResponse({ type: RelatedView })
  related(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
  ): Promise<RelatedView> {
    return this.groups.related(principal, id);
  }

  @Post('related')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Link reports into this case’s group (created with this case as primary)',
    description: `${GROUP_RULES} A listed report already in another group brings its whole group along (the groups merge under this case’s primary). A timeline event and an audit entry on every case that joins and on the primary.`,
  })
  @ApiOkResponse({ type: RelatedView })
  link(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Body() body: LinkRelatedDto,
  ): Promise<RelatedView> {
    return this.groups.link(principal, id, body);
  }

  @Post('related/unlink')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Take a report out of this case’s group',
    description: `${GROUP_RULES} The primary leaves only by naming \`newPrimaryId\`, unless one report would be left: then the group is dissolved. Answers this case’s group afterwards.`,
  })
  @ApiOkResponse({ type: RelatedView })
  unlink(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Body() body: UnlinkRelatedDto,
  ): Promise<RelatedView> {
    return this.groups.unlink(principal, id, body);
  }

  @Patch('related')
  @ApiOperation({ summary: 'Make another open member the primary case', description: GROUP_RULES })
  @ApiOkResponse({ type: RelatedView })
  setPrimary(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Body() body: SetPrimaryDto,
  ): Promise<RelatedView> {
    return this.groups.setPrimary(principal, id, body.primaryIncidentId);
  }

  @Get('related-suggestions')
  @ApiOperation({
    summary: 'Likely related open reports of the same school, ranked, with the reasons',
    description:
      'Shared linked students, the same place, within 7 days, similar wording (pg_trgm). Reports already in this case’s group are left out.',
  })
  @ApiOkResponse({ type: RelatedSuggestionsView })
  async relatedSuggestions(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
  ): Promise<RelatedSuggestionsView> {
    return {
      items: await this.suggestions.suggestions(principal, id),
    };
  }
}

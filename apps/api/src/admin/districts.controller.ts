import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DistrictCrisisContactsService, Permission, type Principal } from '@app/identity';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { RequirePermission } from '../auth/decorators/permission.decorator';
import { UuidParam } from '../http/uuid-param.pipe';
import { DistrictCrisisContactsDto, DistrictCrisisContactsInputDto } from './dto/district.dto';

@ApiTags('administration')
@ApiBearerAuth()
@Controller('districts')
export class DistrictsController {
  constructor(private readonly contacts: DistrictCrisisContactsService) {}

  @Get(':id/crisis-contacts')
  @RequirePermission(Permission.DistrictCrisisContacts)
  @ApiOperation({
    summary: 'Your district’s crisis contacts (district administrators)',
    description:
      'Shown on the public page, in filing answers and in after-hours replies of each school of the district that lists none of its own.',
  })
  @ApiOkResponse({ type: DistrictCrisisContactsDto })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
  ): Promise<DistrictCrisisContactsDto> {
    return this.contacts.get(principal, id);
  }

  @Put(':id/crisis-contacts')
  @RequirePermission(Permission.DistrictCrisisContacts)
  @ApiOperation({ summary: 'Replace your district’s crisis contacts (district administrators)' })
  @ApiOkResponse({ type: DistrictCrisisContactsDto })
  replace(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Body() body: DistrictCrisisContactsInputDto,
  ): Promise<DistrictCrisisContactsDto> {
    return this.contacts.replace(principal, id, body.crisisContacts);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { SchoolCalendarService } from '@app/casework';
import { Permission, type Principal } from '@app/identity';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { RequirePermission } from '../auth/decorators/permission.decorator';
import { UuidParam } from '../http/uuid-param.pipe';
import {
  DayOffInputDto,
  DistrictDaysOffChangeDto,
  DistrictDaysOffDto,
  SchoolCalendarChangeDto,
  SchoolCalendarDto,
  SchoolYearInputDto,
} from './dto/calendar.dto';

const MOVES =
  'In the same transaction, the open cases whose deadline counting touches the changed days get their deadlines counted again (a `deadline_moved` entry on their timeline, shared with the family, and an audit entry); `movedCases` says how many.';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller()
export class CalendarController {
  constructor(private readonly calendars: SchoolCalendarService) {}

  @Get('schools/:id/calendar')
  @RequirePermission(Permission.SchoolCalendar)
  @ApiOperation({ summary: 'A school’s calendar: its year and its days off, the district’s too' })
  @ApiOkResponse({ type: SchoolCalendarDto })
  view(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
  ): Promise<SchoolCalendarDto> {
    return this.calendars.view(principal, id);
  }

  @Put('schools/:id/calendar/year')
  @RequirePermission(Permission.SchoolCalendar)
  @ApiOperation({ summary: 'Set the school year', description: MOVES })
  @ApiOkResponse({ type: SchoolCalendarChangeDto })
  setYear(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Body() body: SchoolYearInputDto,
  ): Promise<SchoolCalendarChangeDto> {
    return this.calendars.setYear(principal, id, body);
  }

  @Post('schools/:id/days-off')
  @RequirePermission(Permission.SchoolCalendar)
  @ApiOperation({
    summary: 'Add a day off (holiday, break, snow day) to a school',
    description: MOVES,
  })
  @ApiCreatedResponse({ type: SchoolCalendarChangeDto })
  addDayOff(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Body() body: DayOffInputDto,
  ): Promise<SchoolCalendarChangeDto> {
    return this.calendars.addDayOff(principal, id, body);
  }

  @Delete('schools/:id/days-off/:dayOffId')
  @RequirePermission(Permission.SchoolCalendar)
  @ApiOperation({
    summary: 'Remove a day off of a school (district-wide ones: 403)',
    description: MOVES,
  })
  @ApiOkResponse({ type: SchoolCalendarChangeDto })
  removeDayOff(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Param('dayOffId', UuidParam()) dayOffId: string,
  ): Promise<SchoolCalendarChangeDto> {
    return this.calendars.removeDayOff(principal, id, dayOffId);
  }

  @Get('districts/:id/days-off')
  @RequirePermission(Permission.DistrictCalendar)
  @ApiOperation({ summary: 'The district-wide days off' })
  @ApiOkResponse({ type: DistrictDaysOffDto })
  districtDaysOff(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
  ): Promise<DistrictDaysOffDto> {
    return this.calendars.districtDaysOff(principal, id);
  }

  @Post('districts/:id/days-off')
  @RequirePermission(Permission.DistrictCalendar)
  @ApiOperation({ summary: 'Add a day off to every school of the district', description: MOVES })
  @ApiCreatedResponse({ type: DistrictDaysOffChangeDto })
  addDistrictDayOff(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Body() body: DayOffInputDto,
  ): Promise<DistrictDaysOffChangeDto> {
    return this.calendars.addDistrictDayOff(principal, id, body);
  }

  @Delete('districts/:id/days-off/:dayOffId')
  @HttpCode(200)
  @RequirePermission(Permission.DistrictCalendar)
  @ApiOperation({ summary: 'Remove a district-wide day off', description: MOVES })
  @ApiOkResponse({ type: DistrictDaysOffChangeDto })
  removeDistrictDayOff(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Param('dayOffId', UuidParam()) dayOffId: string,
  ): Promise<DistrictDaysOffChangeDto> {
    return this.calendars.removeDistrictDayOff(principal, id, dayOffId);
  }
}

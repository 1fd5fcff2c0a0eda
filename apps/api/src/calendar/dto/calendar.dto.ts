import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { DAY_OFF_MAX_DAYS, DAY_OFF_NAME_MAX } from '@app/identity';
import { IsCalendarDate } from '../../http/calendar-date.validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class DayOffInputDto {
  @ApiProperty({ example: 'Snow day', minLength: 1, maxLength: DAY_OFF_NAME_MAX })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(DAY_OFF_NAME_MAX)
  name: string;

  @ApiProperty({
    example: '2026-12-14',
    format: 'date',
    description: 'First day off, in the school’s time zone',
  })
  @IsCalendarDate({ message: 'from must be a date written YYYY-MM-DD' })
  from: string;

  @ApiProperty({
    example: '2026-12-14',
    format: 'date',
    description: `Last day off (the same as from for one day); at most ${DAY_OFF_MAX_DAYS} days in all`,
  })
  @IsCalendarDate({ message: 'to must be a date written YYYY-MM-DD' })
  to: string;
}

export class SchoolYearInputDto {
  @ApiProperty({ example: '2026-09-02', format: 'date', description: 'First day of the year' })
  @IsCalendarDate({ message: 'startsOn must be a date written YYYY-MM-DD' })
  startsOn: string;

  @ApiProperty({ example: '2027-06-18', format: 'date', description: 'Last day of the year' })
  @IsCalendarDate({ message: 'endsOn must be a date written YYYY-MM-DD' })
  endsOn: string;

  @ApiPropertyOptional({
    example: '2027-09-01',
    format: 'date',
    nullable: true,
    type: String,
    description:
      'First day of the next year, once known: the days between endsOn and it are not school days',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsCalendarDate({ message: 'nextStartsOn must be a date written YYYY-MM-DD' })
  nextStartsOn?: string | null;
}

export class SchoolYearDto {
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) nextStartsOn: string | null;
}

export class DayOffDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Winter break' }) name: string;
  @ApiProperty({ format: 'date', description: 'First day off' }) from: string;
  @ApiProperty({ format: 'date', description: 'Last day off' }) to: string;
  @ApiProperty({
    description: 'Set by the district for all its schools (school admins cannot remove it)',
  })
  districtWide: boolean;
}

export class SchoolCalendarDto {
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty({ example: 'America/New_York' }) timeZone: string;
  @ApiProperty({ type: SchoolYearDto, nullable: true }) year: SchoolYearDto | null;
  @ApiProperty({ type: [DayOffDto], description: 'The school’s days off and its district’s' })
  daysOff: DayOffDto[];
  @ApiProperty({
    type: [String],
    description: 'The single days of the school’s holidays list (PATCH /schools/:id)',
  })
  holidays: string[];
}

export class SchoolCalendarChangeDto {
  @ApiProperty({ type: SchoolCalendarDto }) calendar: SchoolCalendarDto;
  @ApiProperty({ description: 'How many open cases had a deadline moved by the change' })
  movedCases: number;
}

export class DistrictDaysOffDto {
  @ApiProperty({ format: 'uuid' }) districtId: string;
  @ApiProperty({ type: [DayOffDto] }) daysOff: DayOffDto[];
}

export class DistrictDaysOffChangeDto {
  @ApiProperty({ type: DistrictDaysOffDto }) calendar: DistrictDaysOffDto;
  @ApiProperty({ description: 'How many open cases of the district had a deadline moved' })
  movedCases: number;
}

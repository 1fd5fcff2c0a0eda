import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsObject,
  IsString,
  IsTimeZone,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { SCHOOL_CODE_PATTERN, SCHOOL_CODE_RULE, type School } from '@app/identity';
import { IsCalendarDate } from '../../http/calendar-date.validator';
import { isPresent } from '../../http/validation';

export class DeadlinePolicyDto {
  @ApiProperty({
    minimum: 0,
    maximum: 60,
    default: 1,
    description: 'School days to start the investigation',
  })
  @IsInt()
  @Min(0)
  @Max(60)
  triageSchoolDays: number;

  @ApiProperty({ minimum: 1, maximum: 120, default: 10, description: 'School days to complete it' })
  @IsInt()
  @Min(1)
  @Max(120)
  resolveSchoolDays: number;
}

export class CreateSchoolDto {
  @ApiProperty({ example: 'Maple Ridge Middle School' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiProperty({
    example: 'MAPLE',
    description: 'Public code for anonymous reports: letters, digits, dashes',
  })
  @IsString()
  @Matches(SCHOOL_CODE_PATTERN, { message: SCHOOL_CODE_RULE })
  code: string;

  @ApiProperty({ example: 'America/New_York' })
  @IsString()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as America/New_York' })
  timeZone: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['2026-12-24'],
    description: 'Days without school',
  })
  @ValidateIf(isPresent)
  @IsArray()
  @ArrayMaxSize(366)
  @IsCalendarDate({ each: true })
  holidays?: string[];

  @ApiPropertyOptional({ type: DeadlinePolicyDto })
  @ValidateIf(isPresent)
  @IsObject()
  @ValidateNested()
  @Type(() => DeadlinePolicyDto)
  policy?: DeadlinePolicyDto;
}

/** Fields left out stay as they are; `null` is refused rather than written (every field is required). */
export class UpdateSchoolDto extends PartialType(CreateSchoolDto, { skipNullProperties: false }) {}

export class SchoolDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) districtId: string;
  @ApiProperty() name: string;
  @ApiProperty() code: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ type: [String] }) holidays: string[];
  @ApiProperty({ type: DeadlinePolicyDto }) policy: DeadlinePolicyDto;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static from(school: School): SchoolDto {
    return {
      id: school.id,
      districtId: school.districtId,
      name: school.name,
      code: school.code,
      timeZone: school.timeZone,
      holidays: school.holidays,
      policy: {
        triageSchoolDays: school.triageSchoolDays,
        resolveSchoolDays: school.resolveSchoolDays,
      },
      createdAt: school.createdAt,
      updatedAt: school.updatedAt,
    };
  }
}

export class SchoolPageDto {
  @ApiProperty({ type: [SchoolDto] }) items: SchoolDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

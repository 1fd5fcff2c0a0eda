import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsTimeZone,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  CRISIS_CONTACT_HOURS_MAX,
  CRISIS_CONTACT_NAME_MAX,
  CRISIS_PHONE_PATTERN,
  CRISIS_PHONE_RULE,
  MAX_CRISIS_CONTACTS,
  MAX_SCHOOL_PLACES,
  SCHOOL_CODE_PATTERN,
  SCHOOL_PLACE_NAME_MAX,
  SCHOOL_CODE_RULE,
  type School,
} from '@app/identity';
import { LOCATIONS, type Location } from '@app/incidents';
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

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Someone to reach in a crisis, as an administrator enters it. */
export class CrisisContactDto {
  @ApiProperty({
    example: 'Maple Ridge counseling office',
    minLength: 1,
    maxLength: CRISIS_CONTACT_NAME_MAX,
  })
  @Transform(trim)
  @IsString()
  @Length(1, CRISIS_CONTACT_NAME_MAX)
  name: string;

  @ApiProperty({
    example: '555-0142',
    pattern: CRISIS_PHONE_PATTERN.source,
    description: '3 to 40 digits, spaces or + ( ) - . characters',
  })
  @Transform(trim)
  @IsString()
  @Matches(CRISIS_PHONE_PATTERN, { message: CRISIS_PHONE_RULE })
  phone: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'School days 7:30–3:30',
    maxLength: CRISIS_CONTACT_HOURS_MAX,
    description: 'When someone answers; empty or null: not said',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(CRISIS_CONTACT_HOURS_MAX)
  hours?: string | null;
}

/** Someone to reach in a crisis, as the school lists it. */
export class CrisisContactView {
  @ApiProperty({ example: 'Maple Ridge counseling office' }) name: string;
  @ApiProperty({ example: '555-0142' }) phone: string;
  @ApiProperty({ type: String, nullable: true, example: 'School days 7:30–3:30' })
  hours: string | null;
}

/** A named place of the school that the report form offers ("North stairwell", "Bus 12"). */
export class SchoolPlaceDto {
  @ApiProperty({ example: 'North stairwell', minLength: 1, maxLength: SCHOOL_PLACE_NAME_MAX })
  @Transform(trim)
  @IsString()
  @Length(1, SCHOOL_PLACE_NAME_MAX)
  name: string;

  @ApiProperty({
    enum: LOCATIONS,
    enumName: 'Location',
    example: 'hallway',
    description: 'The report’s location when this place is chosen; the name goes in locationDetail',
  })
  @IsIn(LOCATIONS)
  location: Location;
}

/** A named place as the school lists it (validated on the way in). */
export class SchoolPlaceView {
  @ApiProperty({ example: 'North stairwell' }) name: string;
  @ApiProperty({ enum: LOCATIONS, enumName: 'Location', example: 'hallway' }) location: string;
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

  @ApiPropertyOptional({
    type: [CrisisContactDto],
    maxItems: MAX_CRISIS_CONTACTS,
    description:
      'Whom to reach in a crisis, shown on the school’s public page; replaces the whole list',
  })
  @ValidateIf(isPresent)
  @IsArray()
  @ArrayMaxSize(MAX_CRISIS_CONTACTS)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CrisisContactDto)
  crisisContacts?: CrisisContactDto[];

  @ApiPropertyOptional({
    type: [SchoolPlaceDto],
    maxItems: MAX_SCHOOL_PLACES,
    description:
      'Named places the report form offers, names unique (case aside); replaces the whole list',
  })
  @ValidateIf(isPresent)
  @IsArray()
  @ArrayMaxSize(MAX_SCHOOL_PLACES)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SchoolPlaceDto)
  places?: SchoolPlaceDto[];
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
  @ApiProperty({ type: [CrisisContactView] }) crisisContacts: CrisisContactView[];
  @ApiProperty({ type: [SchoolPlaceView] }) places: SchoolPlaceView[];
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
      crisisContacts: school.crisisContacts.map(({ name, phone, hours }) => ({
        name,
        phone,
        hours: hours ?? null,
      })),
      places: school.places.map(({ name, location }) => ({ name, location })),
      createdAt: school.createdAt,
      updatedAt: school.updatedAt,
    };
  }
}

export class SchoolPageDto {
  @ApiProperty({ type: [SchoolDto] }) items: SchoolDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
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
  MAX_ON_CALL_CONTACTS,
  ON_CALL_EMAIL_MAX,
  ON_CALL_NAME_MAX,
  MAX_SCHOOL_PLACES,
  SCHOOL_CODE_PATTERN,
  SCHOOL_PLACE_NAME_MAX,
  SCHOOL_CODE_RULE,
  type School,
} from '@app/identity';
import { LOCATIONS, type Location } from '@app/incidents';
import { DEFAULT_SCHOOL_HOURS, SCHOOL_HOURS_PATTERN } from '@app/common';
import { IsCalendarDate } from '../../http/calendar-date.validator';
import { isPresent } from '../../http/validation';
import { IsAfterOpening } from './school-hours.validator';

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

const HH_MM_RULE = 'must be a time HH:MM (24-hour clock), e.g. 08:00';

/** When the school is staffed on its school days, local time in its time zone. */
export class SchoolHoursDto {
  @ApiProperty({ example: '08:00', pattern: SCHOOL_HOURS_PATTERN.source })
  @IsString()
  @Matches(SCHOOL_HOURS_PATTERN, { message: `opens ${HH_MM_RULE}` })
  opens: string;

  @ApiProperty({
    example: '15:30',
    pattern: SCHOOL_HOURS_PATTERN.source,
    description: 'After opens',
  })
  @IsString()
  @Matches(SCHOOL_HOURS_PATTERN, { message: `closes ${HH_MM_RULE}` })
  @IsAfterOpening()
  closes: string;
}

/** Someone to e-mail at once about a critical report while the school is closed. */
export class OnCallContactDto {
  @ApiProperty({ example: 'Dr. Rivera (principal)', minLength: 1, maxLength: ON_CALL_NAME_MAX })
  @Transform(trim)
  @IsString()
  @Length(1, ON_CALL_NAME_MAX)
  name: string;

  @ApiProperty({ example: 'on-call@maple.example.org', maxLength: ON_CALL_EMAIL_MAX })
  @Transform(trim)
  @IsString()
  @MaxLength(ON_CALL_EMAIL_MAX)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email: string;
}

export class OnCallContactView {
  @ApiProperty({ example: 'Dr. Rivera (principal)' }) name: string;
  @ApiProperty({ example: 'on-call@maple.example.org' }) email: string;
}

export class SchoolHoursView {
  @ApiProperty({ example: '08:00' }) opens: string;
  @ApiProperty({ example: '15:30' }) closes: string;
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

  @ApiPropertyOptional({
    type: SchoolHoursDto,
    description: `When the school is staffed on its school days, in its time zone (default ${DEFAULT_SCHOOL_HOURS.opens}-${DEFAULT_SCHOOL_HOURS.closes}); outside them reports and messages get the automatic reply`,
  })
  @ValidateIf(isPresent)
  @IsObject()
  @ValidateNested()
  @Type(() => SchoolHoursDto)
  schoolHours?: SchoolHoursDto;

  @ApiPropertyOptional({
    type: [OnCallContactDto],
    maxItems: MAX_ON_CALL_CONTACTS,
    description:
      'Whom to e-mail when a report becomes critical while the school is closed (addresses, not accounts); replaces the whole list',
  })
  @ValidateIf(isPresent)
  @IsArray()
  @ArrayMaxSize(MAX_ON_CALL_CONTACTS)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => OnCallContactDto)
  onCallContacts?: OnCallContactDto[];
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
  @ApiProperty({ type: SchoolHoursView }) schoolHours: SchoolHoursView;
  @ApiProperty({ type: [OnCallContactView] }) onCallContacts: OnCallContactView[];
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
      schoolHours: { opens: school.schoolHours.opens, closes: school.schoolHours.closes },
      onCallContacts: school.onCallContacts.map(({ name, email }) => ({ name, email })),
      createdAt: school.createdAt,
      updatedAt: school.updatedAt,
    };
  }
}

export class SchoolPageDto {
  @ApiProperty({ type: [SchoolDto] }) items: SchoolDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

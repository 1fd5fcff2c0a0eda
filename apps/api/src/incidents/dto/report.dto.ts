import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  CATEGORIES,
  LOCATIONS,
  PARTY_ROLES,
  SEVERITIES,
  type Category,
  type Location,
  type PartyRole,
  type Severity,
} from '@app/incidents';
import { IsRecentPastDateTime } from '../../http/past-date.validator';
import { isPresent } from '../../http/validation';
import { HelpView } from './help.dto';
import { SCHOOL_TIME_ZONE } from './incident-views.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 10_000;
export const MAX_PARTIES = 20;

/** A child involved, described by name (and, for staff, linked to a student record). */
export class PublicPartyDto {
  @ApiProperty({ enum: PARTY_ROLES, enumName: 'PartyRole' })
  @IsIn(PARTY_ROLES)
  role: PartyRole;

  @ApiProperty({ example: 'A boy in my class called Max', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @ValidateIf(isPresent)
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class PartyDto {
  @ApiProperty({ enum: PARTY_ROLES, enumName: 'PartyRole' })
  @IsIn(PARTY_ROLES)
  role: PartyRole;

  @ApiPropertyOptional({ format: 'uuid', description: 'Staff only: a student of the same school' })
  @ValidateIf(isPresent)
  @IsUUID('all')
  studentId?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Required when studentId is not given' })
  @ValidateIf((party: PartyDto) => party.name !== undefined || party.studentId === undefined)
  @Transform(trim)
  @IsString({ message: 'name is required when studentId is not given' })
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @ValidateIf(isPresent)
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  note?: string;
}

/** What every report says, whoever files it. */
export class ReportFieldsDto {
  @ApiProperty({ enum: CATEGORIES, enumName: 'Category' })
  @IsIn(CATEGORIES)
  category: Category;

  @ApiProperty({ enum: LOCATIONS, enumName: 'Location' })
  @IsIn(LOCATIONS)
  location: Location;

  @ApiPropertyOptional({ maxLength: 200, example: 'Table by the windows' })
  @ValidateIf(isPresent)
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  locationDetail?: string;

  @ApiProperty({
    example: '2026-11-20T12:15:00-05:00',
    description: 'With its offset; not in the future',
  })
  @IsRecentPastDateTime()
  occurredAt: string;

  @ApiPropertyOptional({ default: false, description: 'It is still happening' })
  @ValidateIf(isPresent)
  @IsBoolean()
  ongoing?: boolean;

  @ApiProperty({ minLength: DESCRIPTION_MIN, maxLength: DESCRIPTION_MAX })
  @Transform(trim)
  @IsString()
  @Length(DESCRIPTION_MIN, DESCRIPTION_MAX)
  description: string;

  @ApiPropertyOptional({
    default: false,
    description: 'Someone is in danger: alerts the school at once',
  })
  @ValidateIf(isPresent)
  @IsBoolean()
  urgent?: boolean;
}

export class CreateIncidentDto extends ReportFieldsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  schoolId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Parents (required) and counselors filing for a student',
  })
  @ValidateIf(isPresent)
  @IsUUID('all')
  onBehalfOfStudentId?: string;

  @ApiPropertyOptional({ type: [PartyDto], maxItems: MAX_PARTIES })
  @ValidateIf(isPresent)
  @IsArray()
  @ArrayMaxSize(MAX_PARTIES)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PartyDto)
  parties?: PartyDto[];
}

export class PublicReportDto extends ReportFieldsDto {
  @ApiProperty({ example: 'MAPLE', description: "The school's public code" })
  @IsString()
  @MinLength(1)
  @MaxLength(16)
  schoolCode: string;

  @ApiPropertyOptional({ type: [PublicPartyDto], maxItems: MAX_PARTIES })
  @ValidateIf(isPresent)
  @IsArray()
  @ArrayMaxSize(MAX_PARTIES)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PublicPartyDto)
  parties?: PublicPartyDto[];

  @ApiPropertyOptional({
    enum: ['en', 'es'],
    description:
      "The reporter's language, for the school's automatic replies in the thread (default en)",
  })
  @ValidateIf(isPresent)
  @IsIn(['en', 'es'])
  locale?: 'en' | 'es';
}

export class FiledIncidentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'MAPLE-2026-00042' }) reference: string;
  @ApiProperty({ enum: ['submitted'] }) status: string;
  @ApiProperty({
    enum: SEVERITIES,
    enumName: 'Severity',
    nullable: true,
    description: 'critical when escalated',
  })
  severity: Severity | null;
  @ApiProperty() triageDueAt: Date;
  @ApiProperty() resolveDueAt: Date;
  @ApiProperty(SCHOOL_TIME_ZONE) schoolTimeZone: string;
  @ApiProperty({ type: HelpView, description: 'Where to get help now' }) help: HelpView;
}

export class FiledAnonymousReportDto {
  @ApiProperty({ example: 'MAPLE-2026-00042' }) reference: string;
  @ApiProperty({
    example: 'K7QM-W3ZP-9HTC-NV4R-XE2D',
    description: 'Shown once and never again: keep it to follow the report',
  })
  trackingCode: string;
  @ApiProperty({ description: 'The school starts looking into the report by then' })
  triageDueAt: Date;
  @ApiProperty({ description: 'The school should have resolved the report by then' })
  resolveDueAt: Date;
  @ApiProperty(SCHOOL_TIME_ZONE) schoolTimeZone: string;
  @ApiProperty({ type: HelpView, description: 'Where to get help now' }) help: HelpView;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Length,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ACTION_TYPES,
  NOTE_VISIBILITIES,
  type ActionType,
  type NoteVisibility,
} from '@app/casework';
import {
  CATEGORIES,
  DISMISSAL_REASONS,
  OUTCOMES,
  SEVERITIES,
  type Category,
  type DismissalReason,
  type Outcome,
  type Severity,
} from '@app/incidents';
import { IsCalendarDate } from '../../http/calendar-date.validator';
import { IsRecentPastDateTime } from '../../http/past-date.validator';
import { isPresent } from '../../http/validation';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Every change states the version of the incident the caller read; a stale one is a 409. */
export class VersionedDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'The `version` of the incident as you read it',
  })
  @IsInt()
  @Min(1)
  version: number;
}

export class PartyLinkDto {
  @ApiProperty({ format: 'uuid', description: 'A party of this incident' })
  @IsUUID('all')
  partyId: string;

  @ApiProperty({ format: 'uuid', description: 'A student of the same school' })
  @IsUUID('all')
  studentId: string;
}

export class TriageDto extends VersionedDto {
  @ApiProperty({ enum: SEVERITIES, enumName: 'Severity' })
  @IsIn(SEVERITIES)
  severity: Severity;

  @ApiPropertyOptional({
    enum: CATEGORIES,
    enumName: 'Category',
    description: 'Correct the category',
  })
  @ValidateIf(isPresent)
  @IsIn(CATEGORIES)
  category?: Category;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A counselor or administrator of the school',
  })
  @ValidateIf(isPresent)
  @IsUUID('all')
  assigneeId?: string;

  @ApiPropertyOptional({
    type: [PartyLinkDto],
    description: 'Link named parties to student records',
  })
  @ValidateIf(isPresent)
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PartyLinkDto)
  partyLinks?: PartyLinkDto[];
}

export class AssignDto extends VersionedDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  assigneeId: string;
}

export const TRANSITION_ACTIONS = ['start', 'dismiss', 'close', 'reopen'] as const;

export class TransitionDto extends VersionedDto {
  @ApiProperty({ enum: TRANSITION_ACTIONS, enumName: 'TransitionAction' })
  @IsIn(TRANSITION_ACTIONS)
  action: (typeof TRANSITION_ACTIONS)[number];

  @ApiPropertyOptional({ maxLength: 2000, description: 'Required to dismiss or reopen' })
  @ValidateIf(isPresent)
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  reason?: string;

  @ApiPropertyOptional({
    enum: DISMISSAL_REASONS,
    enumName: 'DismissalReason',
    description: 'Dismiss only: recorded for statistics',
  })
  @ValidateIf(isPresent)
  @IsIn(DISMISSAL_REASONS)
  reasonCode?: DismissalReason;
}

export class ResolveDto extends VersionedDto {
  @ApiProperty({ enum: OUTCOMES, enumName: 'Outcome' })
  @IsIn(OUTCOMES)
  outcome: Outcome;

  @ApiProperty({ maxLength: 5000, description: 'Shared with the reporter and the family' })
  @Transform(trim)
  @IsString()
  @Length(1, 5000)
  summary: string;
}

export class NoteDto {
  @ApiProperty({ maxLength: 10000 })
  @Transform(trim)
  @IsString()
  @Length(1, 10_000)
  body: string;

  @ApiProperty({
    enum: NOTE_VISIBILITIES,
    enumName: 'Visibility',
    description: 'shared notes are shown to the reporter and the family',
  })
  @IsIn(NOTE_VISIBILITIES)
  visibility: NoteVisibility;
}

export class ActionDto {
  @ApiProperty({ enum: ACTION_TYPES, enumName: 'ActionType' })
  @IsIn(ACTION_TYPES)
  type: ActionType;

  @ApiProperty({ maxLength: 5000 })
  @Transform(trim)
  @IsString()
  @Length(1, 5000)
  description: string;

  @ApiPropertyOptional({
    example: '2026-11-24T10:00:00-05:00',
    description: 'When it was done; required unless `scheduledFor` plans it instead',
  })
  @ValidateIf((dto: ActionDto) => dto.scheduledFor === undefined || dto.takenAt !== undefined)
  @IsRecentPastDateTime()
  takenAt?: string;

  @ApiPropertyOptional({
    example: '2026-12-08',
    description:
      'Plans a follow-up for this day (YYYY-MM-DD, today or later in the school time zone) instead of recording one done; its owner is reminded that morning',
  })
  @ValidateIf(isPresent)
  @IsCalendarDate()
  @ValidateBy({
    name: 'withoutTakenAt',
    validator: {
      validate: (_value, args) => (args?.object as ActionDto).takenAt === undefined,
      defaultMessage: () =>
        'scheduledFor plans a follow-up: send it without takenAt (mark it done later)',
    },
  })
  scheduledFor?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Who carries out a planned follow-up: a counselor or administrator of the school; the caller when absent',
  })
  @ValidateIf(isPresent)
  @IsUUID()
  ownerId?: string;
}

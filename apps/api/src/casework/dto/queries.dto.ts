import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import type { AuditKind } from '@app/audit';
import { PageQueryDto } from '@app/common';
import { StatusCountsDto } from './caseload.dto';
import { IsCalendarDate } from '../../http/calendar-date.validator';
import {
  CATEGORIES,
  LOCATIONS,
  SEVERITIES,
  STATUSES,
  type Category,
  type Location,
  type Severity,
  type Status,
} from '@app/incidents';

const toLowerCase = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.toLowerCase() : value;
const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;
/** `?status=a&status=b` and `?status=a,b` alike: the distinct values, in order. */
const toList = ({ value }: { value: unknown }) => {
  const values = Array.isArray(value) ? (value as unknown[]) : [value];
  return [
    ...new Set(
      values.flatMap((v) => (typeof v === 'string' ? v.split(',').map((w) => w.trim()) : [v])),
    ),
  ];
};
const AUDIT_KINDS: readonly AuditKind[] = ['read', 'change'];
const ANY_OF = 'Any of these: repeat the parameter or separate the values with commas';

/** `GET /incidents` filters; all but `status` are for caseworkers. */
export class IncidentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: STATUSES,
    enumName: 'IncidentStatus',
    isArray: true,
    description: ANY_OF,
  })
  @IsOptional()
  @Transform(toList)
  @IsIn(STATUSES, { each: true })
  status?: Status[];

  @ApiPropertyOptional({
    enum: SEVERITIES,
    enumName: 'Severity',
    isArray: true,
    description: ANY_OF,
  })
  @IsOptional()
  @Transform(toList)
  @IsIn(SEVERITIES, { each: true })
  severity?: Severity[];

  @ApiPropertyOptional({
    enum: CATEGORIES,
    enumName: 'Category',
    isArray: true,
    description: ANY_OF,
  })
  @IsOptional()
  @Transform(toList)
  @IsIn(CATEGORIES, { each: true })
  category?: Category[];

  @ApiPropertyOptional({
    enum: LOCATIONS,
    enumName: 'Location',
    isArray: true,
    description: ANY_OF,
  })
  @IsOptional()
  @Transform(toList)
  @IsIn(LOCATIONS, { each: true })
  location?: Location[];

  @ApiPropertyOptional({
    description: '`me`, `none` or a user id (one of them); anything else is a 400',
  })
  @IsOptional()
  @Transform(toLowerCase)
  @Matches(/^(me|none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: 'assignee must be me, none or a user id',
  })
  assignee?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Only cases past their current deadline' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @Transform(toLowerCase)
  @IsUUID('all')
  schoolId?: string;

  @ApiPropertyOptional({ description: 'Words of the description, or the reference' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;
}

/** Filters only caseworkers may use: others could learn about what they cannot see. */
export const CASEWORK_FILTERS = [
  'severity',
  'category',
  'location',
  'assignee',
  'overdue',
  'schoolId',
  'q',
] as const;

/** `GET /incidents/counts`: the queue's filters, without paging. */
export class QueueCountsQueryDto extends OmitType(IncidentQueryDto, ['limit', 'cursor'] as const) {}

class SeverityCountsDto {
  @ApiProperty({ type: 'integer' }) low: number;
  @ApiProperty({ type: 'integer' }) medium: number;
  @ApiProperty({ type: 'integer' }) high: number;
  @ApiProperty({ type: 'integer' }) critical: number;
  @ApiProperty({ type: 'integer', description: 'Not triaged yet: no severity' }) none: number;
}

/** How many cases each choice of a filter would show, the other filters applied. */
export class QueueCountsDto {
  @ApiProperty({ type: 'integer', description: 'What all the filters show together' })
  total: number;
  @ApiProperty({ type: StatusCountsDto, description: 'Per status, ignoring the status filter' })
  byStatus: StatusCountsDto;
  @ApiProperty({
    type: SeverityCountsDto,
    description: 'Per severity, ignoring the severity filter',
  })
  bySeverity: SeverityCountsDto;
  @ApiProperty({
    type: 'integer',
    description: 'Past their current deadline, ignoring the overdue filter',
  })
  overdue: number;
  @ApiProperty({ type: 'integer', description: 'Nobody assigned, ignoring the assignee filter' })
  unassigned: number;
  @ApiProperty({ type: 'integer', description: 'Assigned to you, ignoring the assignee filter' })
  mine: number;
}

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    isArray: true,
    type: String,
    example: ['incident.viewed'],
    description: `Only these actions (e.g. incident.viewed, incident.triaged, note.added). ${ANY_OF}`,
  })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(20)
  @Matches(/^[a-z_]{1,30}\.[a-z_]{1,30}$/, {
    each: true,
    message: 'action must hold actions such as incident.viewed',
  })
  action?: string[];

  @ApiPropertyOptional({
    enum: AUDIT_KINDS,
    description: 'read: who looked at a case, its files or a student history; change: the rest',
  })
  @IsOptional()
  @IsIn(AUDIT_KINDS)
  kind?: AuditKind;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-12-01',
    description: 'From this day on (YYYY-MM-DD, the school’s day)',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-12-02',
    description: 'Up to and including this day (YYYY-MM-DD, the school’s day)',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  incidentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  actorId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  schoolId?: string;
}

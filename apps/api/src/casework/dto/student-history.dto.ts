import { ApiProperty } from '@nestjs/swagger';
import {
  ACTION_TYPES,
  type ActionType,
  type ChronologyEntry,
  type RepeatSummary,
} from '@app/casework';
import {
  CATEGORIES,
  PARTY_ROLES,
  SEVERITIES,
  STATUSES,
  type Category,
  type PartyRole,
  type Severity,
  type Status,
} from '@app/incidents';

export class ChronologyInterventionDto {
  @ApiProperty({ enum: ACTION_TYPES, enumName: 'ActionType' }) type: ActionType;
  @ApiProperty({ format: 'date-time' }) takenAt: string;
}

export class ChronologyEntryDto implements ChronologyEntry {
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty() reference: string;
  @ApiProperty({
    enum: PARTY_ROLES,
    enumName: 'PartyRole',
    isArray: true,
    description:
      'The student’s roles in it: as a linked party, or `target` of a report they (or a parent for them) filed naming no target',
  })
  roles: PartyRole[];
  @ApiProperty({ enum: STATUSES, enumName: 'IncidentStatus' }) status: Status;
  @ApiProperty({ enum: SEVERITIES, enumName: 'Severity', nullable: true })
  severity: Severity | null;
  @ApiProperty({ enum: CATEGORIES, enumName: 'Category' }) category: Category;
  @ApiProperty() occurredAt: Date;
  @ApiProperty() createdAt: Date;
  @ApiProperty({
    type: [ChronologyInterventionDto],
    description: 'What the school did about it, oldest first',
  })
  interventions: ChronologyInterventionDto[];
}

export class RepeatSummaryDto implements RepeatSummary {
  @ApiProperty({
    type: 'integer',
    example: 90,
    description: 'The window counted, in days before now',
  })
  windowDays: number;
  @ApiProperty({
    type: 'integer',
    description: 'Incidents of the window with the student as a target',
  })
  incidentsAsTarget: number;
  @ApiProperty({
    type: 'integer',
    description: 'Incidents of the window with the student as an aggressor',
  })
  incidentsAsAggressor: number;
  @ApiProperty({ description: 'A target in more than one incident of the window' })
  repeatTarget: boolean;
  @ApiProperty({ description: 'An aggressor in more than one incident of the window' })
  repeatAggressor: boolean;
}

/** A page of a student's history, with the repeat flags of the whole history (not of the page). */
export class StudentHistoryPageDto {
  @ApiProperty({ type: [ChronologyEntryDto] }) items: ChronologyEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ type: RepeatSummaryDto }) repeat: RepeatSummaryDto;
}

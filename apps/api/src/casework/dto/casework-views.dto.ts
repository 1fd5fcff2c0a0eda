import { ApiProperty } from '@nestjs/swagger';
import {
  ACTION_TYPES,
  NOTE_VISIBILITIES,
  type ActionType,
  type NoteVisibility,
} from '@app/casework';
import { PersonRef } from '../../incidents/dto/incident-views.dto';

export class NoteView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTE_VISIBILITIES }) visibility: NoteVisibility;
  @ApiProperty() body: string;
  @ApiProperty({ type: PersonRef }) author: PersonRef;
  @ApiProperty() createdAt: Date;
}

export class ActionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ACTION_TYPES }) type: ActionType;
  @ApiProperty() description: string;
  @ApiProperty() takenAt: Date;
  @ApiProperty({ type: PersonRef }) recordedBy: PersonRef;
  @ApiProperty() createdAt: Date;
}

class CaseloadByStatusDto {
  @ApiProperty() submitted: number;
  @ApiProperty() triaged: number;
  @ApiProperty() investigating: number;
  @ApiProperty() resolved: number;
  @ApiProperty() closed: number;
  @ApiProperty() dismissed: number;
}

class AssignedToMeDto {
  @ApiProperty() open: number;
  @ApiProperty() overdue: number;
  @ApiProperty() dueSoon: number;
}

export class CaseloadDto {
  @ApiProperty({ description: 'Cases submitted, triaged or under investigation' }) open: number;
  @ApiProperty({ type: CaseloadByStatusDto }) byStatus: CaseloadByStatusDto;
  @ApiProperty({ description: 'Open cases past the deadline that matters now' }) overdue: number;
  @ApiProperty({ description: 'Open cases due within DUE_SOON_HOURS' }) dueSoon: number;
  @ApiProperty() unassigned: number;
  @ApiProperty({ description: 'Open cases of severity critical' }) critical: number;
  @ApiProperty({ type: AssignedToMeDto }) assignedToMe: AssignedToMeDto;
}

class AuditActorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true, description: 'null: the account is gone' })
  displayName: string | null;
}

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) incidentId: string | null;
  @ApiProperty({ type: AuditActorDto, nullable: true, description: 'null: the system' })
  actor: AuditActorDto | null;
  @ApiProperty({ example: 'incident.viewed' }) action: string;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty() at: Date;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto], description: 'Newest first' }) items: AuditEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTION_STATUSES,
  ACTION_TYPES,
  NOTE_VISIBILITIES,
  type ActionStatus,
  type ActionType,
  type NoteVisibility,
} from '@app/casework';
import { PersonRef } from '../../incidents/dto/incident-views.dto';

/** A note as added to a case. */
export class NoteView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTE_VISIBILITIES, enumName: 'Visibility' }) visibility: NoteVisibility;
  @ApiProperty() body: string;
  @ApiProperty({ type: PersonRef }) author: PersonRef;
  @ApiProperty() createdAt: Date;
}

/** An intervention as recorded on a case. */
export class ActionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ACTION_TYPES, enumName: 'ActionType' }) type: ActionType;
  @ApiProperty() description: string;
  @ApiPropertyOptional({
    enum: ACTION_STATUSES,
    enumName: 'ActionStatus',
    description: '`planned` for a follow-up planned with scheduledFor; absent when recorded done',
  })
  status?: ActionStatus;
  @ApiProperty({ type: Date, nullable: true, description: 'Null for a planned follow-up' })
  takenAt: Date | null;
  @ApiPropertyOptional({ example: '2026-12-08', description: 'Planned follow-ups only' })
  scheduledFor?: string;
  @ApiPropertyOptional({ type: PersonRef, description: 'Planned follow-ups only: who does it' })
  owner?: PersonRef;
  @ApiProperty({ type: PersonRef }) recordedBy: PersonRef;
  @ApiProperty() createdAt: Date;
}

/** Someone a case may be given to. */
export class AssigneeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ['counselor', 'school_admin'] }) role: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { ACTION_STATUSES, ACTION_TYPES, type ActionStatus, type ActionType } from '@app/casework';
import { PersonRef } from '../../incidents/dto/incident-views.dto';
import { IsRecentPastDateTime } from '../../http/past-date.validator';
import { isPresent } from '../../http/validation';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CompleteFollowUpDto {
  @ApiProperty({ example: '2026-12-08T10:00:00-05:00' })
  @IsRecentPastDateTime()
  takenAt: string;

  @ApiPropertyOptional({
    maxLength: 5000,
    description: 'What was done; the plan stays when absent',
  })
  @ValidateIf(isPresent)
  @Transform(trim)
  @IsString()
  @Length(1, 5000)
  description?: string;
}

export class CancelFollowUpDto {
  @ApiProperty({ maxLength: 1000 })
  @Transform(trim)
  @IsString()
  @Length(1, 1000)
  reason: string;
}

/** A planned intervention and what became of it. */
export class FollowUpView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ACTION_TYPES, enumName: 'ActionType' }) type: ActionType;
  @ApiProperty() description: string;
  @ApiProperty({ enum: ACTION_STATUSES, enumName: 'ActionStatus' }) status: ActionStatus;
  @ApiProperty({ example: '2026-12-08', description: 'The planned day, school time' })
  scheduledFor: string;
  @ApiProperty({ type: PersonRef }) owner: PersonRef;
  @ApiProperty({ type: Date, nullable: true }) takenAt: Date | null;
  @ApiProperty({ type: Date, nullable: true, description: 'When the owner was reminded' })
  remindedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) cancelledAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason: string | null;
  @ApiProperty({ type: PersonRef }) recordedBy: PersonRef;
  @ApiProperty() createdAt: Date;
}

export class ReassignCasesDto {
  @ApiProperty({
    format: 'uuid',
    description: 'An active counselor or administrator of the school',
  })
  @IsUUID()
  toUserId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Required when the person works at several schools within your reach',
  })
  @ValidateIf(isPresent)
  @IsUUID()
  schoolId?: string;

  @ApiProperty({ maxLength: 1000, example: 'Ms. Rivera left the school' })
  @Transform(trim)
  @IsString()
  @Length(1, 1000)
  reason: string;
}

export class ReassignedCaseView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
}

export class ReassignResultView {
  @ApiProperty({ description: 'How many open cases moved' }) moved: number;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty({ type: [ReassignedCaseView] }) cases: ReassignedCaseView[];
  @ApiProperty({ description: 'Planned follow-ups that changed owner' }) followUpsMoved: number;
}

import { ApiProperty } from '@nestjs/swagger';
import type { AlertView } from '@app/casework';
import { PersonRef } from '../../incidents/dto/incident-views.dto';

/** A critical report's alert to the school's counselors and administrators. */
export class AlertDto implements AlertView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty({ example: 'MAPLE-2026-00042', description: 'The case reference' })
  reference: string;
  @ApiProperty({ type: String, format: 'date-time' }) raisedAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  acknowledgedAt: Date | null;
  @ApiProperty({ type: PersonRef, nullable: true })
  acknowledgedBy: PersonRef | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'When the administrators of the school and the district were e-mailed because nobody acknowledged it within CRITICAL_ALERT_ESCALATION_MINUTES',
  })
  escalatedAt: Date | null;
}

export class AlertListDto {
  @ApiProperty({ type: [AlertDto], description: 'Oldest first, at most 100' })
  items: AlertDto[];
}

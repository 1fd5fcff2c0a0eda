import { ApiProperty } from '@nestjs/swagger';

/** The actor of an audit entry: their name, when the account is still known. */
export class AuditActorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true, description: 'null when the account is gone' })
  displayName: string | null;
}

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) incidentId: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'MAPLE-2026-0001',
    description: 'The reference of the incident, when the entry is about one',
  })
  incidentReference: string | null;
  @ApiProperty({
    type: AuditActorDto,
    nullable: true,
    description: 'null: the anonymous reporter or the system',
  })
  actor: AuditActorDto | null;
  @ApiProperty({ example: 'incident.viewed' }) action: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The x-request-id of the HTTP request it happened in; null outside one',
  })
  requestId: string | null;
  @ApiProperty() at: Date;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto], description: 'Newest first' }) items: AuditEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

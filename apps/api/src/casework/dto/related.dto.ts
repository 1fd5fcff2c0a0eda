import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  Length,
} from 'class-validator';
import {
  LOCATIONS,
  REPORTER_KINDS,
  STATUSES,
  type Location,
  type ReporterKind,
  type Status,
} from '@app/incidents';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class LinkRelatedDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: 100,
    description:
      'Open reports of the same school to join this case’s group (a report already in another group brings its whole group along)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  incidentIds: string[];

  @ApiPropertyOptional({ maxLength: 500, description: 'Why they belong together (staff only)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 500)
  reason?: string;
}

export class UnlinkRelatedDto {
  @ApiProperty({ format: 'uuid', description: 'The member leaving the group (may be this case)' })
  @IsUUID('all')
  incidentId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Required when the primary case leaves a group that keeps two or more members: the member that becomes primary',
  })
  @IsOptional()
  @IsUUID('all')
  newPrimaryId?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 500)
  reason?: string;
}

export class SetPrimaryDto {
  @ApiProperty({ format: 'uuid', description: 'An open member of the group' })
  @IsUUID('all')
  primaryIncidentId: string;
}

export class RelatedMemberView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty({ enum: STATUSES, enumName: 'Status' }) status: Status;
  @ApiProperty({ enum: REPORTER_KINDS, enumName: 'ReporterKind' }) reporterKind: ReporterKind;
  @ApiProperty({ enum: LOCATIONS, enumName: 'Location' }) location: Location;
  @ApiProperty() occurredAt: Date;
  @ApiProperty({ description: 'When it was filed' }) createdAt: Date;
  @ApiProperty({ description: 'The case that carries the investigation' }) primary: boolean;
}

export class RelatedView {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) groupId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) primaryIncidentId: string | null;
  @ApiProperty({ type: [RelatedMemberView], description: 'Primary first, then by filing time' })
  members: RelatedMemberView[];
}

export class RelatedReasons {
  @ApiProperty({ type: 'integer', description: 'Students linked to both reports' })
  sharedStudents: number;
  @ApiProperty() sameLocation: boolean;
  @ApiProperty({ description: 'Days between them (when it happened or was filed, the closer)' })
  daysApart: number;
  @ApiProperty({ description: 'Trigram similarity of the descriptions, 0 to 1' })
  textSimilarity: number;
}

export class RelatedSuggestionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty({ enum: STATUSES, enumName: 'Status' }) status: Status;
  @ApiProperty({ enum: REPORTER_KINDS, enumName: 'ReporterKind' }) reporterKind: ReporterKind;
  @ApiProperty({ enum: LOCATIONS, enumName: 'Location' }) location: Location;
  @ApiProperty() occurredAt: Date;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ description: 'In another group already: linking it merges the groups' })
  grouped: boolean;
  @ApiProperty({ description: '0 to 1, higher is more likely related' }) score: number;
  @ApiProperty({ type: RelatedReasons }) reasons: RelatedReasons;
}

export class RelatedSuggestionsView {
  @ApiProperty({ type: [RelatedSuggestionView], description: 'Best first, at most 50' })
  items: RelatedSuggestionView[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';
import { PARTY_ROLES, SEVERITIES, type PartyRole, type Severity } from '@app/incidents';
import { isPresent } from '../../http/validation';
import { VersionedDto } from './casework.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Left out: unchanged; `null`: cleared. */
const isSet = (_object: object, value: unknown): boolean => value !== undefined && value !== null;

/** Why the case is corrected: kept on the timeline and in the audit log. */
export class ReasonedDto extends VersionedDto {
  @ApiProperty({
    maxLength: 2000,
    description: 'Why: on the timeline (staff only) and in the audit log',
  })
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  reason: string;
}

export class AddPartyDto extends ReasonedDto {
  @ApiProperty({ enum: PARTY_ROLES, enumName: 'PartyRole' })
  @IsIn(PARTY_ROLES)
  role: PartyRole;

  @ApiPropertyOptional({ format: 'uuid', description: 'A student of the same school' })
  @ValidateIf(isPresent)
  @IsUUID('all')
  studentId?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Required when studentId is not given' })
  @ValidateIf((party: AddPartyDto) => party.name !== undefined || party.studentId === undefined)
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

export class ChangePartyDto extends ReasonedDto {
  @ApiPropertyOptional({ enum: PARTY_ROLES, enumName: 'PartyRole' })
  @ValidateIf(isPresent)
  @IsIn(PARTY_ROLES)
  role?: PartyRole;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A student of the same school; null unlinks the record (the party keeps its name)',
  })
  @ValidateIf(isSet)
  @IsUUID('all')
  studentId?: string | null;

  @ApiPropertyOptional({
    type: String,
    maxLength: 200,
    nullable: true,
    description: 'null clears it (a party keeps a student or a name: 422 otherwise)',
  })
  @ValidateIf(isSet)
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name?: string | null;

  @ApiPropertyOptional({
    type: String,
    maxLength: 1000,
    nullable: true,
    description: 'null clears it',
  })
  @ValidateIf(isSet)
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

export class RemovePartyDto extends ReasonedDto {}

export class SeverityDto extends ReasonedDto {
  @ApiProperty({ enum: SEVERITIES, enumName: 'Severity' })
  @IsIn(SEVERITIES)
  severity: Severity;
}

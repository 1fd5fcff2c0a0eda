import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Length,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { OUTCOME_NOTICE_MAX, PARTY_ROLES, type PartyRole } from '@app/incidents';
import { PersonRef } from '../../incidents/dto/incident-views.dto';
import { isPresent } from '../../http/validation';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The most families one request may tell. */
export const OUTCOME_NOTICES_PER_REQUEST = 50;

export class OutcomeNoticeDto {
  @ApiProperty({
    format: 'uuid',
    description: 'A student linked to the case: the notice goes to their guardians',
  })
  @IsUUID('all')
  studentId: string;

  @ApiProperty({
    maxLength: OUTCOME_NOTICE_MAX,
    description:
      'What this family may know of the outcome for their child (e.g. what was done, or what protects them). Never other children’s names',
  })
  @Transform(trim)
  @IsString()
  @Length(1, OUTCOME_NOTICE_MAX)
  summary: string;
}

export class SendOutcomeNoticesDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description: 'The `version` of the incident as you read it: 409 when it changed since',
  })
  @ValidateIf(isPresent)
  @IsInt()
  @Min(1)
  version?: number;

  @ApiProperty({ type: [OutcomeNoticeDto], minItems: 1, maxItems: OUTCOME_NOTICES_PER_REQUEST })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(OUTCOME_NOTICES_PER_REQUEST)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => OutcomeNoticeDto)
  notices: OutcomeNoticeDto[];
}

export class GuardianRef extends PersonRef {
  @ApiProperty({ enum: ['en', 'es'], description: 'The language their notices are written in' })
  locale: string;
}

export class SentOutcomeNotice {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() summary: string;
  @ApiProperty() sentAt: Date;
  @ApiProperty({ type: PersonRef, nullable: true }) sentBy: PersonRef | null;
}

/** One involved family: the guardians of one linked student, and whether they were told. */
export class InvolvedFamilyView {
  @ApiProperty({ type: PersonRef }) student: PersonRef;
  @ApiProperty({ enum: PARTY_ROLES, enumName: 'PartyRole', isArray: true })
  roles: PartyRole[];
  @ApiProperty({
    type: [GuardianRef],
    description: 'The parent accounts a notice reaches; empty: nobody can be told in the app',
  })
  guardians: GuardianRef[];
  @ApiProperty({
    type: SentOutcomeNotice,
    nullable: true,
    description: 'The latest outcome notice sent to this family; null: not told yet',
  })
  notice: SentOutcomeNotice | null;
  @ApiProperty({ type: 'integer', description: 'How many outcome notices this family was sent' })
  noticesSent: number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MessageView } from './incident-views.dto';
import { Transform } from 'class-transformer';
import { IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { isPresent } from '../../http/validation';

export const MESSAGE_MAX = 5_000;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class PostMessageDto {
  @ApiProperty({ maxLength: MESSAGE_MAX })
  @Transform(trim)
  @IsString()
  @Length(1, MESSAGE_MAX)
  body: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "Staff only: write in the family thread of this linked student (a target, an aggressor or a witness) instead of the reporter's",
  })
  @ValidateIf(isPresent)
  @IsUUID('all')
  familyOfStudentId?: string;
}

export class TrackingCodeDto {
  @ApiProperty({ example: 'K7QM-W3ZP-9HTC-NV4R-XE2D' })
  @IsString()
  @Length(1, 64)
  trackingCode: string;
}

export class AnonymousMessageDto extends TrackingCodeDto {
  @ApiProperty({ maxLength: MESSAGE_MAX })
  @Transform(trim)
  @IsString()
  @Length(1, MESSAGE_MAX)
  body: string;
}

export class MessagePageDto {
  @ApiProperty({ type: [MessageView], description: 'Oldest first' }) items: MessageView[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as ?cursor= for the next (newer) messages; null on the last page',
  })
  nextCursor: string | null;
}

import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { DANGER_CATEGORIES, DANGER_LANGUAGES } from '@app/incidents';
import { PersonRef } from '../../incidents/dto/incident-views.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class DangerTermInputDto {
  @ApiProperty({ enum: DANGER_LANGUAGES, enumName: 'DangerLanguage', example: 'en' })
  @IsIn(DANGER_LANGUAGES)
  language: (typeof DANGER_LANGUAGES)[number];

  @ApiProperty({ enum: DANGER_CATEGORIES, enumName: 'DangerCategory', example: 'threat' })
  @IsIn(DANGER_CATEGORIES)
  category: (typeof DANGER_CATEGORIES)[number];

  @ApiProperty({
    example: 'red sunrise',
    minLength: 3,
    maxLength: 100,
    description:
      'Words to look for, as people write them. Stored as the matcher reads it (lower case, no accents or punctuation); at least 3 letters.',
  })
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(100)
  phrase: string;
}

export class DangerTermDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) districtId: string;
  @ApiProperty({ enum: DANGER_LANGUAGES, enumName: 'DangerLanguage' })
  language: (typeof DANGER_LANGUAGES)[number];
  @ApiProperty({ enum: DANGER_CATEGORIES, enumName: 'DangerCategory' })
  category: (typeof DANGER_CATEGORIES)[number];
  @ApiProperty({ example: 'red sunrise', description: 'As the matcher reads it' })
  phrase: string;
  @ApiProperty({ type: PersonRef, nullable: true, description: 'null once that account is gone' })
  createdBy: PersonRef | null;
  @ApiProperty() createdAt: Date;
}

export class DangerTermListDto {
  @ApiProperty({ format: 'uuid' }) districtId: string;
  @ApiProperty({ type: [DangerTermDto], description: 'By language, category and phrase' })
  items: DangerTermDto[];
}

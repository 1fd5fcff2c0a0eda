import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ROLES, SUPPORTED_LOCALES, type Locale, type Role } from '@app/identity';
import { SchoolPlaceView } from '../../admin/dto/school.dto';
import { isPresent } from '../../http/validation';

class ProfileSchoolDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The public code, for the anonymous report page /report/:code' })
  code: string;
  @ApiProperty({
    example: 'America/New_York',
    description: 'Where the school’s deadlines fall and its days are counted',
  })
  timeZone: string;
  @ApiProperty({
    type: [SchoolPlaceView],
    description: 'Named places the report form offers for this school',
  })
  places: SchoolPlaceView[];
}

class ProfileChildDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) schoolId: string | null;
}

export class ProfileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role: Role;
  @ApiProperty({
    enum: SUPPORTED_LOCALES,
    enumName: 'Locale',
    description: 'The language of the app and of your notices',
  })
  locale: Locale;
  @ApiProperty({ type: [ProfileSchoolDto] }) schools: ProfileSchoolDto[];
  @ApiProperty({ type: [ProfileChildDto] }) children: ProfileChildDto[];
}

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** What you may change of your own account: send at least one field. */
export class UpdateProfileDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200, example: 'Sam Carter' })
  @ValidateIf(isPresent)
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ enum: SUPPORTED_LOCALES })
  @ValidateIf(isPresent)
  @IsIn(SUPPORTED_LOCALES)
  locale?: Locale;
}

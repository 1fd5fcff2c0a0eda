import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, ValidateNested } from 'class-validator';
import { MAX_CRISIS_CONTACTS } from '@app/identity';
import { CrisisContactDto, CrisisContactView } from './school.dto';

export class DistrictCrisisContactsInputDto {
  @ApiProperty({
    type: [CrisisContactDto],
    maxItems: MAX_CRISIS_CONTACTS,
    description: 'Replaces the whole list; an empty list removes them',
  })
  @IsArray()
  @ArrayMaxSize(MAX_CRISIS_CONTACTS)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CrisisContactDto)
  crisisContacts: CrisisContactDto[];
}

export class DistrictCrisisContactsDto {
  @ApiProperty({ format: 'uuid' }) districtId: string;
  @ApiProperty({
    type: [CrisisContactView],
    description: 'Shown for the district’s schools that list no crisis contacts of their own',
  })
  crisisContacts: CrisisContactView[];
}

import { ApiProperty } from '@nestjs/swagger';
import { CrisisContactView, SchoolPlaceView } from '../../admin/dto/school.dto';
import { HelpView } from './help.dto';

/** What an anonymous reporter sees of a school before reporting. */
export class PublicSchoolDto {
  @ApiProperty({ example: 'Maple Ridge Middle School' }) name: string;
  @ApiProperty({ example: 'MAPLE' }) code: string;
  @ApiProperty({
    type: [CrisisContactView],
    description: 'Whom to reach now when someone is in danger; may be empty',
  })
  crisisContacts: CrisisContactView[];
  @ApiProperty({
    type: [SchoolPlaceView],
    description: 'Named places of the school for the report form; may be empty',
  })
  places: SchoolPlaceView[];
  @ApiProperty({
    type: HelpView,
    description:
      'Where to get help now: the crisis contacts (the district’s when the school lists none), 911, 988, and the school’s hours',
  })
  help: HelpView;
}

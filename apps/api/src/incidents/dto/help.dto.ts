import { ApiProperty } from '@nestjs/swagger';
import { CrisisContactView } from '../../admin/dto/school.dto';

/** A national line; the web app words it (en, es) by its id. */
export class NationalLineView {
  @ApiProperty({
    enum: ['emergency', 'suicide_crisis_lifeline', 'crisis_text_line'],
    description:
      'emergency: 911; suicide_crisis_lifeline: 988; crisis_text_line: text HOME to 741741',
  })
  id: string;
  @ApiProperty({ example: '988', description: 'What to dial or text' }) number: string;
  @ApiProperty({ type: [String], enum: ['call', 'text'], example: ['call', 'text'] })
  ways: string[];
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'HOME',
    description: 'The word to text, when the line wants one',
  })
  keyword: string | null;
}

export class OpeningHoursView {
  @ApiProperty({ example: '08:00', description: 'Local time in timeZone, on school days' })
  opens: string;
  @ApiProperty({ example: '15:30' }) closes: string;
  @ApiProperty({ example: 'America/New_York' }) timeZone: string;
}

/** Where to get help now: on the public school page and in every filing answer. */
export class HelpView {
  @ApiProperty({
    type: [CrisisContactView],
    description: "The school's crisis contacts; its district's when the school lists none",
  })
  crisisContacts: CrisisContactView[];
  @ApiProperty({ enum: ['school', 'district', 'none'] }) crisisContactsFrom: string;
  @ApiProperty({ type: [NationalLineView], description: '911, 988 and the Crisis Text Line' })
  nationalLines: NationalLineView[];
  @ApiProperty({ type: OpeningHoursView }) schoolHours: OpeningHoursView;
  @ApiProperty({ description: 'Whether the school is within its hours on a school day now' })
  openNow: boolean;
  @ApiProperty({
    type: Date,
    nullable: true,
    description: 'While closed, when the school next opens; null while open',
  })
  nextOpensAt: Date | null;
}

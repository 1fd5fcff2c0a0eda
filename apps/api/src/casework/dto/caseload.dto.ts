import { ApiProperty } from '@nestjs/swagger';
import type { Caseload } from '@app/casework';
import type { Status } from '@app/incidents';

/** How many of your schools' cases are in each status. */
export class StatusCountsDto implements Record<Status, number> {
  @ApiProperty({ type: 'integer' }) submitted: number;
  @ApiProperty({ type: 'integer' }) triaged: number;
  @ApiProperty({ type: 'integer' }) investigating: number;
  @ApiProperty({ type: 'integer' }) resolved: number;
  @ApiProperty({ type: 'integer' }) closed: number;
  @ApiProperty({ type: 'integer' }) dismissed: number;
}

/** Your own open cases. */
export class AssignedToMeDto {
  @ApiProperty({ type: 'integer' }) open: number;
  @ApiProperty({ type: 'integer', description: 'Past their current deadline' }) overdue: number;
  @ApiProperty({ type: 'integer', description: 'Their current deadline is within DUE_SOON_HOURS' })
  dueSoon: number;
}

export class CaseloadDto implements Caseload {
  @ApiProperty({ type: 'integer', description: 'Cases still being worked' }) open: number;
  @ApiProperty({ type: StatusCountsDto }) byStatus: StatusCountsDto;
  @ApiProperty({ type: 'integer', description: 'Open cases past their current deadline' })
  overdue: number;
  @ApiProperty({
    type: 'integer',
    description: 'Open cases whose current deadline is within DUE_SOON_HOURS',
  })
  dueSoon: number;
  @ApiProperty({ type: 'integer', description: 'Open cases nobody is assigned to' })
  unassigned: number;
  @ApiProperty({ type: 'integer', description: 'Open cases of severity critical' })
  critical: number;
  @ApiProperty({ type: AssignedToMeDto }) assignedToMe: AssignedToMeDto;
}

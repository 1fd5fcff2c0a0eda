import { Module } from '@nestjs/common';
import { CaseworkModule } from '@app/casework';
import { CalendarController } from './calendar.controller';

/** The school calendar and the district-wide days off, for school and district administrators. */
@Module({
  imports: [CaseworkModule],
  controllers: [CalendarController],
})
export class CalendarHttpModule {}

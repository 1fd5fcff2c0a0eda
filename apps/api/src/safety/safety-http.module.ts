import { Module } from '@nestjs/common';
import { IncidentsModule } from '@app/incidents';
import { DangerTermsController } from './danger-terms.controller';

/** A district's own danger terms, for district administrators (school administrators read them). */
@Module({
  imports: [IncidentsModule],
  controllers: [DangerTermsController],
})
export class SafetyHttpModule {}

import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { CaseworkModule } from '@app/casework';
import { AuditController } from './audit.controller';
import { CaseloadController } from './caseload.controller';
import { CaseworkController } from './casework.controller';
import { OutcomeNoticesController } from './outcome-notices.controller';
import { PartiesController } from './parties.controller';
import { RelatedController } from './related.controller';
import { FollowUpsController } from './follow-ups.controller';
import { ReassignCasesController } from './reassign-cases.controller';

/** The counselor's and school admin's tools: decisions, notes, caseload, chronology, audit. */
@Module({
  imports: [CaseworkModule, AuditModule],
  controllers: [
    CaseworkController,
    PartiesController,
    CaseloadController,
    AuditController,
    OutcomeNoticesController,
    RelatedController,
    FollowUpsController,
    ReassignCasesController,
  ],
})
export class CaseworkHttpModule {}

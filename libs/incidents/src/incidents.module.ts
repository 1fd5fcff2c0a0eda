import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@app/common';
import { AuditModule } from '@app/audit';
import { IdentityModule } from '@app/identity';
import { FamilyNoticeRecorder } from '@app/notifications';
import { IncidentAccessService } from './access/incident-access.service';
import { AfterHoursReplies } from './after-hours/after-hours-replies';
import { HelpService } from './after-hours/help';
import { OnCallAlerts } from './after-hours/on-call-alerts';
import { AnonymousReportsService } from './anonymous/anonymous-reports.service';
import { RetryTrackingCodes } from './anonymous/retry-tracking-codes';
import { AttachmentStorage } from './attachments/attachment-storage';
import { AttachmentsService } from './attachments/attachments.service';
import { LocalDiskStorage } from './attachments/local-disk.storage';
import { incidentEntities } from './entities';
import { AnonymousFilingService } from './anonymous/anonymous-filing.service';
import { FilingService } from './filing/filing.service';
import { IncidentWriter } from './filing/incident-writer';
import { IdempotencyService } from './idempotency/idempotency.service';
import { DangerTermsService } from './escalation/danger-terms.service';
import { MessageEscalation } from './escalation/message-escalation';
import { MessagesService } from './messages/messages.service';
import { CaseRecorder } from './recording/case-recorder';
import { FamilyNoticeTimeline } from './recording/family-notice-timeline';
import { TargetFamilies } from './recording/target-families';
import { IncidentViewsService } from './views/incident-views.service';
import { OwnViewService } from './views/own-view.service';
import { StaffViewService } from './views/staff-view.service';

const services = [
  AnonymousReportsService,
  AttachmentsService,
  CaseRecorder,
  FilingService,
  AnonymousFilingService,
  IncidentWriter,
  IdempotencyService,
  IncidentAccessService,
  IncidentViewsService,
  OwnViewService,
  StaffViewService,
  MessagesService,
  TargetFamilies,
  HelpService,
  AfterHoursReplies,
  OnCallAlerts,
  DangerTermsService,
  MessageEscalation,
];

/** Reports: filing, anonymous intake, evidence, messages and who sees what. */
@Module({
  imports: [TypeOrmModule.forFeature(incidentEntities), IdentityModule, AuditModule],
  providers: [
    ...services,
    RetryTrackingCodes,
    {
      provide: AttachmentStorage,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalDiskStorage(join(config.DATA_DIR, 'uploads')),
    },
    { provide: FamilyNoticeRecorder, useClass: FamilyNoticeTimeline },
  ],
  exports: [...services, AttachmentStorage, FamilyNoticeRecorder],
})
export class IncidentsModule {}

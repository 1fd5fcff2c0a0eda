import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { CaseworkModule } from '@app/casework';
import { APP_CONFIG, type AppConfig } from '@app/common';
import { IncidentsModule } from '@app/incidents';
import { AnonymousThrottlerGuard } from './anonymous-throttler.guard';
import { AttachmentsController } from './attachments.controller';
import { HelpController } from './help.controller';
import { IncidentsController } from './incidents.controller';
import { MessagesController } from './messages.controller';
import { PublicReportsController } from './public-reports.controller';

/** Filing, viewing, messages and evidence; anonymous intake. */
@Module({
  imports: [
    IncidentsModule,
    CaseworkModule,
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      // Unnamed: a named throttler would answer `Retry-After-<name>` instead of `Retry-After`.
      useFactory: (config: AppConfig) => [
        { ttl: 60_000, limit: config.PUBLIC_RATE_LIMIT_PER_MINUTE },
      ],
    }),
  ],
  controllers: [
    IncidentsController,
    MessagesController,
    AttachmentsController,
    PublicReportsController,
    HelpController,
  ],
  providers: [AnonymousThrottlerGuard],
})
export class IncidentsHttpModule {}

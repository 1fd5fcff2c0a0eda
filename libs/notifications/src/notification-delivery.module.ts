import { join } from 'node:path';
import { DynamicModule, Module, type Type } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/common';
import { EmailSender } from './delivery/email-sender';
import { FileMailTransport, MailTransport, SmtpMailTransport } from './delivery/mail-transport';
import { OutboxDispatcher } from './delivery/outbox-dispatcher';
import { NotificationsModule } from './notifications.module';

/** Delivery, for the worker: outbox events to in-app notices and e-mails. */
@Module({})
export class NotificationDeliveryModule {
  /**
   * `timeline` is the module that exports the `FamilyNoticeRecorder`
   * (`IncidentsModule`): notices that reach a family go on the case timeline.
   */
  static register(timeline: Type<unknown> | DynamicModule): DynamicModule {
    return {
      module: NotificationDeliveryModule,
      imports: [NotificationsModule, timeline],
      providers: [
        OutboxDispatcher,
        EmailSender,
        {
          provide: MailTransport,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) =>
            config.SMTP_URL
              ? new SmtpMailTransport(config.SMTP_URL)
              : new FileMailTransport(join(config.DATA_DIR, 'mail')),
        },
      ],
      exports: [OutboxDispatcher, EmailSender, MailTransport],
    };
  }
}

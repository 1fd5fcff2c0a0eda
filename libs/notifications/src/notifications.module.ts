import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmailDelivery } from './entities/email-delivery.entity';
import { Notification } from './entities/notification.entity';
import { NotificationsService } from './inbox/notifications.service';
import { CriticalAlert } from './live/critical-alert.entity';
import { LiveEvent } from './live/live-event.entity';
import { LiveEventsService } from './live/live-events.service';
import { OutboxMessage } from './outbox/outbox-message.entity';

/** The outbox and inbox tables, and the inbox the API reads (business transactions queue notices with `outboxInsertSql`). */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      OutboxMessage,
      Notification,
      EmailDelivery,
      LiveEvent,
      CriticalAlert,
    ]),
  ],
  providers: [NotificationsService, LiveEventsService],
  exports: [NotificationsService, LiveEventsService],
})
export class NotificationsModule {}

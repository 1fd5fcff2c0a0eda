import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmailDelivery } from './entities/email-delivery.entity';
import { Notification } from './entities/notification.entity';
import { NotificationsService } from './inbox/notifications.service';
import { OutboxMessage } from './outbox/outbox-message.entity';
import { OutboxService } from './outbox/outbox.service';

/** The outbox (written by business transactions) and the in-app inbox (read by the API). */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage, Notification, EmailDelivery])],
  providers: [OutboxService, NotificationsService],
  exports: [OutboxService, NotificationsService],
})
export class NotificationsModule {}

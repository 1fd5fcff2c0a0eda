import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmailDelivery } from './entities/email-delivery.entity';
import { Notification } from './entities/notification.entity';
import { NotificationsService } from './inbox/notifications.service';
import { OutboxMessage } from './outbox/outbox-message.entity';

/** The outbox and inbox tables, and the inbox the API reads (business transactions queue notices with `outboxInsertSql`). */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage, Notification, EmailDelivery])],
  providers: [NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}

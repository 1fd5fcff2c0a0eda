import { EmailDelivery } from './entities/email-delivery.entity';
import { Notification } from './entities/notification.entity';
import { OutboxMessage } from './outbox/outbox-message.entity';

export * from './delivery/email-sender';
export * from './delivery/mail-transport';
export * from './delivery/outbox-dispatcher';
export * from './delivery/retry';
export * from './entities/email-delivery.entity';
export * from './entities/notification.entity';
export * from './inbox/notifications.service';
export * from './notification-delivery.module';
export * from './notice-types';
export * from './notifications.module';
export * from './outbox/outbox-message.entity';
export * from './templates/templates';

export const notificationEntities = [OutboxMessage, Notification, EmailDelivery];

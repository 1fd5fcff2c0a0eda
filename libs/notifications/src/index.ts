import { OutboxMessage } from './outbox/outbox-message.entity';

export * from './notifications.module';
export * from './outbox/outbox-message.entity';
export * from './outbox/outbox.service';

export const notificationEntities = [OutboxMessage];

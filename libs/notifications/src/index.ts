import { EmailDelivery } from './entities/email-delivery.entity';
import { Notification } from './entities/notification.entity';
import { CriticalAlert } from './live/critical-alert.entity';
import { LiveEvent } from './live/live-event.entity';
import { OutboxMessage } from './outbox/outbox-message.entity';

export { NOTICE_TYPES, type NoticeType } from './notice-types';
export type {
  CaseFacts,
  Notice,
  NoticePayloads,
  OutboxPayload,
  OutboxRecipient,
  AddressRecipient,
} from './outbox/notices';
export {
  addressedOutboxInsertSql,
  outboxInsertSql,
  type OutboxInsertContext,
} from './outbox/outbox-insert';
export {
  FamilyNoticeRecorder,
  type FamilyNotice,
  type FamilyRecipient,
} from './delivery/family-notice-recorder';
export { NotificationsModule } from './notifications.module';
export { NotificationsService, type NotificationView } from './inbox/notifications.service';
export { NotificationDeliveryModule } from './notification-delivery.module';
export { OutboxDispatcher } from './delivery/outbox-dispatcher';
export { EmailSender } from './delivery/email-sender';

/** The library's tables, for the migration CLI. */
export const notificationEntities = [
  OutboxMessage,
  Notification,
  EmailDelivery,
  LiveEvent,
  CriticalAlert,
];
export {
  LIVE_EVENT_KINDS,
  LIVE_EVENTS_CHANNEL,
  type LiveEventKind,
  type LiveEventMessage,
} from './live/live-event-kinds';
export { liveEventWrites, raisesCriticalAlert, type NamedWrite } from './live/live-events-sql';
export { LiveEventsService, LIVE_CATCH_UP, liveEventMessage } from './live/live-events.service';
export { CriticalAlert } from './live/critical-alert.entity';

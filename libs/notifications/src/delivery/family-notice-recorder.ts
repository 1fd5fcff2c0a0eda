import type { EntityManager } from 'typeorm';
import type { NoticeType } from '../notice-types';

/** A family member a notice reached, and how: in the app at once, by e-mail once sent. */
export interface FamilyRecipient {
  recipientId: string;
  recipientName: string;
  channels: ('in_app' | 'email')[];
}

/** A notice delivered in the app to the family members of a case. */
export interface FamilyNotice {
  outboxId: string;
  type: NoticeType;
  schoolId: string;
  incidentId: string;
  recipients: FamilyRecipient[];
}

/**
 * Where delivery reports that a notice reached a family, in the delivery's
 * transaction: the case timeline, which the incidents library keeps and
 * binds to this token (`IncidentsModule`). Delivery never writes case
 * records itself.
 */
export abstract class FamilyNoticeRecorder {
  /** The notice's in-app notices were written (once per notice). */
  abstract delivered(manager: EntityManager, notice: FamilyNotice): Promise<void>;

  /** One recipient's e-mail was sent. */
  abstract emailed(
    manager: EntityManager,
    delivery: { incidentId: string; outboxId: string; userId: string },
  ): Promise<void>;
}

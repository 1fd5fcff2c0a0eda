import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeCursor, NotFoundError, type Page, toPage } from '@app/common';
import { DataSource, IsNull } from 'typeorm';
import { Notification } from '../entities/notification.entity';
import type { NoticeType } from '../notice-types';

export interface NotificationView {
  id: string;
  type: NoticeType;
  incidentId: string | null;
  title: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
}

/** The caller's in-app notices. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(
    userId: string,
    unreadOnly: boolean,
    limit: number,
    cursor?: string,
  ): Promise<Page<NotificationView>> {
    const query = this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('notification')
      .where('notification.userId = :userId', { userId })
      .orderBy('notification.createdAt', 'DESC')
      .addOrderBy('notification.id', 'DESC')
      .take(limit + 1);
    if (unreadOnly) query.andWhere('notification.readAt IS NULL');
    if (cursor) {
      const [createdAt, id] = decodeCursor(cursor, 2);
      query.andWhere('(notification.createdAt, notification.id) < (:createdAt, :id)', {
        createdAt,
        id,
      });
    }
    return toPage(await query.getMany(), limit, view, (n) => [n.createdAt.toISOString(), n.id]);
  }

  async markRead(userId: string, id: string): Promise<void> {
    const notification = await this.dataSource
      .getRepository(Notification)
      .findOneBy({ id, userId });
    if (!notification) throw new NotFoundError('Notification not found');
    await this.dataSource
      .getRepository(Notification)
      .update({ id, userId, readAt: IsNull() }, { readAt: new Date() });
  }
}

const view = (notification: Notification): NotificationView => ({
  id: notification.id,
  type: notification.type,
  incidentId: notification.incidentId,
  title: notification.title,
  body: notification.body,
  createdAt: notification.createdAt,
  readAt: notification.readAt,
});

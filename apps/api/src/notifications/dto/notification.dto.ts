import { ApiProperty } from '@nestjs/swagger';
import { NOTICE_TYPES, type NoticeType } from '@app/notifications';

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    enum: NOTICE_TYPES,
    description: 'Named after the case timeline event the notice announces',
  })
  type: NoticeType;
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) incidentId: string | null;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) readAt: Date | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto], description: 'Newest first' }) items: NotificationDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

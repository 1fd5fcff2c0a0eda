import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQueryDto } from '@app/common';
import { Permission, type Principal } from '@app/identity';
import { NotificationsService } from '@app/notifications';
import { RequirePermission } from '../auth/decorators/permission.decorator';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { UuidParam } from '../http/uuid-param.pipe';
import { NotificationPageDto } from './dto/notification.dto';

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Only notices not yet read' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;
}

@ApiTags('notifications')
@ApiBearerAuth()
@RequirePermission(Permission.AccountOwn)
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'Your in-app notices, newest first' })
  @ApiOkResponse({ type: NotificationPageDto })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: NotificationQueryDto,
  ): Promise<NotificationPageDto> {
    return this.notifications.list(principal.id, query.unread ?? false, query.limit, query.cursor);
  }

  @Post(':id/read')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Mark a notice read' })
  @ApiNoContentResponse({ description: 'Read' })
  async markRead(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
  ): Promise<void> {
    await this.notifications.markRead(principal.id, id);
  }
}

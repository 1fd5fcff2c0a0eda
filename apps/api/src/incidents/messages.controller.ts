import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { PageQueryDto } from '@app/common';
import { Permission, type Principal } from '@app/identity';
import { MessagesService } from '@app/incidents';
import { MessageView } from './dto/incident-views.dto';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { RequirePermission } from '../auth/decorators/permission.decorator';
import { UuidParam } from '../http/uuid-param.pipe';
import { MessagePageDto, PostMessageDto } from './dto/message.dto';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('incidents/:id/messages')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get()
  @RequirePermission(Permission.IncidentRead)
  @ApiOperation({
    summary: 'Your thread with the school about this incident (staff: every thread)',
    description:
      'Oldest first, as a conversation reads; `nextCursor` leads to the newer messages and is ' +
      'null on the last page.',
  })
  @ApiOkResponse({ type: MessagePageDto })
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Query() query: PageQueryDto,
  ): Promise<MessagePageDto> {
    return this.messages.list(principal, id, query.limit, query.cursor);
  }

  @Post()
  @RequirePermission(Permission.IncidentMessage)
  @ApiOperation({ summary: 'Write to the school (families) or to a family (staff)' })
  @ApiCreatedResponse({ type: MessageView })
  @ApiConflictResponse({
    description:
      'The case is closed: it takes no new messages from anyone. The message says how to raise a new concern: file a new report (POST /api/v1/incidents).',
  })
  @ApiCreatedResponse({ type: MessageView })
  post(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Body() body: PostMessageDto,
  ): Promise<MessageView> {
    return this.messages.post(principal, id, body.body, body.familyOfStudentId);
  }
}

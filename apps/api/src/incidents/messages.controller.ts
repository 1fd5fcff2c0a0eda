import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@app/identity';
import { MessagesService, MessageView } from '@app/incidents';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { Roles } from '../auth/decorators/roles.decorator';
import { UuidParam } from '../http/uuid-param.pipe';
import { PostMessageDto } from './dto/message.dto';
import { INCIDENT_ROLES } from './incidents.controller';

@ApiTags('reports')
@ApiBearerAuth()
@Roles(...INCIDENT_ROLES)
@Controller('incidents/:id/messages')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get()
  @ApiOperation({
    summary: 'Your thread with the school about this incident (staff: every thread)',
  })
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
  ): Promise<MessageView[]> {
    return this.messages.list(principal, id);
  }

  @Post()
  @ApiOperation({ summary: 'Write to the school (families) or to a family (staff)' })
  @ApiConflictResponse({
    description:
      'The case is closed: it takes no new messages from anyone. The message says how to raise a new concern: file a new report (POST /api/v1/incidents).',
  })
  post(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Body() body: PostMessageDto,
  ): Promise<MessageView> {
    return this.messages.post(principal, id, body.body, body.familyOfStudentId);
  }
}

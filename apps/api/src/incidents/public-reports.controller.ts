import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Req,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AnonymousFilingService,
  AnonymousReportsService,
  AttachmentsService,
} from '@app/incidents';
import { AnonymousReportStatusView, AttachmentView, MessageView } from './dto/incident-views.dto';
import type { FastifyRequest } from 'fastify';
import { Public } from '../auth/decorators/public.decorator';
import { AnonymousThrottlerGuard } from './anonymous-throttler.guard';
import { FILE_UPLOAD_BODY } from './attachments.controller';
import { AnonymousMessageDto, TrackingCodeDto } from './dto/message.dto';
import { PublicSchoolDto } from './dto/public-school.dto';
import { FiledAnonymousReportDto, PublicReportDto } from './dto/report.dto';
import {
  IDEMPOTENCY_KEY_HEADER,
  idempotencyOf,
  type RequestWithIdempotencyKey,
} from './idempotency-key';
import { readUploadedFile } from './multipart';

/**
 * Reporting without an account. The tracking code travels only in request
 * bodies, never in a URL; nothing about the reporter (address, browser,
 * account) is stored or logged.
 */
@ApiTags('anonymous reporting')
@Public()
@UseGuards(AnonymousThrottlerGuard)
@Controller('public')
export class PublicReportsController {
  constructor(
    private readonly anonymous: AnonymousReportsService,
    private readonly filing: AnonymousFilingService,
    private readonly attachments: AttachmentsService,
  ) {}

  @Get('schools/:code')
  @ApiOperation({
    summary: 'Check a school by its public code before reporting; with its crisis contacts',
  })
  @ApiOkResponse({ type: PublicSchoolDto })
  school(@Param('code') code: string): Promise<PublicSchoolDto> {
    return this.anonymous.school(code);
  }

  @Post('reports')
  @ApiOperation({
    summary: 'File an anonymous report; the tracking code in the answer is shown only once',
    description:
      'Retry safely with the same Idempotency-Key and the same body: the first answer comes back, ' +
      'tracking code included; another body with the key is a 422. Only the sender of the key and ' +
      'body can get that answer again: the key is stored as a hash and the code is not stored.',
  })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCreatedResponse({ type: FiledAnonymousReportDto })
  report(
    @Body() body: PublicReportDto,
    @Req() request: RequestWithIdempotencyKey,
  ): Promise<FiledAnonymousReportDto> {
    const { schoolCode, locale, ...report } = body;
    return this.filing.file(
      schoolCode,
      { ...report, occurredAt: new Date(report.occurredAt) },
      idempotencyOf(request),
      locale ?? null,
    );
  }

  @Post('reports/status')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Your report and its messages, by tracking code; 404 for an unknown code',
  })
  @ApiOkResponse({ type: AnonymousReportStatusView })
  status(@Body() body: TrackingCodeDto): Promise<AnonymousReportStatusView> {
    return this.anonymous.status(body.trackingCode);
  }

  @Post('reports/messages')
  @ApiOperation({ summary: 'Write to the school about your report' })
  @ApiCreatedResponse({ type: MessageView })
  @ApiConflictResponse({
    description:
      'The report is closed: it takes no new messages. The message says how to raise a new concern: file a new report (POST /api/v1/public/reports).',
  })
  @ApiCreatedResponse({ type: MessageView })
  message(@Body() body: AnonymousMessageDto): Promise<MessageView> {
    return this.anonymous.postMessage(body.trackingCode, body.body);
  }

  @Post('reports/attachments')
  @ApiOperation({
    summary: 'Add evidence to your report: send the field trackingCode before the field file',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      ...FILE_UPLOAD_BODY.schema,
      required: ['trackingCode', 'file'],
      properties: { trackingCode: { type: 'string' }, ...FILE_UPLOAD_BODY.schema.properties },
    },
  })
  @ApiCreatedResponse({ type: AttachmentView })
  async attach(@Req() request: FastifyRequest): Promise<AttachmentView> {
    const { file, fields } = await readUploadedFile(request);
    if (!fields.trackingCode) {
      file.content.resume();
      throw new BadRequestException('Send the field trackingCode before the field file');
    }
    const incident = await this.anonymous
      .incidentFor(fields.trackingCode)
      .catch((error: unknown) => {
        file.content.resume();
        throw error;
      });
    return this.attachments.attachAnonymous(incident, file);
  }
}

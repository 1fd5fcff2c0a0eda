import { Controller, Get, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Permission, type Principal } from '@app/identity';
import { AttachmentsService } from '@app/incidents';
import { AttachmentView } from './dto/incident-views.dto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { RequirePermission } from '../auth/decorators/permission.decorator';
import { UuidParam } from '../http/uuid-param.pipe';
import { readUploadedFile } from './multipart';

export const FILE_UPLOAD_BODY = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: {
        type: 'string',
        format: 'binary',
        description:
          'png, jpeg, webp, gif, heic/heif, pdf or txt up to 10 MB; mp4 or mov video up to MAX_VIDEO_BYTES (50 MB by default)',
      },
    },
  },
};

/** `attachment; filename="..."` with an ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

@ApiTags('reports')
@ApiBearerAuth()
@Controller()
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post('incidents/:id/attachments')
  @RequirePermission(Permission.IncidentAttach)
  @ApiOperation({
    summary:
      "Add evidence (type judged from the content; 413 over the type's limit, 415 for other types)",
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_UPLOAD_BODY)
  @ApiCreatedResponse({
    type: AttachmentView,
    description: 'Pictures are kept without their metadata: size is that of the kept file',
  })
  async attach(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Req() request: FastifyRequest,
  ): Promise<AttachmentView> {
    const { file } = await readUploadedFile(request);
    return this.attachments.attach(principal, id, file);
  }

  @Get('attachments/:id')
  @RequirePermission(Permission.EvidenceDownload)
  @ApiOperation({
    summary: 'Download evidence: staff any of their cases; others the files they added',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description:
      'The file as uploaded, with its own Content-Type and a Content-Disposition naming it',
    schema: { type: 'string', format: 'binary' },
  })
  async download(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.attachments.download(principal, id);
    void reply
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store');
    return new StreamableFile(file.content, {
      type: file.contentType === 'text/plain' ? 'text/plain; charset=utf-8' : file.contentType,
      length: file.size,
      disposition: contentDisposition(file.fileName),
    });
  }
}

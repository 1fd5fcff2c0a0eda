import {
  InvalidInputError,
  NotFoundError,
  RuleViolationError,
  TooLargeError,
  UnsupportedTypeError,
} from '@app/common';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Permission, reachesRecord, type Principal } from '@app/identity';
import { DataSource, EntityManager } from 'typeorm';
import { IncidentAccessService } from '../access/incident-access.service';
import { Attachment } from '../entities/attachment.entity';
import type { Incident } from '../entities/incident.entity';
import { CaseRecorder } from '../recording/case-recorder';
import type { AttachmentView } from '../views/incident.views';
import { AttachmentStorage } from './attachment-storage';
import { sanitiseFileName } from './file-name';
import { ALLOWED_CONTENT_TYPES, sniffContentType } from './file-type';
import { isImage, stripImageMetadata } from './strip-image-metadata';

const tooMany = () =>
  new RuleViolationError(`An incident holds at most ${MAX_ATTACHMENTS_PER_INCIDENT} files`);

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_INCIDENT = 25;

/** An uploaded file as the HTTP layer hands it over: a stream and what the client called it. */
export interface IncomingFile {
  fileName: string | undefined;
  content: Readable;
  /** True once the stream was cut at the size limit. */
  truncated: () => boolean;
}

export interface AttachmentDownload {
  fileName: string;
  contentType: string;
  size: number;
  content: Readable;
}

@Injectable()
export class AttachmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IncidentAccessService,
    private readonly storage: AttachmentStorage,
    private readonly recorder: CaseRecorder,
  ) {}

  async attach(
    principal: Principal,
    incidentId: string,
    file: IncomingFile,
  ): Promise<AttachmentView> {
    const { incident } = await this.access.require({
      principal,
      permission: Permission.IncidentAttach,
      incidentId,
    });
    return this.store(incident, principal.id, file);
  }

  /** For the anonymous reporter, whose incident was found by tracking code. */
  attachAnonymous(incident: Incident, file: IncomingFile): Promise<AttachmentView> {
    return this.store(incident, null, file);
  }

  /** Evidence, to those who reach it (`evidence.download` in the access module). */
  async download(principal: Principal, attachmentId: string): Promise<AttachmentDownload> {
    const attachment = await this.dataSource
      .getRepository(Attachment)
      .findOneBy({ id: attachmentId });
    if (!attachment) throw new NotFoundError('Attachment not found');
    const { incident, audience } = await this.access
      .require({
        principal,
        permission: Permission.EvidenceDownload,
        incidentId: attachment.incidentId,
      })
      .catch(() => {
        throw new NotFoundError('Attachment not found');
      });
    const reached = reachesRecord(
      Permission.EvidenceDownload,
      audience.kind,
      principal.id,
      attachment.uploadedById,
    );
    if (!reached) throw new NotFoundError('Attachment not found');
    if (audience.kind === 'staff') {
      await this.recorder.read(
        this.dataSource.manager,
        incident,
        principal.id,
        'attachment.downloaded',
        {
          attachmentId: attachment.id,
        },
      );
    }
    return {
      fileName: attachment.fileName,
      contentType: attachment.contentType,
      size: attachment.size,
      content: await this.storage.read(attachment.storageKey),
    };
  }

  private countFor(manager: EntityManager, incidentId: string): Promise<number> {
    return manager.getRepository(Attachment).countBy({ incidentId });
  }

  private async store(
    incident: Incident,
    uploaderId: string | null,
    file: IncomingFile,
  ): Promise<AttachmentView> {
    if (
      (await this.countFor(this.dataSource.manager, incident.id)) >= MAX_ATTACHMENTS_PER_INCIDENT
    ) {
      file.content.resume();
      throw tooMany();
    }
    // The whole upload is held in memory (at most MAX_ATTACHMENT_BYTES, cut by the multipart
    // limits) and checked there: only the bytes to keep are ever written, once. A picture's
    // metadata (a phone photo's GPS position, say) never reaches the storage, not even briefly.
    const received = await readAll(file.content);
    if (file.truncated()) {
      throw new TooLargeError(`Files may be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
    }
    const contentType = sniffContentType(received.subarray(0, SNIFFED_BYTES));
    if (!contentType) {
      throw new UnsupportedTypeError(
        `Only ${ALLOWED_CONTENT_TYPES.join(', ')} files are accepted (judged from the file's content)`,
      );
    }
    const kept = isImage(contentType) ? await stripImageMetadata(received, contentType) : received;
    const id = randomUUID();
    const storageKey = `${incident.schoolId}/${id}`;
    const stored = await this.storage.write(storageKey, Readable.from(kept));
    try {
      const attachment = await this.dataSource.transaction(async (manager) => {
        // Counted again under the incident's lock: uploads arriving together cannot pass the limit.
        await manager.query('SELECT 1 FROM incidents WHERE id = $1 FOR UPDATE', [incident.id]);
        if ((await this.countFor(manager, incident.id)) >= MAX_ATTACHMENTS_PER_INCIDENT)
          throw tooMany();
        const saved = await manager.getRepository(Attachment).save(
          manager.getRepository(Attachment).create({
            id,
            incidentId: incident.id,
            schoolId: incident.schoolId,
            uploadedById: uploaderId,
            fileName: sanitiseFileName(file.fileName),
            contentType,
            size: stored.size,
            sha256: stored.sha256,
            storageKey,
          }),
        );
        const details = {
          attachmentId: id,
          fileName: saved.fileName,
          contentType,
          size: stored.size,
        };
        await this.recorder.record(manager, {
          incident,
          actorId: uploaderId,
          event: { type: 'attachment_added', visibility: 'internal', data: details },
          audit: { action: 'attachment.added', details },
        });
        return saved;
      });
      return {
        id: attachment.id,
        fileName: attachment.fileName,
        contentType: attachment.contentType,
        size: attachment.size,
        uploadedAt: attachment.createdAt,
      };
    } catch (error) {
      await this.storage.remove(storageKey);
      throw error;
    }
  }
}

/** The file's type is judged from this many first bytes. */
const SNIFFED_BYTES = 4096;

const incomplete = () => new InvalidInputError('The upload ended before the file was complete');

/** The upload's bytes; a body cut off inside the file is the client's doing. */
async function readAll(content: Readable): Promise<Buffer> {
  if (content.destroyed) throw incomplete();
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of content) chunks.push(chunk as Buffer);
  } catch (error) {
    throw (error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE'
      ? incomplete()
      : error;
  }
  return Buffer.concat(chunks);
}

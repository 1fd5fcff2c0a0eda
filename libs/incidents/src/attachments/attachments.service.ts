import {
  APP_CONFIG,
  type AppConfig,
  InvalidInputError,
  NotFoundError,
  RuleViolationError,
  TooLargeError,
  UnsupportedTypeError,
} from '@app/common';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Permission, reachesRecord, type Principal } from '@app/identity';
import { DataSource, EntityManager } from 'typeorm';
import { IncidentAccessService } from '../access/incident-access.service';
import { Attachment } from '../entities/attachment.entity';
import type { Incident } from '../entities/incident.entity';
import { CaseRecorder } from '../recording/case-recorder';
import type { AttachmentView } from '../views/incident.views';
import { AttachmentStorage, type StoredObject } from './attachment-storage';
import { sanitiseFileName } from './file-name';
import {
  ALLOWED_CONTENT_TYPES,
  type EvidenceContentType,
  isVideo,
  sniffContentType,
} from './file-type';
import { blankHeifMetadata } from './strip-heif-metadata';
import { isImage, stripImageMetadata } from './strip-image-metadata';

const tooMany = () =>
  new RuleViolationError(`An incident holds at most ${MAX_ATTACHMENTS_PER_INCIDENT} files`);

/** The largest picture, PDF or text file; videos have their own limit (`MAX_VIDEO_BYTES`). */
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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
    const upload = new Upload(file.content);
    const id = randomUUID();
    const storageKey = `${incident.schoolId}/${id}`;
    let contentType: EvidenceContentType;
    let stored: StoredObject;
    try {
      const head = await upload.head(SNIFFED_BYTES);
      const sniffed = sniffContentType(head);
      if (!sniffed) {
        throw new UnsupportedTypeError(
          `Only ${ALLOWED_CONTENT_TYPES.join(', ')} files are accepted (judged from the file's content)`,
        );
      }
      contentType = sniffed;
      const limit = isVideo(contentType) ? this.config.MAX_VIDEO_BYTES : MAX_ATTACHMENT_BYTES;
      if (isImage(contentType)) {
        // A picture is decoded whole to drop its metadata (a phone photo's GPS position, say),
        // so it is held in memory (at most MAX_ATTACHMENT_BYTES): only the kept bytes are written.
        const received = await upload.readAll(limit);
        stored = await this.storage.write(
          storageKey,
          Readable.from([await stripImageMetadata(received, contentType)]),
        );
      } else if (contentType === 'image/heic' || contentType === 'image/heif') {
        // A phone photo (at most MAX_ATTACHMENT_BYTES, in memory): its Exif and XMP items are
        // overwritten with zeros in place. A layout this cannot read is kept as sent.
        const received = await upload.readAll(limit);
        blankHeifMetadata(received);
        stored = await this.storage.write(storageKey, Readable.from([received]));
      } else {
        // Everything else goes to the storage as it arrives, counted: over the limit, the
        // partial file is removed and the upload refused. Memory stays at a few chunks.
        stored = await this.storage.write(storageKey, upload.stream(limit));
      }
      if (file.truncated()) throw tooLarge(limit);
    } catch (error) {
      await this.storage.remove(storageKey);
      await upload.drain();
      throw error;
    }
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

const tooLarge = (limit: number) =>
  new TooLargeError(`Files of this type may be at most ${Math.floor(limit / 1024 / 1024)} MB`);

const premature = (error: unknown) =>
  (error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE' ? incomplete() : error;

/**
 * An upload read chunk by chunk: its first bytes to judge the type, then the
 * rest as a counted stream (or, for pictures, in memory), never more than the
 * type's limit. A body cut off inside the file is the client's doing.
 */
export class Upload {
  private readonly chunks: AsyncIterator<Buffer>;
  private readonly peeked: Buffer[] = [];
  private finished = false;

  constructor(private readonly content: Readable) {
    this.chunks = content[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  }

  /** At least `bytes` first bytes (fewer when the file is shorter). */
  async head(bytes: number): Promise<Buffer> {
    if (this.content.destroyed) throw incomplete();
    let size = 0;
    while (size < bytes) {
      const chunk = await this.next();
      if (!chunk) break;
      this.peeked.push(chunk);
      size += chunk.length;
    }
    return Buffer.concat(this.peeked).subarray(0, bytes);
  }

  /** Every byte (the head included), refusing past `limit`. */
  stream(limit: number): Readable {
    return Readable.from(this.counted(limit), { objectMode: false });
  }

  async readAll(limit: number): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.counted(limit)) chunks.push(chunk);
    return Buffer.concat(chunks);
  }

  /** Reads what is left of the file without keeping it, so the answer can go out. */
  async drain(): Promise<void> {
    try {
      while (await this.next());
    } catch {
      // the client went away: nothing left to read
    }
  }

  private async *counted(limit: number): AsyncGenerator<Buffer> {
    let size = 0;
    const peeked = this.peeked.splice(0);
    for (;;) {
      const chunk = peeked.shift() ?? (await this.next());
      if (!chunk) return;
      size += chunk.length;
      if (size > limit) throw tooLarge(limit);
      yield chunk;
    }
  }

  private async next(): Promise<Buffer | undefined> {
    if (this.finished) return undefined;
    try {
      const { value, done } = (await this.chunks.next()) as IteratorResult<Buffer, undefined>;
      if (done) this.finished = true;
      return done ? undefined : value;
    } catch (error) {
      this.finished = true;
      throw premature(error);
    }
  }
}

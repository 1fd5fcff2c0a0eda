import type { Readable } from 'node:stream';

export interface StoredObject {
  size: number;
  sha256: string;
  /** The first bytes, for checking the file's real type. */
  head: Buffer;
}

/**
 * Where evidence files live. The default keeps them on local disk; an object
 * store (S3, Azure Blob, GCS) plugs in by providing another implementation
 * under this token.
 */
export abstract class AttachmentStorage {
  /** Streams `content` to `key`; never holds the whole file in memory. */
  abstract write(key: string, content: Readable): Promise<StoredObject>;
  abstract read(key: string): Promise<Readable>;
  abstract remove(key: string): Promise<void>;
}

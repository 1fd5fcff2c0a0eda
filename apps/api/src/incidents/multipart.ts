import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { IncomingFile } from '@app/incidents';
import type { FastifyRequest } from 'fastify';

export interface UploadedFile {
  file: IncomingFile;
  /** Text fields sent before the file (fields after it are not read). */
  fields: Record<string, string>;
}

const MALFORMED = 'The upload is not well-formed multipart/form-data';

/**
 * The one file of a multipart/form-data request, in the field `file`, as a
 * stream, with the text fields that came before it.
 */
export async function readUploadedFile(request: FastifyRequest): Promise<UploadedFile> {
  if (!request.isMultipart()) {
    throw new UnsupportedMediaTypeException(
      'Send the file as multipart/form-data in a field named file',
    );
  }
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw new BadRequestException(`Send the file in a field named file, not ${part.fieldname}`);
      }
      return {
        file: { fileName: part.filename, content: part.file, truncated: () => part.file.truncated },
        fields,
      };
    }
  } catch (error) {
    if (error instanceof BadRequestException) throw error;
    // busboy's errors (no boundary, cut-off body) carry no HTTP status: they are the client's doing
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status < 500) throw error;
    throw new BadRequestException(MALFORMED);
  }
  throw new BadRequestException('The field file is missing');
}

import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { IncomingFile } from '@app/incidents';
import type { FastifyRequest } from 'fastify';

export interface UploadedFile {
  file: IncomingFile;
  /** Text fields sent before the file. */
  fields: Record<string, string>;
}

/** The one file of a multipart/form-data request, in the field `file`, as a stream. */
export async function readUploadedFile(request: FastifyRequest): Promise<UploadedFile> {
  if (!request.isMultipart()) {
    throw new UnsupportedMediaTypeException(
      'Send the file as multipart/form-data in a field named file',
    );
  }
  const part = await request.file();
  if (!part) throw new BadRequestException('The field file is missing');
  if (part.fieldname !== 'file') {
    part.file.resume();
    throw new BadRequestException(`Send the file in a field named file, not ${part.fieldname}`);
  }
  const fields: Record<string, string> = {};
  for (const [name, field] of Object.entries(part.fields)) {
    const value = Array.isArray(field) ? field[0] : field;
    if (value && value.type === 'field' && typeof value.value === 'string')
      fields[name] = value.value;
  }
  return {
    file: { fileName: part.filename, content: part.file, truncated: () => part.file.truncated },
    fields,
  };
}

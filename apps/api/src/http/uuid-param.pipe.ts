import { BadRequestException, ParseUUIDPipe } from '@nestjs/common';

/** `:id` path parameters: a malformed id is a 400 that says which parameter is wrong. */
export const UuidParam = (name = 'id') =>
  new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException(`${name} must be a UUID`) });

import { ValidationPipe, ValidationPipeOptions } from '@nestjs/common';

/**
 * Unknown fields are refused, not silently dropped, so a typo in a field name
 * is reported; every failing field is listed by its path.
 */
export const VALIDATION_OPTIONS: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
};

export const createValidationPipe = () => new ValidationPipe(VALIDATION_OPTIONS);

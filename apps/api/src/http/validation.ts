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

/**
 * For `@ValidateIf(isPresent)`: the field may be left out but, unlike with
 * `@IsOptional()`, `null` is validated (and refused) instead of slipping through
 * to a NOT NULL column.
 */
export const isPresent = (_object: object, value: unknown): boolean => value !== undefined;

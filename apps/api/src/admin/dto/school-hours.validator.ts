import { minutesOf } from '@app/common';
import { registerDecorator, type ValidationArguments } from 'class-validator';

/** `closes` after the object's `opens` (both `HH:MM`; a malformed one is refused by its own rule). */
export function IsAfterOpening(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isAfterOpening',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'closes must be after opens' },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const opens = (args.object as { opens?: unknown }).opens;
          if (typeof value !== 'string' || typeof opens !== 'string') return true;
          const [from, to] = [minutesOf(opens), minutesOf(value)];
          return Number.isNaN(from) || Number.isNaN(to) || from < to;
        },
      },
    });
}

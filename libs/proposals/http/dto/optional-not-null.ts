import { ValidateIf } from 'class-validator';

/**
 * May be left out, but not sent as `null` (unlike `@IsOptional()`, which lets `null` through).
 * For answers the domain never leaves empty: flags, lists, sections, title, department.
 */
export function OptionalNotNull(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}

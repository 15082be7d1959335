import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isCalendarDate } from '../domain/forums/calendar-date.js';

/** `YYYY-MM-DD` naming a day that exists (2025-02-30 is refused). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => isCalendarDate(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a calendar date YYYY-MM-DD`,
      },
    },
    options,
  );
}

import { ProblemException, ProblemTypes, type FieldError } from '../../platform/index.js';

/** A 400 validation problem for checks the DTO decorators cannot express (e.g. values of a map keyed by criterion). */
export function fieldProblem(errors: readonly FieldError[], detail?: string): ProblemException {
  const fields = [...new Set(errors.map((e) => e.field))];
  return new ProblemException({
    status: 400,
    type: ProblemTypes.validation,
    title: 'Validation failed',
    detail: detail ?? `The request has ${fields.length} invalid field${fields.length === 1 ? '' : 's'}: ${fields.join(', ')}.`,
    errors,
  });
}

import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ProblemTypes, type FieldError } from './problem-document.js';
import { ProblemException } from './problem.exception.js';
import { rememberValidationRules } from './validation-metadata-cache.js';

/** Bounds the answer to a hostile payload with thousands of bad fields. */
const MAX_FIELD_ERRORS = 100;

/** Every failing constraint as `{ field: 'a.b.0.c', reason }`, depth first, in the order class-validator found them. */
export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  const visit = (list: readonly ValidationError[], prefix: string): void => {
    for (const error of list) {
      if (out.length >= MAX_FIELD_ERRORS) return;
      const field = prefix ? `${prefix}.${error.property}` : error.property;
      for (const reason of Object.values(error.constraints ?? {})) {
        if (out.length >= MAX_FIELD_ERRORS) return;
        out.push({ field, reason });
      }
      if (error.children?.length) visit(error.children, field);
    }
  };
  visit(errors, parent);
  return out;
}

export function validationProblem(errors: readonly ValidationError[]): ProblemException {
  const fieldErrors = flattenValidationErrors(errors);
  const fields = [...new Set(fieldErrors.map((e) => e.field))];
  return new ProblemException({
    status: 400,
    type: ProblemTypes.validation,
    title: 'Validation failed',
    detail: `The request has ${fields.length} invalid field${fields.length === 1 ? '' : 's'}: ${fields.join(', ')}.`,
    errors: fieldErrors,
  });
}

/**
 * The one pipe for every DTO: builds class instances (`transform`), strips nothing silently (unknown fields are
 * errors, so a misspelt field is not ignored), and answers with a problem listing every failing field.
 */
export function createValidationPipe(): ValidationPipe {
  rememberValidationRules();
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => validationProblem(errors),
  });
}

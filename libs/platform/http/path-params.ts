import { ParseUUIDPipe, type PipeTransform } from '@nestjs/common';
import { ProblemException } from '../problem/problem.exception.js';

// A path segment that cannot name the resource is "not found", the same answer an unknown well-formed one gets:
// 404 with the parameter named, never a 400 that would tell ids that cannot exist from ids that do not.

const notFound = (field: string, detail: string, reason: string) => new ProblemException({ status: 404, detail, errors: [{ field, reason }] });

/** An id matching `pattern`, e.g. `new PathIdPipe(SLUG, 'id', 'organisation')`. */
export class PathIdPipe implements PipeTransform<string, string> {
  constructor(
    private readonly pattern: RegExp,
    private readonly field: string,
    private readonly what: string,
  ) {}

  transform(value: string): string {
    if (typeof value === 'string' && this.pattern.test(value)) return value;
    throw notFound(this.field, `No ${this.what} has this id.`, `is not a ${this.what} id`);
  }
}

/** A UUID id, e.g. `uuidOr404('id', 'proposal')`; `idOf` when the resource goes by another's id (a project, its proposal's). */
export const uuidOr404 = (field: string, what: string, idOf = what) =>
  new ParseUUIDPipe({ exceptionFactory: () => notFound(field, `No ${what} has this id.`, `is not a ${idOf} id`) });

/** A positive whole number naming one of a series, e.g. `positiveIntOr404('version', 'version')`. */
export const positiveIntOr404 = (field: string, what: string): PipeTransform<string, number> => ({
  transform(value: string) {
    if (!/^[1-9]\d{0,8}$/.test(value)) throw notFound(field, `No ${what} has this number.`, `is not a ${field} number`);
    return Number(value);
  },
});

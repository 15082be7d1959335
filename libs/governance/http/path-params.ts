import type { PipeTransform } from '@nestjs/common';
import { ProblemException } from '../../platform/index.js';

/**
 * A path segment that cannot name the resource (a malformed id) is "not found", the same answer an unknown well-formed
 * id gets: 404 with the parameter named.
 * Constructed per parameter (`new PathIdPipe(SLUG, 'id', 'organisation')`), like Nest's `new ParseUUIDPipe(...)`.
 */
export class PathIdPipe implements PipeTransform<string, string> {
  constructor(
    private readonly pattern: RegExp,
    private readonly field: string,
    private readonly what: string,
  ) {}

  transform(value: string): string {
    if (typeof value === 'string' && this.pattern.test(value)) return value;
    throw new ProblemException({ status: 404, detail: `No ${this.what} has this id.`, errors: [{ field: this.field, reason: `is not a ${this.what} id` }] });
  }
}

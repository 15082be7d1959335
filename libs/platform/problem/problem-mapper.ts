import { Injectable } from '@nestjs/common';
import type { ProblemException } from './problem.exception.js';

/** Turns an error it recognises (typically a domain error) into a problem; `undefined` leaves it to the next one. */
export type ProblemMapper = (error: unknown) => ProblemException | undefined;

/**
 * The mappers the problem filter consults, in registration order. One per application: modules add theirs
 * through `ProblemModule.forFeature(...)` (or by injecting this and calling `register`), so the domain libraries
 * need not know about HTTP and the filter need not know about them.
 */
@Injectable()
export class ProblemMapperRegistry {
  private readonly mappers: ProblemMapper[] = [];

  register(...mappers: ProblemMapper[]): void {
    for (const mapper of mappers) if (!this.mappers.includes(mapper)) this.mappers.push(mapper);
  }

  map(error: unknown): ProblemException | undefined {
    for (const mapper of this.mappers) {
      const problem = mapper(error);
      if (problem) return problem;
    }
    return undefined;
  }
}

import { describe, expect, it } from '@jest/globals';
import { BadRequestException, InternalServerErrorException, NotFoundException } from '@nestjs/common';
import { IdempotencyViolationError, WrongExpectedVersionError } from '../../event-store/index.js';
import { eventStoreProblemMapper } from './event-store.problem-mapper.js';
import { ProblemMapperRegistry } from './problem-mapper.js';
import { toProblem } from './to-problem.js';

const registry = new ProblemMapperRegistry();
registry.register(eventStoreProblemMapper);

function parserError(type: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error('raw'), { type, status: 400, expose: true, ...extra });
}

describe('toProblem', () => {
  it('keeps the status and message of Nest exceptions', () => {
    expect(toProblem(new NotFoundException('No proposal p-1'), registry)).toMatchObject({
      problem: { type: 'about:blank', title: 'Not Found', status: 404, detail: 'No proposal p-1' },
      unexpected: false,
    });
    expect(toProblem(new NotFoundException(), registry).problem.detail).toBeUndefined();
  });

  it('recognises body-parser errors raw or wrapped by Nest', () => {
    const raw = toProblem(parserError('entity.parse.failed'), registry);
    const wrapped = toProblem(new BadRequestException('Unexpected token', { cause: parserError('entity.parse.failed') }), registry);
    expect(raw.problem).toEqual(wrapped.problem);
    expect(raw.problem).toMatchObject({ status: 400, detail: 'The request body is not valid JSON.' });
    expect(toProblem(parserError('entity.too.large', { status: 413, limit: 100 }), registry).problem).toMatchObject({ status: 413 });
    expect(toProblem(parserError('charset.unsupported', { status: 415, charset: 'latin1' }), registry).problem).toMatchObject({ status: 415 });
  });

  it('maps the event-store errors to 409', () => {
    expect(toProblem(new WrongExpectedVersionError('s', 'no_stream', 2), registry).problem).toMatchObject({ status: 409, currentVersion: 2 });
    expect(toProblem(new IdempotencyViolationError('s', ['e']), registry).problem).toMatchObject({ status: 409, title: 'Idempotency violation' });
  });

  it('answers server faults generically, also when they are HttpExceptions', () => {
    for (const error of [new Error('SELECT * FROM secret'), new InternalServerErrorException('pool exhausted'), 'a string']) {
      const { problem, unexpected } = toProblem(error, registry);
      expect(unexpected).toBe(true);
      expect(problem.status).toBe(500);
      expect(JSON.stringify(problem)).not.toMatch(/secret|pool/);
    }
  });

  it('keeps 4xx http-errors whose message is safe to show', () => {
    const error = Object.assign(new Error('Bad Request: malformed URI'), { status: 400, expose: true });
    expect(toProblem(error, registry).problem).toMatchObject({ status: 400, detail: 'Bad Request: malformed URI' });
    const hidden = Object.assign(new Error('internal'), { status: 400, expose: false });
    expect(toProblem(hidden, registry).unexpected).toBe(true);
  });
});

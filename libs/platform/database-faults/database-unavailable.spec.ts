import { describe, expect, it } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { eventStoreProblemMapper } from '../problem/event-store.problem-mapper.js';
import { ProblemMapperRegistry } from '../problem/problem-mapper.js';
import { toProblem } from '../problem/to-problem.js';
import { databaseUnavailableProblemMapper, isDatabaseUnavailable } from './database-unavailable.js';

const registry = new ProblemMapperRegistry();
registry.register(eventStoreProblemMapper, databaseUnavailableProblemMapper);

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('the database away answers 503 with Retry-After', () => {
  it('recognises what pg, its pool, node and TypeORM throw when the server is unreachable or restarting', () => {
    const faults: unknown[] = [
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      Object.assign(new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')]), { code: 'ECONNREFUSED' }),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      withCode('terminating connection due to administrator command', '57P01'),
      withCode('the database system is starting up', '57P03'),
      withCode('the database system is shutting down', '57P03'),
      withCode('sorry, too many clients already', '53300'),
      withCode('terminating connection due to idle-in-transaction timeout', '25P03'),
      withCode('connection failure', '08006'),
      new QueryFailedError('SELECT 1', [], withCode('terminating connection due to administrator command', '57P01')),
      new Error('append failed', { cause: withCode('read ECONNRESET', 'ECONNRESET') }),
    ];
    for (const fault of faults) {
      const { problem, headers, unexpected } = toProblem(fault, registry);
      expect({ fault: String(fault), status: problem.status, retryAfter: headers['Retry-After'], unexpected }).toEqual({
        fault: String(fault),
        status: 503,
        retryAfter: '2',
        unexpected: false,
      });
      expect(JSON.stringify(problem)).not.toMatch(/5432|ECONN|administrator/);
    }
  });

  it('leaves faults of the statement or the code to the others: 500 stays 500', () => {
    const faults = [
      withCode('duplicate key value violates unique constraint', '23505'),
      withCode('syntax error at or near "SELEC"', '42601'),
      new QueryFailedError('SELECT x', [], withCode('column "x" does not exist', '42703')),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
    ];
    for (const fault of faults) {
      expect(isDatabaseUnavailable(fault)).toBe(false);
      expect(toProblem(fault, registry).problem.status).toBe(500);
    }
  });

  it('does not loop on errors that wrap themselves', () => {
    const cyclic: Error & { cause?: unknown } = new Error('outer');
    cyclic.cause = cyclic;
    expect(isDatabaseUnavailable(cyclic)).toBe(false);
  });
});

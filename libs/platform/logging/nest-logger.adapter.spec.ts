import { describe, expect, it } from '@jest/globals';
import { PinoNestLogger } from './nest-logger.adapter.js';
import { createPinoLogger } from './pino-logger.js';
import { RequestContext } from '../request-context/request-context.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const pino = createPinoLogger({ logLevel: 'trace' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { lines, logger: new PinoNestLogger(pino) };
}

const STACK = 'Error: x\n    at somewhere (file.ts:1:1)';

describe('PinoNestLogger', () => {
  it('writes the message with the context Nest passes last', () => {
    const { lines, logger } = capture();
    logger.log('Mapped {/x, GET} route', 'RouterExplorer');
    expect(lines[0]).toMatchObject({ level: 'info', context: 'RouterExplorer', msg: 'Mapped {/x, GET} route' });
    expect(typeof lines[0].time).toBe('string');
  });

  it('tells a stack from a context on errors', () => {
    const { lines, logger } = capture();
    logger.error('failed', STACK, 'Svc');
    logger.error('failed', STACK);
    logger.error('failed', 'Svc');
    logger.error('failed', undefined, 'Svc');
    expect(lines[0]).toMatchObject({ level: 'error', msg: 'failed', stack: STACK, context: 'Svc' });
    expect(lines[1]).toMatchObject({ stack: STACK });
    expect(lines[1].context).toBeUndefined();
    expect(lines[2]).toMatchObject({ context: 'Svc' });
    expect(lines[2].stack).toBeUndefined();
    expect(lines[3]).toMatchObject({ context: 'Svc' });
    expect(lines[3].params).toBeUndefined();
  });

  it('puts the fields of object messages and errors on the line', () => {
    const { lines, logger } = capture();
    logger.warn({ msg: 'lagging', lag: 3 }, 'Projections');
    logger.fatal(new Error('down'));
    expect(lines[0]).toMatchObject({ level: 'warn', msg: 'lagging', lag: 3, context: 'Projections' });
    expect(lines[1]).toMatchObject({ level: 'fatal', msg: 'down', err: { message: 'down' } });
  });

  it('maps Nest levels onto the pino threshold', () => {
    const { lines, logger } = capture();
    logger.setLogLevels(['warn', 'error']);
    logger.log('hidden');
    logger.verbose('hidden');
    logger.warn('shown');
    expect(lines.map((l) => l.msg)).toEqual(['shown']);
  });

  it('adds the request ids and actor inside a request', () => {
    const { lines, logger } = capture();
    const actor = { subject: 'kari', roles: [], organisationId: null };
    RequestContext.run({ requestId: 'r1', correlationId: 'c1', causationId: 'r1', actor }, () => logger.log('inside'));
    logger.log('outside');
    expect(lines[0]).toMatchObject({ requestId: 'r1', correlationId: 'c1', actor: 'kari' });
    expect(lines[1].requestId).toBeUndefined();
  });
});

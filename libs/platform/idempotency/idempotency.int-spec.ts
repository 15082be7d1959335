import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Body, Controller, Post, Res } from '@nestjs/common';
import { IsInt, IsString } from 'class-validator';
import type { ServerResponse } from 'node:http';
import pg from 'pg';
import request from 'supertest';
import { actorHeaders } from '../../../test/support/app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres.js';
import { TEST_PUBLIC_KEY_PEM } from '../../../test/support/tokens.js';
import { Allow } from '../auth/access-policy.js';
import { Role } from '../auth/roles.js';
import { ProblemException } from '../problem/problem.exception.js';
import { createPlatformTestApp, migratePlatformSchema, type PlatformTestApp } from '../testing/platform-test-app.js';
import { Idempotent } from './idempotent.decorator.js';

class OrderDto {
  @IsString() item!: string;
  @IsInt() quantity!: number;
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** What the handlers did, so the tests can tell a replay from a second run. */
const handler = {
  calls: 0,
  failNext: false,
  entered: deferred(),
  proceed: deferred(),
};

@Controller('orders')
@Allow(Role.ProgrammeOffice)
class OrdersController {
  @Post()
  @Idempotent()
  create(@Body() dto: OrderDto, @Res({ passthrough: true }) res: ServerResponse) {
    const id = ++handler.calls;
    if (handler.failNext) {
      handler.failNext = false;
      throw ProblemException.conflict('The warehouse is busy.');
    }
    res.setHeader('Location', `/orders/${id}`);
    res.setHeader('ETag', '"1"');
    res.setHeader('X-Log-Position', `${id}.${id}`);
    res.setHeader('X-Not-Replayed', 'x');
    return { id, ...dto };
  }

  @Post('slow')
  @Idempotent()
  async slow(@Body() dto: OrderDto) {
    const id = ++handler.calls;
    handler.entered.resolve();
    await handler.proceed.promise;
    return { id, ...dto };
  }

  @Post('strict')
  @Idempotent({ required: true })
  strict(@Body() dto: OrderDto) {
    return { id: ++handler.calls, ...dto };
  }
}

const order = { item: 'paper', quantity: 3 };

describe('IdempotencyInterceptor', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let platform: PlatformTestApp;
  const http = () => request.agent(platform.app.getHttpServer()).set(actorHeaders('kari@herning.dk'));
  let key = 0;
  const nextKey = () => `key-${++key}`;

  beforeAll(async () => {
    db = await createTestDatabase('platform_idempotency');
    await migratePlatformSchema(db.url);
    pool = new pg.Pool({ connectionString: db.url });
    platform = await createPlatformTestApp({ pool, controllers: [OrdersController], env: { AUTH_PUBLIC_KEY: TEST_PUBLIC_KEY_PEM } });
  });

  afterAll(async () => {
    await platform?.close();
    await pool?.end();
    await db?.drop();
  });

  beforeEach(() => {
    handler.calls = 0;
    handler.failNext = false;
  });

  it('replays the first response to a retry without running the handler again', async () => {
    const k = nextKey();
    const first = await http().post('/orders').set('Idempotency-Key', k).send(order);
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    const retry = await http().post('/orders').set('Idempotency-Key', k).send({ quantity: 3, item: 'paper' });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    for (const name of ['location', 'etag', 'x-log-position']) expect(retry.headers[name]).toBe(first.headers[name]);
    expect(retry.headers['x-not-replayed']).toBeUndefined();
    expect(handler.calls).toBe(1);

    const { rows } = await pool.query('SELECT completed, status FROM http_idempotency WHERE key = $1', [k]);
    expect(rows).toEqual([{ completed: true, status: 201 }]);
  });

  it('answers the same key with a different body with 422', async () => {
    const k = nextKey();
    await http().post('/orders').set('Idempotency-Key', k).send(order).expect(201);
    const res = await http().post('/orders').set('Idempotency-Key', k).send({ ...order, quantity: 4 });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: 'urn:problem-type:idempotency-key-reused', status: 422 });
    expect(handler.calls).toBe(1);
  });

  it('answers a retry while the first request is still running with 409', async () => {
    const k = nextKey();
    handler.entered = deferred();
    handler.proceed = deferred();
    const first = http().post('/orders/slow').set('Idempotency-Key', k).send(order).then((r) => r);
    await handler.entered.promise;

    const concurrent = await http().post('/orders/slow').set('Idempotency-Key', k).send(order);
    expect(concurrent.status).toBe(409);
    expect(concurrent.body).toMatchObject({ type: 'urn:problem-type:idempotency-key-in-flight', status: 409 });
    expect(concurrent.headers['retry-after']).toBe('1');

    handler.proceed.resolve();
    expect((await first).status).toBe(201);
    const after = await http().post('/orders/slow').set('Idempotency-Key', k).send(order);
    expect(after.headers['idempotent-replayed']).toBe('true');
    expect(handler.calls).toBe(1);
  });

  it('releases the key when the handler fails, so that a retry runs it', async () => {
    const k = nextKey();
    handler.failNext = true;
    const failed = await http().post('/orders').set('Idempotency-Key', k).send(order);
    expect(failed.status).toBe(409);
    const { rowCount } = await pool.query('SELECT 1 FROM http_idempotency WHERE key = $1', [k]);
    expect(rowCount).toBe(0);

    const retry = await http().post('/orders').set('Idempotency-Key', k).send(order);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(handler.calls).toBe(2);
  });

  it('releases the key when the body fails validation', async () => {
    const k = nextKey();
    await http().post('/orders').set('Idempotency-Key', k).send({ item: 'paper' }).expect(400);
    await http().post('/orders').set('Idempotency-Key', k).send({ item: 'paper' }).expect(400);
    const { rowCount } = await pool.query('SELECT 1 FROM http_idempotency WHERE key = $1', [k]);
    expect(rowCount).toBe(0);
  });

  it('scopes keys by actor: the same key from someone else is a different request', async () => {
    const k = nextKey();
    await http().post('/orders').set('Idempotency-Key', k).send(order).expect(201);
    const other = await http().post('/orders').set('Idempotency-Key', k).set(actorHeaders('ola@herning.dk')).send(order);
    expect(other.status).toBe(201);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(handler.calls).toBe(2);
  });

  it('runs every request without a key, unless the route requires one', async () => {
    await http().post('/orders').send(order).expect(201);
    await http().post('/orders').send(order).expect(201);
    expect(handler.calls).toBe(2);

    const res = await http().post('/orders/strict').send(order);
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('Idempotency-Key');
  });

  it('rejects a key that is not visible ASCII', async () => {
    const res = await http().post('/orders').set('Idempotency-Key', 'x'.repeat(300)).send(order);
    expect(res.status).toBe(400);
  });
});

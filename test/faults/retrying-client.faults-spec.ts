import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { call, draft } from './support/client.js';
import { startService, type ServiceProcess } from './support/service-process.js';
import { sleep } from './support/wait.js';

const CLIENTS = 8;
const WRITES_PER_CLIENT = 15;

describe('a client that retries every write after a timeout', () => {
  let db: TestDatabase;
  let sql: pg.Pool;
  let service: ServiceProcess;

  beforeAll(async () => {
    db = await createTestDatabase('faults_retry');
    sql = new pg.Pool({ connectionString: db.url, max: 2 });
    service = await startService('retried', { databaseUrl: db.url });
  }, 240_000);

  afterAll(async () => {
    await service?.stop();
    await sql?.end();
    await db?.drop();
  });

  it('gives up on answers after a few milliseconds and sends the same request again: no duplicate events', async () => {
    let timeouts = 0;
    let replays = 0;
    /** Sends until answered (not timed out, not 409 in flight); a short, random patience, as a client on a bad network has. */
    const untilAnswered = async (send: (timeoutMs: number) => ReturnType<typeof call>) => {
      for (let attempt = 0; ; attempt++) {
        const outcome = await send(attempt < 30 ? 2 + Math.floor(Math.random() * 40) : 10_000);
        if (outcome.kind === 'failed' && outcome.reason === 'timeout') timeouts++;
        else if (outcome.kind === 'answer' && outcome.status === 409 && (outcome.body as { type?: string }).type?.endsWith('in-flight')) await sleep(20);
        else return outcome;
      }
    };

    const created: string[] = [];
    const client = async (lane: number) => {
      for (let n = 0; n < WRITES_PER_CLIENT; n++) {
        const key = randomUUID();
        const answer = await untilAnswered((timeoutMs) =>
          call(service.base, { method: 'POST', path: '/v1/proposals', body: draft(`Retried ${lane}/${n}`), headers: { 'Idempotency-Key': key }, timeoutMs }),
        );
        expect(answer).toMatchObject({ kind: 'answer', status: 201 });
        if (answer.kind !== 'answer') return;
        if (answer.headers.get('idempotent-replayed') === 'true') replays++;
        const id = answer.headers.get('location')!.split('/').pop()!;
        created.push(id);
        // an update retried after a timeout: If-Match makes a repeat harmless (409 at version 2 means the first one landed)
        const amended = await untilAnswered((timeoutMs) =>
          call(service.base, { method: 'PATCH', path: `/v1/proposals/${id}`, body: { users: 'Case workers', reason: 'Retried' }, headers: { 'If-Match': '"1"' }, timeoutMs }),
        );
        expect(amended.kind === 'answer' && (amended.status === 200 || (amended.status === 409 && (amended.body as { currentVersion: number }).currentVersion === 2))).toBe(true);
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, lane) => client(lane)));

    expect(timeouts).toBeGreaterThan(0); // the clients did give up and retry
    expect(new Set(created).size).toBe(CLIENTS * WRITES_PER_CLIENT);
    const { rows } = await sql.query<{ stream_id: string; events: number }>(
      `SELECT stream_id, count(*)::int AS events FROM es_events WHERE stream_id LIKE 'proposal-%' GROUP BY stream_id`,
    );
    expect(rows).toHaveLength(CLIENTS * WRITES_PER_CLIENT); // one stream per logical create, however often it was sent
    expect(rows.filter((r) => r.events !== 2)).toEqual([]); // drafted once, amended once
    console.log(`${CLIENTS * WRITES_PER_CLIENT} creates and as many amendments; ${timeouts} client timeouts retried, ${replays} creates answered by replay; no duplicate event`);
  });
});

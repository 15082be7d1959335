import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { call, draft } from './support/client.js';
import { privatePostgresUnavailable, startPrivatePostgres, type PrivatePostgres } from './support/private-postgres.js';
import { startService, type ServiceProcess } from './support/service-process.js';
import { sleep, waitUntil } from './support/wait.js';

const unavailable = privatePostgresUnavailable();
if (unavailable) console.warn(`PostgreSQL restart test skipped: ${unavailable}`);

/** How long one logical request may keep retrying before the client gives it up. */
const GIVE_UP_MS = 20_000;

(unavailable ? describe.skip : describe)('PostgreSQL restarted under load (a private server, never the shared one)', () => {
  let server: PrivatePostgres;
  let service: ServiceProcess;

  beforeAll(async () => {
    server = await startPrivatePostgres();
    service = await startService('restart', { databaseUrl: server.url });
  }, 240_000);

  afterAll(async () => {
    await service?.stop();
    await server?.destroy();
  });

  it('answers 503 problem+json with Retry-After while it is down, recovers by itself, and loses or doubles no acknowledged write', async () => {
    const accepted = new Map<string, string>(); // correlation id (one per logical request, kept across retries) -> proposal id
    const statuses = new Map<string, number>();
    const count = (what: string) => statuses.set(what, (statuses.get(what) ?? 0) + 1);
    let unavailableAnswer: { contentType: string | null; retryAfter: string | null; status: number } | null = null;
    let abandoned = 0;
    let loading = true;

    const client = async (lane: number) => {
      for (let n = 0; loading; n++) {
        const correlationId = randomUUID();
        for (const started = Date.now(); ; ) {
          const outcome = await call(service.base, {
            method: 'POST',
            path: '/v1/proposals',
            body: draft(`Lane ${lane} #${n}`),
            headers: { 'Idempotency-Key': correlationId, 'X-Correlation-Id': correlationId },
            timeoutMs: 10_000,
          });
          count(outcome.kind === 'answer' ? String(outcome.status) : outcome.reason);
          if (outcome.kind === 'answer' && outcome.status === 201) {
            accepted.set(correlationId, outcome.headers.get('location')!.split('/').pop()!);
            break;
          }
          if (outcome.kind === 'answer' && outcome.status === 503) {
            unavailableAnswer ??= { status: 503, contentType: outcome.headers.get('content-type'), retryAfter: outcome.headers.get('retry-after') };
          }
          if (Date.now() - started > GIVE_UP_MS) {
            abandoned++;
            break;
          }
          await sleep(100); // the same request again, same Idempotency-Key, as a well-behaved client does
        }
      }
    };
    const clients = Promise.all([0, 1, 2, 3, 4, 5].map(client));

    await waitUntil('50 writes were acknowledged before the restart', () => accepted.size >= 50, 60_000);
    await server.stop();
    const downAt = Date.now();
    const readiness = await fetch(`${service.base}/health/ready`);
    expect(readiness.status).toBe(503);
    expect(readiness.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    await waitUntil('a write was answered 503 while the database is down', () => unavailableAnswer !== null, 10_000);
    await sleep(Math.max(0, 2_000 - (Date.now() - downAt))); // down for two seconds at least, under load
    const acceptedBeforeStart = accepted.size;
    await server.start();
    const upAt = Date.now();
    const recoveredMs = await waitUntil('writes are acknowledged again', () => accepted.size > acceptedBeforeStart + 20, 60_000);
    await waitUntil('the readiness probe passes again', async () => (await fetch(`${service.base}/health/ready`)).status === 200, 60_000, 200);
    loading = false;
    await clients;

    expect(unavailableAnswer).toEqual({ status: 503, contentType: expect.stringMatching(/^application\/problem\+json/), retryAfter: '2' });
    expect([...statuses.keys()].filter((s) => /^5/.test(s) && s !== '503')).toEqual([]);

    const sql = new pg.Client({ connectionString: server.url });
    await sql.connect();
    try {
      const { rows } = await sql.query<{ correlation_id: string; stream_id: string; n: number }>(
        `SELECT metadata->>'correlationId' AS correlation_id, min(stream_id) AS stream_id, count(*)::int AS n
         FROM es_events WHERE type = 'ProposalDrafted' GROUP BY 1`,
      );
      const logged = new Map(rows.map((r) => [r.correlation_id, r]));
      const missing = [...accepted].filter(([correlationId, id]) => logged.get(correlationId)?.stream_id !== `proposal-${id}`);
      expect(missing).toEqual([]);
      expect(rows.filter((r) => r.n > 1)).toEqual([]);
      console.log(
        `PostgreSQL down ${upAt - downAt} ms; writes acknowledged again ${recoveredMs} ms after it was back; ${accepted.size} writes acknowledged, ` +
          `each once in the log (${rows.length} drafted in all); ${abandoned} given up after ${GIVE_UP_MS / 1000} s of retries; answers: ${JSON.stringify(Object.fromEntries(statuses))}`,
      );
    } finally {
      await sql.end();
    }
  });
});

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import pg from 'pg';
import { testMetadata } from '../../test/support/actor.js';
import { useServerEventStore } from '../../test/support/event-store.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/postgres.js';
import { PostgresEventStore } from '../event-store/index.js';
import { DigestStore } from './application/digest-store.js';
import { InvalidDigestDocument } from './domain/digest.js';
import { verifyEventLog, type VerificationProgress } from './verify-event-log.js';

/** What a database superuser can do that the application cannot: write with the append-only triggers off. */
async function asSuperuser(pool: pg.Pool, sql: string, values: unknown[] = []): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    await client.query(sql, values);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

const positionOf = async (pool: pg.Pool, stream: string, version: number) =>
  (await pool.query<{ gp: string }>('SELECT global_position::text AS gp FROM es_events WHERE stream_id = $1 AND stream_position = $2', [stream, version])).rows[0].gp;

describe('verifyEventLog', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let store: PostgresEventStore;
  let digests: DigestStore;

  beforeAll(async () => {
    db = await createTestDatabase('integrity_verify');
    pool = new pg.Pool({ connectionString: db.url, max: 4 });
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  // every test gets a fresh log: the tables are recreated
  beforeEach(async () => {
    await pool.query('DROP TABLE IF EXISTS es_events, es_digests, es_schema');
    store = new PostgresEventStore(pool);
    await store.migrate();
    digests = new DigestStore(pool);
    for (const s of ['a', 'b', 'c']) {
      for (let k = 0; k < 4; k++) await store.append(`stream-${s}`, [{ type: 'Happened', data: { s, k }, metadata: testMetadata() }]);
    }
    await store.append('stream-d', Array.from({ length: 5 }, (_, i) => ({ type: 'Counted', data: { i }, metadata: testMetadata() })));
  });
  afterEach(async () => store.close());

  it('finds a clean log intact, in ranges of any size, and reports its progress', async () => {
    await digests.record('system');
    for (const chunkSize of [1, 3, 7, 1000]) {
      const progress: VerificationProgress[] = [];
      const report = await verifyEventLog(pool, { chunkSize, onProgress: (p) => progress.push(p) });
      expect(report).toMatchObject({ intact: true, events: 17, streams: 4, firstBrokenLink: null, brokenLinks: 0, findings: [] });
      expect(report.digest).toMatchObject({ sequence: 1, source: 'recorded' });
      expect(progress[progress.length - 1]).toEqual({ verifiedEvents: 17, totalEvents: 17 });
    }
  });

  it('names an event whose content a superuser altered', async () => {
    const gp = await positionOf(pool, 'stream-b', 3);
    await asSuperuser(pool, `UPDATE es_events SET data = '{"s": "b", "k": 99}' WHERE stream_id = 'stream-b' AND stream_position = 3`);
    for (const chunkSize of [2, 1000]) {
      const report = await verifyEventLog(pool, { chunkSize });
      expect(report.intact).toBe(false);
      expect(report.brokenLinks).toBe(1);
      expect(report.firstBrokenLink).toEqual({
        streamId: 'stream-b',
        version: 3,
        globalPosition: gp,
        problem: 'content-altered',
        detail: expect.stringContaining('does not match its content'),
      });
    }
  });

  it('names the link after an event that was rewritten together with its own hash', async () => {
    await asSuperuser(
      pool,
      `UPDATE es_events SET data = '{"forged": true}', hash = es_event_hash(previous_hash, stream_id, stream_position, event_id, type, schema_version, '{"forged": true}', metadata, recorded_at)
       WHERE stream_id = 'stream-a' AND stream_position = 2`,
    );
    const report = await verifyEventLog(pool, { chunkSize: 2 });
    expect(report.firstBrokenLink).toMatchObject({ streamId: 'stream-a', version: 3, globalPosition: await positionOf(pool, 'stream-a', 3), problem: 'chain-broken' });
  });

  it('names the event after one a superuser deleted, and the earliest break first', async () => {
    const gpC3 = await positionOf(pool, 'stream-c', 3);
    await asSuperuser(pool, `DELETE FROM es_events WHERE stream_id = 'stream-c' AND stream_position = 2`);
    await asSuperuser(pool, `DELETE FROM es_events WHERE stream_id = 'stream-d' AND stream_position IN (2, 3)`);
    for (const chunkSize of [1, 3, 1000]) {
      const report = await verifyEventLog(pool, { chunkSize });
      expect(report.brokenLinks).toBe(2);
      expect(report.firstBrokenLink).toEqual({
        streamId: 'stream-c',
        version: 3,
        globalPosition: gpC3,
        problem: 'events-missing',
        detail: 'version 2 is missing before version 3 of stream stream-c: events were deleted',
      });
      expect(report.findings[1]).toMatchObject({ streamId: 'stream-d', version: 4, problem: 'events-missing', detail: expect.stringContaining('versions 2 to 3') });
    }
  });

  it('finds a deleted tail and a deleted stream against the last digest, which a chain alone cannot show', async () => {
    await digests.record('system');
    await asSuperuser(pool, `DELETE FROM es_events WHERE stream_id = 'stream-a' AND stream_position >= 3`);
    await asSuperuser(pool, `DELETE FROM es_events WHERE stream_id = 'stream-d'`);
    const report = await verifyEventLog(pool);
    expect(report.findings.map(({ streamId, version, problem }) => ({ streamId, version, problem }))).toEqual([
      { streamId: 'stream-a', version: 3, problem: 'tail-missing' },
      { streamId: 'stream-d', version: 1, problem: 'stream-missing' },
    ]);
    expect(report.firstBrokenLink?.detail).toBe('versions 3 to 4 are missing from the end of stream stream-a; digest #1 recorded version 4');
    expect(report.events).toBe(10);
  });

  it('checks a digest kept outside, which shows a rewrite that also rewrote the recorded digests', async () => {
    const { digest: kept } = await digests.record('system');
    // a consistent forgery: stream-b's last event rewritten with a valid hash, and a fresh digest recorded after it
    await asSuperuser(
      pool,
      `UPDATE es_events SET data = '{"forged": true}', hash = es_event_hash(previous_hash, stream_id, stream_position, event_id, type, schema_version, '{"forged": true}', metadata, recorded_at)
       WHERE stream_id = 'stream-b' AND stream_position = 4`,
    );
    await asSuperuser(pool, 'DELETE FROM es_digests');
    await store.append('stream-e', [{ type: 'Moved', data: {}, metadata: testMetadata() }]);
    await digests.record('system');
    expect((await verifyEventLog(pool)).intact).toBe(true);

    const report = await verifyEventLog(pool, { digest: kept });
    expect(report.digest).toMatchObject({ sequence: 1, source: 'given' });
    expect(report.findings.map((f) => [f.streamId, f.version, f.problem])).toEqual([['stream-b', 4, 'head-rewritten']]);
  });

  it('reports a recorded digest that no longer matches its own heads', async () => {
    await digests.record('system');
    await asSuperuser(pool, `UPDATE es_digests SET heads = replace(heads, '"stream-a",4', '"stream-a",3')`);
    const report = await verifyEventLog(pool);
    expect(report.firstBrokenLink).toMatchObject({ problem: 'digest-altered', detail: expect.stringContaining('digest #1 does not match its own heads') });
  });

  it('refuses a kept digest that does not hash to its heads', async () => {
    const { digest } = await digests.record('system');
    await expect(verifyEventLog(pool, { digest: { ...digest, digest: 'f'.repeat(64) } })).rejects.toBeInstanceOf(InvalidDigestDocument);
    await expect(verifyEventLog(pool, { digest: { ...digest, canonicalHeads: '[["x",1,"00"]]' } })).rejects.toMatchObject({ field: 'canonicalHeads' });
  });

  it('names every break a model of the tampering predicts, whatever the ranges and however many run at once', async () => {
    // the 17 events of the log above; each one kept, deleted, altered, or rewritten together with its own hash
    const events = [
      ...['a', 'b', 'c'].flatMap((s) => [1, 2, 3, 4].map((version) => ({ streamId: `stream-${s}`, version }))),
      ...[1, 2, 3, 4, 5].map((version) => ({ streamId: 'stream-d', version })),
    ];
    const action = fc.constantFrom('keep', 'keep', 'keep', 'delete', 'alter', 'forge');
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 17, maxLength: 17 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 3 }), async (actions, chunkSize, concurrency) => {
        await pool.query('DROP TABLE IF EXISTS es_events, es_digests, es_schema');
        await store.migrate();
        for (const s of ['a', 'b', 'c']) {
          for (let k = 0; k < 4; k++) await store.append(`stream-${s}`, [{ type: 'Happened', data: { s, k }, metadata: testMetadata() }]);
        }
        await store.append('stream-d', Array.from({ length: 5 }, (_, i) => ({ type: 'Counted', data: { i }, metadata: testMetadata() })));
        const positions = new Map<string, string>();
        for (const e of events) positions.set(`${e.streamId}/${e.version}`, await positionOf(pool, e.streamId, e.version));

        for (const [i, e] of events.entries()) {
          const where = `WHERE stream_id = '${e.streamId}' AND stream_position = ${e.version}`;
          if (actions[i] === 'delete') await asSuperuser(pool, `DELETE FROM es_events ${where}`);
          if (actions[i] === 'alter') await asSuperuser(pool, `UPDATE es_events SET data = '{"altered": true}' ${where}`);
          if (actions[i] === 'forge') {
            await asSuperuser(
              pool,
              `UPDATE es_events SET data = '{"forged": true}', hash = es_event_hash(previous_hash, stream_id, stream_position, event_id, type, schema_version, '{"forged": true}', metadata, recorded_at) ${where}`,
            );
          }
        }
        // the model: the first thing wrong with each surviving event, in the log's order
        const expected: { streamId: string; version: number; problem: string }[] = [];
        for (const [i, e] of events.entries()) {
          if (actions[i] === 'delete') continue;
          const earlier = events.map((x, j) => ({ ...x, j })).filter((x) => x.streamId === e.streamId && x.version < e.version && actions[x.j] !== 'delete');
          const predecessor = earlier[earlier.length - 1];
          const problem =
            e.version > 1 && predecessor?.version !== e.version - 1 ? 'events-missing'
            : actions[i] === 'alter' ? 'content-altered'
            : predecessor && actions[predecessor.j] === 'forge' ? 'chain-broken'
            : null;
          if (problem) expected.push({ streamId: e.streamId, version: e.version, problem });
        }
        expected.sort((x, y) => Number(positions.get(`${x.streamId}/${x.version}`)) - Number(positions.get(`${y.streamId}/${y.version}`)));

        const report = await verifyEventLog(pool, { chunkSize, concurrency });
        expect(report.findings.map(({ streamId, version, problem }) => ({ streamId, version, problem }))).toEqual(expected);
        expect(report).toMatchObject({ intact: expected.length === 0, brokenLinks: expected.length, events: actions.filter((a) => a !== 'delete').length });
      }),
      { numRuns: 25 },
    );
  });

  it('leaves the settings of the connections it borrowed as they were', async () => {
    const single = new pg.Pool({ connectionString: db.url, max: 1 });
    try {
      const settings = async () => (await single.query<{ s: string }>(`SELECT concat_ws(',', current_setting('jit'), current_setting('enable_seqscan'), current_setting('enable_bitmapscan'), current_setting('max_parallel_workers_per_gather')) AS s`)).rows[0].s;
      const before = await settings();
      expect((await verifyEventLog(single, { chunkSize: 5 })).intact).toBe(true);
      expect(await settings()).toBe(before);
      expect((await single.query<{ s: string }>('SELECT pg_current_xact_id_if_assigned()::text AS s')).rows[0].s).toBeNull();
    } finally {
      await single.end();
    }
  });

  it('stops between ranges when aborted', async () => {
    const abort = new AbortController();
    const seen: number[] = [];
    const run = verifyEventLog(pool, {
      chunkSize: 2,
      concurrency: 1,
      signal: abort.signal,
      onProgress: (p) => {
        seen.push(p.verifiedEvents);
        if (p.verifiedEvents >= 4) abort.abort(new Error('operator stopped it'));
      },
    });
    await expect(run).rejects.toThrow('operator stopped it');
    expect(seen).toEqual([2, 4]);
  });
});

describe('digests of all stream heads', () => {
  const server = useServerEventStore('integrity_digests', 4);

  it('records the heads in canonical form, nothing new while the log stands still, a new one once it moves', async () => {
    const digests = new DigestStore(server.pool);
    await server.store.append('ø-stream', [{ type: 'A', data: {}, metadata: testMetadata() }]);
    await server.store.append('z-stream', [{ type: 'A', data: {}, metadata: testMetadata() }, { type: 'B', data: {}, metadata: testMetadata() }]);
    const first = await digests.record('anna@herning.dk');
    expect(first.created).toBe(true);
    const heads = JSON.parse(first.digest.canonicalHeads) as [string, number, string][];
    expect(heads.map(([s, v]) => [s, v])).toEqual([
      ['z-stream', 2],
      ['ø-stream', 1],
    ]); // UTF-8 byte order: 'z' (0x7a) before 'ø' (0xc3 0xb8)
    expect(first.digest).toMatchObject({ sequence: 1, recordedBy: 'anna@herning.dk', streams: 2, events: 3, algorithm: 'SHA-256' });
    expect(first.digest.position).toBe(`${(await server.store.headPosition()).commit}.${(await server.store.headPosition()).prepare}`);

    expect(await digests.record('system')).toEqual({ digest: first.digest, created: false });
    await server.store.append('z-stream', [{ type: 'C', data: {}, metadata: testMetadata() }]);
    const second = await digests.record('system');
    expect(second).toMatchObject({ created: true, digest: { sequence: 2, streams: 2, events: 4 } });
    expect((await digests.list(1, null)).items.map((d) => d.sequence)).toEqual([2]);
    expect(await digests.list(1, 2)).toEqual({ items: [expect.objectContaining({ sequence: 1 })], nextBefore: null });
  });
});

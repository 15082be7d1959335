import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type pg from 'pg';
import type { EventStore, NewEvent } from '../port/index.js';
import { testMetadata } from '../../../test/support/actor.js';

/** A PostgreSQL-family adapter (server or embedded PGlite) and a pool on the same database. */
export interface HashChainSubject {
  readonly store: EventStore;
  readonly pool: pg.Pool;
  teardown(): Promise<void>;
}

export interface ChainLink {
  readonly position: number;
  readonly previousHash: string;
  readonly hash: string;
  /** The hash recomputed by the database from what is stored now. */
  readonly recomputed: string;
}

const ZERO_HASH = '00'.repeat(32);

/** A stream's chain as stored, with every hash recomputed from the stored content. */
export async function readChain(pool: pg.Pool, streamId: string): Promise<ChainLink[]> {
  const { rows } = await pool.query<ChainLink>(
    `SELECT stream_position::int AS position, encode(previous_hash, 'hex') AS "previousHash", encode(hash, 'hex') AS hash,
            encode(es_event_hash(previous_hash, stream_id, stream_position, event_id, type, schema_version, data, metadata, recorded_at), 'hex') AS recomputed
     FROM es_events WHERE stream_id = $1 ORDER BY stream_position`,
    [streamId],
  );
  return rows;
}

/** Every event's hash recomputes, the first links to 32 zero bytes and every other one to its predecessor. */
export function expectIntactChain(chain: readonly ChainLink[], length: number): void {
  expect(chain.map((l) => l.position)).toEqual(Array.from({ length }, (_, i) => i + 1));
  chain.forEach((link, i) => {
    expect(link.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(link.recomputed).toBe(link.hash);
    expect(link.previousHash).toBe(i === 0 ? ZERO_HASH : chain[i - 1].hash);
  });
  expect(new Set(chain.map((l) => l.hash)).size).toBe(chain.length);
}

const event = (type: string, data: unknown = {}, eventId?: string): NewEvent => ({ eventId, type, data, metadata: testMetadata() });

/**
 * The hash chain every PostgreSQL-family adapter writes: the same tests on the server and on the embedded
 * database, whose SQL engines differ in version (15 and 17) but must agree on every byte of the canonical form.
 */
export function describeHashChainContract(adapter: string, start: () => Promise<HashChainSubject>): void {
  describe(`event hash chain: ${adapter}`, () => {
    let subject: HashChainSubject;

    beforeAll(async () => {
      subject = await start();
      await subject.store.migrate();
    });
    afterAll(async () => subject?.teardown());

    it('computes the documented canonical form: a known vector', async () => {
      // The canonical text spelled out by hand from the rules in postgres/schema.ts; the database must agree.
      const canonical =
        '["proposal-æ\\"1",7,"0b1e7a52-3c4d-4e5f-8a9b-0c1d2e3f4a5b","ProposalAmended",2,' +
        '{"n": 1.50, "bb": [1, "x\\ny"], "ccc": null},{"actor": {"subject": "anna@herning.dk"}},"2026-03-04T05:06:07.123456Z"]';
      const previous = Buffer.from('ab'.repeat(32), 'hex');
      const content = createHash('sha256').update(Buffer.from(canonical, 'utf8')).digest();
      const expected = createHash('sha256').update(previous).update(content).digest('hex');
      const { rows } = await subject.pool.query<{ hash: string }>(
        `SELECT encode(es_event_hash($1, $2, 7, '0b1e7a52-3c4d-4e5f-8a9b-0c1d2e3f4a5b', 'ProposalAmended', 2,
            '{"ccc": null, "bb": [1, "x\\ny"], "n": 1.50}'::jsonb, '{"actor": {"subject": "anna@herning.dk"}}'::jsonb,
            '2026-03-04 06:06:07.123456+01'::timestamptz), 'hex') AS hash`,
        [previous, 'proposal-æ"1'],
      );
      expect(rows[0].hash).toBe(expected);
    });

    it('chains single-event appends from 32 zero bytes, each to the one before', async () => {
      const id = `chain-${randomUUID()}`;
      await subject.store.append(id, [event('A', { n: 1 })], { expectedVersion: 'no_stream' });
      await subject.store.append(id, [event('B', { text: 'æøå "quoted"\n' })], { expectedVersion: 1 });
      await subject.store.append(id, [event('C', { amount: 1.5, big: 12345678901234 })], { expectedVersion: 2 });
      expectIntactChain(await readChain(subject.pool, id), 3);
    });

    it('chains a 100-event batch through the batch and on into the next append', async () => {
      const id = `batch-${randomUUID()}`;
      await subject.store.append(id, [event('Opened')]);
      await subject.store.append(id, Array.from({ length: 100 }, (_, i) => event('Counted', { i })), { expectedVersion: 1 });
      await subject.store.append(id, [event('Closed')], { expectedVersion: 101 });
      expectIntactChain(await readChain(subject.pool, id), 102);
    });

    it('chains any mix of single-event and batch appends of any JSON content, storing it unchanged', async () => {
      // single events and batches take different statements: the chain must not tell them apart
      const content = fc.jsonValue().filter((v) => !JSON.stringify(v).includes('\\u0000'));
      await fc.assert(
        fc.asyncProperty(fc.array(fc.array(content, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }), async (appends) => {
          const id = `mixed-${randomUUID()}`;
          for (const [i, batch] of appends.entries()) {
            await subject.store.append(id, batch.map((data) => event('Mixed', data)), { expectedVersion: i === 0 ? 'no_stream' : 'exists' });
          }
          const written = appends.flat();
          expectIntactChain(await readChain(subject.pool, id), written.length);
          // as JSON sees it: jsonb keeps -0 as 0 and reorders keys, neither of which JSON.stringify can tell apart
          const stored = (await subject.store.readStream(id)).map((e) => e.data);
          expect(stored).toEqual(JSON.parse(JSON.stringify(written)));
        }),
        { numRuns: 15 },
      );
    });

    it('keeps every stream its own chain', async () => {
      const [a, b] = [`own-${randomUUID()}`, `own-${randomUUID()}`];
      await subject.store.append(a, [event('A1'), event('A2')]);
      await subject.store.append(b, [event('B1')]);
      await subject.store.append(a, [event('A3')]);
      expectIntactChain(await readChain(subject.pool, a), 3);
      expectIntactChain(await readChain(subject.pool, b), 1);
    });

    it('writes no hash twice for a retried append', async () => {
      const id = `retry-${randomUUID()}`;
      const ids = [randomUUID(), randomUUID()];
      const events = [event('A', { n: 1 }, ids[0]), event('B', { n: 2 }, ids[1])];
      await subject.store.append(id, events, { expectedVersion: 'no_stream' });
      const before = await readChain(subject.pool, id);
      const retry = await subject.store.append(id, events, { expectedVersion: 'no_stream' });
      expect(retry.idempotentReplay).toBe(true);
      expect(await readChain(subject.pool, id)).toEqual(before);
    });

    it('makes the stored hash depend on every part of the content', async () => {
      const id = `depends-${randomUUID()}`;
      await subject.store.append(id, [event('A', { n: 1, s: 'x' })]);
      const { rows } = await subject.pool.query<{ variant: string; same: boolean }>(
        `SELECT v.variant, es_event_hash(e.previous_hash, v.stream_id, v.stream_position, v.event_id, v.type, v.schema_version, v.data, v.metadata, v.recorded_at) = e.hash AS same
         FROM es_events e CROSS JOIN LATERAL (VALUES
           ('as stored', e.stream_id, e.stream_position, e.event_id, e.type, e.schema_version, e.data, e.metadata, e.recorded_at),
           ('stream', e.stream_id || 'x', e.stream_position, e.event_id, e.type, e.schema_version, e.data, e.metadata, e.recorded_at),
           ('position', e.stream_id, e.stream_position + 1, e.event_id, e.type, e.schema_version, e.data, e.metadata, e.recorded_at),
           ('event id', e.stream_id, e.stream_position, gen_random_uuid(), e.type, e.schema_version, e.data, e.metadata, e.recorded_at),
           ('type', e.stream_id, e.stream_position, e.event_id, e.type || 'x', e.schema_version, e.data, e.metadata, e.recorded_at),
           ('schema version', e.stream_id, e.stream_position, e.event_id, e.type, e.schema_version + 1, e.data, e.metadata, e.recorded_at),
           ('data', e.stream_id, e.stream_position, e.event_id, e.type, e.schema_version, e.data || '{"n": 2}', e.metadata, e.recorded_at),
           ('metadata', e.stream_id, e.stream_position, e.event_id, e.type, e.schema_version, e.data, e.metadata || '{"reason": "x"}', e.recorded_at),
           ('recorded at', e.stream_id, e.stream_position, e.event_id, e.type, e.schema_version, e.data, e.metadata, e.recorded_at + interval '1 microsecond')
         ) AS v(variant, stream_id, stream_position, event_id, type, schema_version, data, metadata, recorded_at)
         WHERE e.stream_id = $1`,
        [id],
      );
      expect(Object.fromEntries(rows.map((r) => [r.variant, r.same]))).toEqual({
        'as stored': true,
        stream: false,
        position: false,
        'event id': false,
        type: false,
        'schema version': false,
        data: false,
        metadata: false,
        'recorded at': false,
      });
    });
  });
}

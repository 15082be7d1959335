import { randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { testMetadata } from '../../../test/support/actor.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres.js';
import { verifyEventLog } from '../../integrity/verify-event-log.js';
import { PostgresEventStore } from '../postgres/postgres-event-store.js';
import { APPEND_SQL } from '../postgres/schema.js';
import { exportLog, type ExportFilter, type ExportedEvent } from './export-log.js';
import { ImportRejectedError, importLog } from './import-log.js';
import { TransferAbortedError } from './transfer-options.js';

interface Log {
  readonly db: TestDatabase;
  readonly pool: pg.Pool;
  readonly store: PostgresEventStore;
}

async function emptyLog(prefix: string): Promise<Log> {
  const db = await createTestDatabase(prefix);
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  const store = new PostgresEventStore(pool);
  await store.migrate();
  return { db, pool, store };
}

async function exportText(pool: pg.Pool, filter: ExportFilter = {}, batchSize?: number): Promise<string> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  await exportLog(pool, filter, sink, { batchSize });
  sink.end();
  return Buffer.concat(chunks).toString('utf8');
}

const lines = (text: string) => text.split('\n').filter(Boolean);
const parsed = (text: string) => lines(text).map((l) => JSON.parse(l) as ExportedEvent);
/** The log as exported, without the source's global positions (a target numbers its own, in the same order). */
const withoutPositions = (text: string) => lines(text).map((l) => l.replace(/"globalPosition" : "\d+", /, ''));

describe('log export and import', () => {
  let source: Log;
  const cleanups: (() => Promise<void>)[] = [];
  const target = async () => {
    const log = await emptyLog('transfer_target');
    cleanups.push(async () => {
      await log.pool.end();
      await log.db.drop();
    });
    return log;
  };

  beforeAll(async () => {
    source = await emptyLog('transfer_source');
    const meta = testMetadata({ reason: 'ændring "med" citat\n', requestId: 'req-1' });
    await source.store.append('proposal-1', [
      { type: 'ProposalDrafted', data: { title: 'Selvbetjening æøå', amount: { amountMinor: 60_000_000, currency: 'DKK' } }, metadata: meta },
      { type: 'ProposalAmended', data: { tags: ['a', 'b'], nested: { deep: [1, 2.5, null, true] } }, metadata: meta, schemaVersion: 2 },
    ]);
    await source.store.append('funding-pool-1', Array.from({ length: 7 }, (_, i) => ({ type: 'Counted', data: { i }, metadata: testMetadata() })));
    // numbers JavaScript cannot carry unchanged: written straight through the append statement, as stored text
    await source.pool.query(APPEND_SQL, [
      'ledger-1',
      -2,
      `[{"id":"${randomUUID()}","type":"Booked","v":1,"data":{"amount":1.50,"big":123456789012345678901234567890,"tiny":1e-7},"meta":{"actor":{"subject":"s","roles":[]},"correlationId":"c"}}]`,
    ]);
    await source.store.append('proposal-1', [{ type: 'ProposalSubmitted', data: {}, metadata: meta }]);
  });
  afterAll(async () => {
    for (const c of cleanups) await c();
    await source.store.close();
    await source.pool.end();
    await source.db.drop();
  });

  it('exports every event with all its fields, in the log order, stored numbers untouched', async () => {
    const text = await exportText(source.pool, {}, 3);
    const events = parsed(text);
    expect(events).toHaveLength(11);
    expect(events.map((e) => `${e.streamId}@${e.streamPosition}`).slice(0, 3)).toEqual(['proposal-1@1', 'proposal-1@2', 'funding-pool-1@1']);
    expect(events[events.length - 1]).toMatchObject({ streamId: 'proposal-1', streamPosition: 3, type: 'ProposalSubmitted' });
    const [drafted] = events;
    expect(drafted).toEqual({
      streamId: 'proposal-1',
      streamPosition: 1,
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'ProposalDrafted',
      schemaVersion: 1,
      data: { title: 'Selvbetjening æøå', amount: { amountMinor: 60_000_000, currency: 'DKK' } },
      metadata: expect.objectContaining({ reason: 'ændring "med" citat\n', requestId: 'req-1' }),
      recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
      globalPosition: expect.stringMatching(/^\d+$/),
      previousHash: '0'.repeat(64),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(events[1]).toMatchObject({ schemaVersion: 2, previousHash: drafted.hash });
    expect(text).toContain(`"data" : {"big": 123456789012345678901234567890, "tiny": 0.0000001, "amount": 1.50}`);
  });

  it('filters by streams, by prefix and by recorded time', async () => {
    const ids = (filter: ExportFilter) => exportText(source.pool, filter).then((t) => [...new Set(parsed(t).map((e) => e.streamId))]);
    expect(await ids({ streams: ['ledger-1', 'funding-pool-1'] })).toEqual(['funding-pool-1', 'ledger-1']);
    expect(await ids({ streamPrefix: 'proposal-' })).toEqual(['proposal-1']);
    expect(await ids({ streamPrefix: 'proposal_' })).toEqual([]); // a prefix, not a LIKE pattern
    const all = parsed(await exportText(source.pool));
    const last = new Date(all[all.length - 1].recordedAt);
    expect(parsed(await exportText(source.pool, { from: last })).map((e) => e.type)).toEqual(['ProposalSubmitted']);
    expect(parsed(await exportText(source.pool, { to: last })).length).toBe(10);
    expect(await exportText(source.pool, { from: last, to: last })).toBe('');
    await expect(exportText(source.pool, { from: new Date('nonsense') })).rejects.toThrow(/from must be a valid Date/);
  });

  it('imports into an empty database as the identical log: events, recorded times, hashes, order; it verifies', async () => {
    const exported = await exportText(source.pool);
    const { pool } = await target();
    expect(await importLog(pool, Readable.from(exported), { batchSize: 4 })).toEqual({ imported: 11, skipped: 0 });
    expect(withoutPositions(await exportText(pool))).toEqual(withoutPositions(exported));
    expect(await verifyEventLog(pool)).toMatchObject({ intact: true, events: 11, streams: 3 });
    // and a second import of the same file changes nothing
    expect(await importLog(pool, Readable.from(exported), { batchSize: 4 })).toEqual({ imported: 0, skipped: 11 });
    expect(withoutPositions(await exportText(pool))).toEqual(withoutPositions(exported));
  });

  it('resumes a partly imported file: what is there is skipped, the rest imported', async () => {
    const exported = lines(await exportText(source.pool));
    const { pool } = await target();
    await importLog(pool, Readable.from(exported.slice(0, 5).join('\n')));
    expect(await importLog(pool, Readable.from(exported.join('\n')), { batchSize: 3 })).toEqual({ imported: 6, skipped: 5 });
    expect((await verifyEventLog(pool)).intact).toBe(true);
  });

  it('refuses a changed line, naming it, and keeps only the batches before it', async () => {
    const exported = lines(await exportText(source.pool));
    exported[6] = exported[6].replace(/"i" : \d|"i": \d/, '"i": 42');
    expect(exported[6]).toContain('"i": 42');
    const { pool } = await target();
    const run = importLog(pool, Readable.from(exported.join('\n')), { batchSize: 5 });
    await expect(run).rejects.toBeInstanceOf(ImportRejectedError);
    await expect(importLog(pool, Readable.from(exported.join('\n')), { batchSize: 5 })).rejects.toMatchObject({
      line: 7,
      reason: expect.stringContaining('hash does not match'),
      progress: { imported: 0, skipped: 5 },
    });
    expect(Number((await pool.query('SELECT count(*) AS n FROM es_events')).rows[0].n)).toBe(5);
  });

  it('refuses a stream that does not follow on from the log, and lines that are not events', async () => {
    const tail = parsed(await exportText(source.pool)).filter((e) => e.streamId === 'funding-pool-1' && e.streamPosition > 2);
    const { pool } = await target();
    await expect(importLog(pool, Readable.from(tail.map((e) => JSON.stringify(e)).join('\n')))).rejects.toMatchObject({
      line: 1,
      reason: expect.stringContaining('does not follow on from version 2'),
    });
    await expect(importLog(pool, Readable.from('{"streamId":"x"}\n'))).rejects.toMatchObject({ line: 1, reason: 'streamPosition must be a whole number from 1' });
    await expect(importLog(pool, Readable.from('\n\nnot json\n'))).rejects.toMatchObject({ line: 3, reason: 'not JSON' });
    expect(Number((await pool.query('SELECT count(*) AS n FROM es_events')).rows[0].n)).toBe(0);
  });

  it('refuses a recorded time that is no instant and a schema version the log cannot store, naming the line, not the database error', async () => {
    const [first, second] = parsed(await exportText(source.pool));
    const { pool } = await target();
    const withFirst = (changed: object) => [JSON.stringify(first), JSON.stringify({ ...second, ...changed })].join('\n');
    await expect(importLog(pool, Readable.from(withFirst({ recordedAt: '2027-02-30T10:00:00.000000Z' })))).rejects.toEqual(
      new ImportRejectedError(2, 'recordedAt must be UTC with microseconds (YYYY-MM-DDTHH:MM:SS.ffffffZ)', { imported: 0, skipped: 0 }),
    );
    await expect(importLog(pool, Readable.from(withFirst({ recordedAt: '2027-01-01T24:61:00.000000Z' })))).rejects.toMatchObject({ line: 2 });
    await expect(importLog(pool, Readable.from(withFirst({ schemaVersion: 2 ** 31 })))).rejects.toEqual(
      new ImportRejectedError(2, 'schemaVersion must be a whole number from 1 to 2147483647', { imported: 0, skipped: 0 }),
    );
    expect(Number((await pool.query('SELECT count(*) AS n FROM es_events')).rows[0].n)).toBe(0);
  });

  it('refuses an event id the log holds elsewhere', async () => {
    const [first] = parsed(await exportText(source.pool));
    const { pool, store } = await target();
    await store.append('other', [{ eventId: first.eventId, type: 'Other', data: {}, metadata: testMetadata() }]);
    await expect(importLog(pool, Readable.from(JSON.stringify(first)))).rejects.toMatchObject({
      line: 1,
      reason: expect.stringContaining('as version 1 of stream other with another hash'),
    });
  });

  it('stops cleanly between batches when aborted, and finishes when run again', async () => {
    const exported = await exportText(source.pool);
    const { pool } = await target();
    const abort = new AbortController();
    const run = importLog(pool, Readable.from(exported), {
      batchSize: 4,
      signal: abort.signal,
      onProgress: () => abort.abort(),
    });
    await expect(run).rejects.toEqual(expect.objectContaining({ name: 'AbortError', progress: { imported: 4, skipped: 0 } }));
    expect(Number((await pool.query('SELECT count(*) AS n FROM es_events')).rows[0].n)).toBe(4);
    expect(await importLog(pool, Readable.from(exported))).toEqual({ imported: 7, skipped: 4 });

    const sink = new PassThrough();
    const written: string[] = [];
    sink.on('data', (c: Buffer) => written.push(c.toString()));
    const stop = new AbortController();
    const exporting = exportLog(source.pool, {}, sink, { batchSize: 5, signal: stop.signal, onProgress: () => stop.abort() });
    await expect(exporting).rejects.toBeInstanceOf(TransferAbortedError);
    await expect(exporting).rejects.toMatchObject({ progress: { exported: 5 } });
    expect(lines(written.join(''))).toHaveLength(5);
  });
});

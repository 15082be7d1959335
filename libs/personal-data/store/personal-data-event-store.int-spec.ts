import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { PostgresEventStore, type EventMetadata, type EventStore, type RecordedEvent } from '../../event-store/index.js';
import { EMBEDDED_POOL_MAX } from '../../event-store/pglite/embedded-postgres.js';
import { startTemporaryEmbeddedPostgres } from '../../event-store/pglite/testing/temporary-embedded-postgres.js';
import { describeEventStoreContract } from '../../event-store/testing/contract-suite.js';
import { verifyEventLog } from '../../integrity/verify-event-log.js';
import { createTestDatabase } from '../../../test/support/postgres.js';
import { testMetadata } from '../../../test/support/actor.js';
import { PERSONAL_DATA_KEYS_DDL } from '../read-models/migrations/1797900000000-personal-data-keys.js';
import { PersonalDataEventStore } from './personal-data-event-store.js';
import { PersonKeys } from './person-keys.js';

interface Subject {
  readonly pool: pg.Pool;
  readonly store: EventStore;
  readonly keys: PersonKeys;
  stop(): Promise<void>;
}

async function onServer(): Promise<Subject> {
  const db = await createTestDatabase('personal_data');
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  return subject(pool, new PostgresEventStore(pool), true, async () => {
    await pool.end();
    await db.drop();
  });
}

async function embedded(): Promise<Subject> {
  const database = await startTemporaryEmbeddedPostgres();
  const pool = new pg.Pool({ connectionString: database.url, max: EMBEDDED_POOL_MAX });
  return subject(pool, new PostgresEventStore(pool, undefined, { preparedStatements: false }), false, async () => {
    await pool.end();
    await database.stop();
  });
}

async function subject(pool: pg.Pool, inner: PostgresEventStore, preparedStatements: boolean, stop: () => Promise<void>): Promise<Subject> {
  await pool.query(PERSONAL_DATA_KEYS_DDL);
  const keys = new PersonKeys(pool, { preparedStatements });
  return { pool, store: new PersonalDataEventStore(inner, keys), keys, stop };
}

// the decorator keeps every promise of the port
describeEventStoreContract('personal data decorator on PostgreSQL', async () => {
  const s = await onServer();
  return { store: s.store, secondStore: new PersonalDataEventStore(new PostgresEventStore(s.pool), s.keys), teardown: () => s.stop() };
});

const bo = { name: 'Bo Jensen', email: 'bo@herning.dk' };
const ole = { name: 'Ole Hansen', email: 'ole@herning.dk' };
const herning = (): EventMetadata => testMetadata({ actor: { subject: 'anna@herning.dk', roles: ['programme_office'], organisationId: 'herning' } });
const drafted = (proposalId: string, owner = bo) => ({
  type: 'ProposalDrafted',
  data: { proposalId, form: { title: 'Digital mail', systemOwner: { person: owner }, projectLeadership: [{ person: ole, role: 'project leader' }] } },
  metadata: herning(),
});
const ownerOf = (e: RecordedEvent) => (e.data as { form: { systemOwner: { person: unknown } } }).form.systemOwner.person;

async function rawRows(pool: pg.Pool, streamId: string): Promise<string[]> {
  const { rows } = await pool.query<{ data: unknown }>('SELECT data FROM es_events WHERE stream_id = $1 ORDER BY stream_position', [streamId]);
  return rows.map((r) => JSON.stringify(r.data));
}

function describePersonalData(where: string, start: () => Promise<Subject>): void {
  describe(`personal data in the log: ${where}`, () => {
    let s: Subject;
    beforeAll(async () => {
      s = await start();
      await s.store.migrate();
    }, 120_000);
    afterAll(async () => s?.stop());

    it('stores only ciphertext and reads the person back on every read', async () => {
      const stream = `proposal-${randomUUID()}`;
      const before = await s.store.headPosition(); // other tests share this log: read from here, not from the start
      const appended = await s.store.append(stream, [drafted(stream)], { expectedVersion: 'no_stream' });
      const [raw] = await rawRows(s.pool, stream);
      expect(raw).not.toMatch(/Bo Jensen|bo@herning\.dk|Ole Hansen|ole@herning\.dk/);
      expect(JSON.parse(raw).form.title).toBe('Digital mail');

      const [read] = await s.store.readStream(stream);
      expect(read.data).toEqual(drafted(stream).data);
      const all = await s.store.readAll({ after: before, limit: 1000 });
      expect(ownerOf(all.events.find((e) => e.streamId === stream)!)).toEqual(bo);

      const subscription = s.store.subscribe({ after: before });
      for await (const batch of subscription) {
        const mine = batch.events.find((e) => e.streamId === stream);
        if (mine) {
          expect(ownerOf(mine)).toEqual(bo);
          break;
        }
      }
      await subscription.stop();
      expect(appended.nextExpectedVersion).toBe(1);
    });

    it('keys one person per email in an organisation, across streams and writers racing for a new person', async () => {
      const carol = { name: 'Carol Berg', email: `carol-${randomUUID()}@herning.dk` };
      const streams = Array.from({ length: 6 }, () => `proposal-${randomUUID()}`);
      await Promise.all(streams.map((stream) => s.store.append(stream, [drafted(stream, carol)])));
      const envelopes = await Promise.all(streams.map(async (stream) => JSON.parse((await rawRows(s.pool, stream))[0]).form.systemOwner.person.personId));
      expect(new Set(envelopes).size).toBe(1);
      const { rows } = await s.pool.query('SELECT count(*)::int AS n FROM personal_data_keys WHERE person_id = $1', [envelopes[0]]);
      expect(rows[0].n).toBe(1);
    });

    it('reads an erased person as erased, leaves the stored events as they were and the chain verifying', async () => {
      const stream = `proposal-${randomUUID()}`;
      const dan = { name: 'Dan Lund', email: `dan-${randomUUID()}@herning.dk` };
      await s.store.append(stream, [drafted(stream, dan)]);
      const before = await rawRows(s.pool, stream);
      const personId = JSON.parse(before[0]).form.systemOwner.person.personId as string;

      await s.keys.erase(personId);
      await s.keys.erase(personId); // a repeat changes nothing

      const [read] = await s.store.readStream(stream);
      expect(ownerOf(read)).toEqual({ erased: true });
      expect((read.data as { form: { projectLeadership: unknown[] } }).form.projectLeadership).toEqual([{ person: ole, role: 'project leader' }]);
      expect(JSON.stringify(read.data)).not.toContain('Dan Lund');
      expect(await rawRows(s.pool, stream)).toEqual(before);
      expect(await s.keys.get(personId)).toMatchObject({ personId, organisationId: 'herning', erasedAt: expect.any(Date) });
      const report = await verifyEventLog(s.pool);
      expect(report).toMatchObject({ intact: true, brokenLinks: 0 });
      expect(report.events).toBeGreaterThan(0);

      // named again later, the same email is a new person with a new key: the old events stay erased
      const again = `proposal-${randomUUID()}`;
      await s.store.append(again, [drafted(again, dan)]);
      expect(ownerOf((await s.store.readStream(again))[0])).toEqual(dan);
      expect(ownerOf((await s.store.readStream(stream))[0])).toEqual({ erased: true });
    });

    it('records which event types carried personal data, and leaves other events as written', async () => {
      const stream = `plain-${randomUUID()}`;
      await s.store.append(stream, [{ type: 'Plain', data: { title: 'No people here', department: { name: 'IT' } }, metadata: herning() }]);
      expect((await s.store.readStream(stream))[0].data).toEqual({ title: 'No people here', department: { name: 'IT' } });
      expect(await s.keys.typesCarryingPersonalData()).toEqual(['ProposalDrafted']);
    });
  });
}

describePersonalData('PostgreSQL server', onServer);
describePersonalData('embedded PGlite', embedded);

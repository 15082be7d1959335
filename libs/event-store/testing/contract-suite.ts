import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  IdempotencyViolationError,
  LOG_START,
  WrongExpectedVersionError,
  compareLogPositions,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '../port/index.js';
import { testMetadata } from '../../../test/support/actor.js';

export interface ContractSubject {
  readonly store: EventStore;
  /** A second store instance on the same log (another process, as far as the store can tell). */
  readonly secondStore?: EventStore;
  /**
   * Whether the store refuses an event id already written to another stream. PostgreSQL does (a unique index over
   * all events); KurrentDB keeps no global id index, so its adapter documents this as not detected.
   */
  readonly detectsIdsMovedToAnotherStream?: boolean;
  teardown(): Promise<void>;
}

const event = (type: string, data: unknown = {}, eventId?: string): NewEvent => ({
  eventId,
  type,
  data,
  metadata: testMetadata(),
});

const stream = () => `contract-${randomUUID()}`;

/** Reads the whole log after a position, following `lastPosition` until the end. */
async function readAllAfter(store: EventStore, after = LOG_START, types?: string[]): Promise<RecordedEvent[]> {
  const seen: RecordedEvent[] = [];
  for (let pos = after; ; ) {
    const batch = await store.readAll({ after: pos, limit: 7, types });
    seen.push(...batch.events);
    pos = batch.lastPosition;
    if (batch.isEnd) return seen;
  }
}

/**
 * The behaviour every event-store adapter must show. Run it with a factory per adapter; each run gets a fresh,
 * empty log.
 */
export function describeEventStoreContract(adapter: string, start: () => Promise<ContractSubject>): void {
  describe(`event store contract: ${adapter}`, () => {
    let subject: ContractSubject;
    let store: EventStore;

    beforeAll(async () => {
      subject = await start();
      store = subject.store;
      await store.migrate();
      await store.migrate(); // migrating twice is harmless
    });
    afterAll(async () => subject?.teardown());

    describe('append and read a stream', () => {
      it('creates a stream and reads it back forwards and backwards with positions and metadata', async () => {
        const id = stream();
        const meta = testMetadata({ reason: 'initial draft', requestId: 'req-1', causationId: 'cause-1' });
        const result = await store.append(
          id,
          [
            { type: 'A', data: { n: 1, text: 'æøå' }, metadata: meta },
            { type: 'B', data: { n: 2 }, metadata: meta },
            { type: 'C', data: { n: 3 }, metadata: meta },
          ],
          { expectedVersion: 'no_stream' },
        );
        expect(result.nextExpectedVersion).toBe(3);
        expect(result.idempotentReplay).toBe(false);
        expect(await store.streamVersion(id)).toBe(3);

        const forwards = await store.readStream(id);
        expect(forwards.map((e) => [e.type, e.streamPosition, e.data])).toEqual([
          ['A', 1, { n: 1, text: 'æøå' }],
          ['B', 2, { n: 2 }],
          ['C', 3, { n: 3 }],
        ]);
        expect(forwards[0].metadata).toEqual(meta);
        expect(forwards[0].recordedAt).toBeInstanceOf(Date);
        expect(forwards[2].globalPosition).toBe(result.lastGlobalPosition);
        expect(result.globalPositions).toEqual(forwards.map((e) => e.globalPosition));
        expect(forwards.map((e) => e.recordedAt.getTime())).toEqual(Array(3).fill(result.recordedAt.getTime()));
        expect(compareLogPositions(forwards[2].position, result.lastPosition)).toBe(0);

        const backwards = await store.readStream(id, { direction: 'backwards' });
        expect(backwards.map((e) => e.streamPosition)).toEqual([3, 2, 1]);
        expect((await store.readStream(id, { direction: 'backwards', fromVersion: 2, maxCount: 1 })).map((e) => e.type)).toEqual(['B']);
        expect((await store.readStream(id, { fromVersion: 2 })).map((e) => e.type)).toEqual(['B', 'C']);
        expect((await store.readStream(id, { toVersion: 2 })).map((e) => e.type)).toEqual(['A', 'B']);
        expect((await store.readStream(id, { maxCount: 1 })).map((e) => e.type)).toEqual(['A']);
      });

      it('reads an absent stream as empty at version 0', async () => {
        const id = stream();
        expect(await store.readStream(id)).toEqual([]);
        expect(await store.streamVersion(id)).toBe(0);
      });

      it('appends at the expected version and continues positions', async () => {
        const id = stream();
        const first = await store.append(id, [event('A')], { expectedVersion: 'no_stream' });
        const second = await store.append(id, [event('B'), event('C')], { expectedVersion: first.nextExpectedVersion });
        expect(second.nextExpectedVersion).toBe(3);
        const third = await store.append(id, [event('D')], { expectedVersion: 'exists' });
        expect(third.nextExpectedVersion).toBe(4);
        const fourth = await store.append(id, [event('E')], { expectedVersion: 'any' });
        expect(fourth.nextExpectedVersion).toBe(5);
        expect(compareLogPositions(first.lastPosition, fourth.lastPosition)).toBeLessThan(0);
      });

      it('accepts "any" and exact 0 on a new stream', async () => {
        expect((await store.append(stream(), [event('A')], { expectedVersion: 'any' })).nextExpectedVersion).toBe(1);
        expect((await store.append(stream(), [event('A')], { expectedVersion: 0 })).nextExpectedVersion).toBe(1);
      });
    });

    describe('optimistic concurrency', () => {
      it.each([
        ['no_stream on an existing stream', 'no_stream' as const, 2],
        ['a stale version', 1, 2],
        ['a version from the future', 5, 2],
      ])('refuses %s with the current version and writes nothing', async (_label, expected, actual) => {
        const id = stream();
        await store.append(id, [event('A'), event('B')]);
        const attempt = store.append(id, [event('X')], { expectedVersion: expected });
        await expect(attempt).rejects.toBeInstanceOf(WrongExpectedVersionError);
        await expect(store.append(id, [event('X')], { expectedVersion: expected })).rejects.toMatchObject({
          actualVersion: actual,
          streamId: id,
          expected,
        });
        expect(await store.streamVersion(id)).toBe(2);
      });

      it('refuses "exists" and a positive version on an absent stream', async () => {
        const id = stream();
        await expect(store.append(id, [event('A')], { expectedVersion: 'exists' })).rejects.toMatchObject({ actualVersion: 0 });
        await expect(store.append(id, [event('A')], { expectedVersion: 3 })).rejects.toBeInstanceOf(WrongExpectedVersionError);
        expect(await store.readStream(id)).toEqual([]);
      });
    });

    describe('idempotent appends', () => {
      it('returns the first result for a retried append and writes nothing twice', async () => {
        const id = stream();
        const ids = [randomUUID(), randomUUID()];
        const first = await store.append(id, [event('A', { n: 1 }, ids[0]), event('B', { n: 2 }, ids[1])], { expectedVersion: 'no_stream' });
        const retry = await store.append(id, [event('A', { n: 1 }, ids[0]), event('B', { n: 2 }, ids[1])], { expectedVersion: 'no_stream' });
        expect(retry.idempotentReplay).toBe(true);
        expect(retry.nextExpectedVersion).toBe(first.nextExpectedVersion);
        expect(retry.lastGlobalPosition).toBe(first.lastGlobalPosition);
        expect(retry.globalPositions).toEqual(first.globalPositions);
        expect(retry.recordedAt.getTime()).toBe(first.recordedAt.getTime());
        expect(compareLogPositions(retry.lastPosition, first.lastPosition)).toBe(0);
        expect(await store.readStream(id)).toHaveLength(2);
      });

      it('replays an earlier append even after the stream moved on', async () => {
        const id = stream();
        const eventId = randomUUID();
        const first = await store.append(id, [event('A', {}, eventId)]);
        await store.append(id, [event('B')]);
        const retry = await store.append(id, [event('A', {}, eventId)], { expectedVersion: 0 });
        expect(retry).toMatchObject({ idempotentReplay: true, nextExpectedVersion: first.nextExpectedVersion });
        expect(await store.streamVersion(id)).toBe(2);
      });

      it('refuses an append that mixes written ids with new ones, or moves them to another stream', async () => {
        const id = stream();
        const reused = randomUUID();
        await store.append(id, [event('A', {}, reused), event('B')]);
        await expect(store.append(id, [event('A', {}, reused), event('Z')])).rejects.toBeInstanceOf(IdempotencyViolationError);
        if (subject.detectsIdsMovedToAnotherStream !== false) {
          await expect(store.append(stream(), [event('A', {}, reused)])).rejects.toBeInstanceOf(IdempotencyViolationError);
        }
        expect(await store.streamVersion(id)).toBe(2);
        expect((await store.readStream(id)).map((e) => e.type)).toEqual(['A', 'B']);
      });
    });

    describe('the global log', () => {
      it('reads every event after a position, in append order for sequential writers, in pages', async () => {
        const start = await store.headPosition();
        const a = stream();
        const b = stream();
        await store.append(a, [event('G1', { i: 1 }), event('G2', { i: 2 })]);
        await store.append(b, [event('G3', { i: 3 })]);
        await store.append(a, [event('G4', { i: 4 })]);
        for (let i = 5; i <= 20; i++) await store.append(b, [event(`G${i}`, { i })]);
        const seen = await readAllAfter(store, start);
        expect(seen.map((e) => (e.data as { i: number }).i)).toEqual(Array.from({ length: 20 }, (_, k) => k + 1));
        for (let k = 1; k < seen.length; k++) expect(compareLogPositions(seen[k - 1].position, seen[k].position)).toBeLessThan(0);
        expect(compareLogPositions(await store.headPosition(), seen[seen.length - 1].position)).toBe(0);
      });

      it('filters by event type without losing its place', async () => {
        const start = await store.headPosition();
        const id = stream();
        const kind = `Only-${randomUUID()}`;
        await store.append(id, [event('Other'), event(kind, { k: 1 }), event('Other'), event(kind, { k: 2 })]);
        const seen = await readAllAfter(store, start, [kind]);
        expect(seen.map((e) => e.data)).toEqual([{ k: 1 }, { k: 2 }]);
      });

      it('delivers existing and new events to a subscriber exactly once, in order', async () => {
        const start = await store.headPosition();
        const id = stream();
        await store.append(id, [event('S1'), event('S2')]);
        const subscription = store.subscribe({ after: start, batchSize: 2, pollIntervalMs: 20 });
        const received: RecordedEvent[] = [];
        const done = (async () => {
          for await (const batch of subscription) {
            received.push(...batch.events);
            if (received.length >= 5) break;
          }
        })();
        await store.append(id, [event('S3')]);
        await (subject.secondStore ?? store).append(id, [event('S4'), event('S5')]);
        await done;
        await subscription.stop();
        expect(received.map((e) => e.type)).toEqual(['S1', 'S2', 'S3', 'S4', 'S5']);
      });

      it('reads at once, when poked, what another instance appended (read your writes across instances)', async () => {
        const start = await store.headPosition();
        const id = stream();
        const subscription = store.subscribe({ after: start, pollIntervalMs: 60_000 });
        const received: string[] = [];
        let arrived: () => void = () => undefined;
        const done = (async () => {
          for await (const batch of subscription) {
            received.push(...batch.events.map((e) => e.type));
            arrived();
          }
        })();
        const until = (count: number) =>
          new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`received ${received.join(',')} after 10 s`)), 10_000);
            arrived = () => received.length >= count && (clearTimeout(timer), resolve());
            arrived();
          });
        await store.append(id, [event('P1')]);
        await until(1);
        await (subject.secondStore ?? store).append(id, [event('P2')]);
        subscription.poke?.();
        await until(2); // long before the 60 s poll
        await subscription.stop();
        await done;
        expect(received).toEqual(['P1', 'P2']);
      });

      it('resumes a subscription from a stored position without repeats', async () => {
        const start = await store.headPosition();
        const id = stream();
        await store.append(id, [event('R1'), event('R2'), event('R3')]);
        const firstTwo = (await store.readAll({ after: start, limit: 2 })).events;
        const resumed = store.subscribe({ after: firstTwo[1].position, pollIntervalMs: 20 });
        for await (const batch of resumed) {
          expect(batch.events.map((e) => e.type)).toEqual(['R3']);
          break;
        }
        await resumed.stop();
      });
    });
  });
}

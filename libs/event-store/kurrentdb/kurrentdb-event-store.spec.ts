import { describe, expect, it } from '@jest/globals';
import {
  ANY,
  BACKWARDS,
  END,
  FORWARDS,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError as KurrentWrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type EventData,
} from '@kurrent/kurrentdb-client';
import fc from 'fast-check';
import {
  IdempotencyViolationError,
  InvalidAppendError,
  LOG_START,
  UpcasterRegistry,
  WrongExpectedVersionError,
  type RecordedEvent,
} from '../port/index.js';
import { testMetadata } from '../../../test/support/actor.js';
import { MalformedEnvelopeError, type Envelope } from './envelope.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';
import { canonicalJson, toStreamState, versionOf } from './mapping.js';
import { envelopeFixture, legacyRecordedEvent, recordedEvent, RecordedAll, RecordedLog, type Request } from './testing/recorded-log.js';

const PREFIX = 'portfolio.';
const ID_A = '8d0f3b7e-3c55-4b8e-9a41-0a7f7c1e0a01';
const ID_B = '8d0f3b7e-3c55-4b8e-9a41-0a7f7c1e0a02';
const ID_OTHER = '8d0f3b7e-3c55-4b8e-9a41-0a7f7c1e0aff';
const at = (n: number) => ({ commit: BigInt(n), prepare: BigInt(n) });

const store = (log: RecordedLog | RecordedAll, upcasters?: UpcasterRegistry) => new KurrentDbEventStore(log, upcasters, { streamPrefix: PREFIX });

/** The events of an append request, as the server would give them back on the read that follows it. */
function echo(request: Request, firstRevision: number, firstPosition: number, envelope: Partial<Envelope> = {}): AllStreamResolvedEvent[] {
  if (request.call !== 'appendToStream') throw new Error(`expected an append, got ${request.call}`);
  return request.events.map((e: EventData, i) =>
    recordedEvent({
      stream: request.streamName,
      revision: BigInt(firstRevision + i),
      id: e.id,
      type: e.type,
      data: JSON.parse(JSON.stringify(e.data)),
      metadata: { ...JSON.parse(JSON.stringify(e.metadata)), ...envelope },
      position: at(firstPosition + i * 300),
    }),
  );
}

const appended = (log: RecordedLog) => log.requests[0] as Extract<Request, { call: 'appendToStream' }>;

describe('KurrentDB adapter: mapping recorded client responses', () => {
  describe('expected versions and revisions', () => {
    it('maps any, no_stream, exists and exact versions to the stream states the client sends', () => {
      expect(toStreamState('any')).toBe(ANY);
      expect(toStreamState('no_stream')).toBe(NO_STREAM);
      expect(toStreamState('exists')).toBe(STREAM_EXISTS);
      expect(toStreamState(0)).toBe(NO_STREAM);
      expect(toStreamState(1)).toBe(0n);
      expect(toStreamState(42)).toBe(41n);
      expect(versionOf(NO_STREAM)).toBe(0);
    });

    it('turns every version into a revision and back (property)', () => {
      fc.assert(fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER - 1 }), (version) => expect(versionOf(toStreamState(version) as bigint | typeof NO_STREAM)).toBe(version)));
    });

    it('refuses a version that is not one without calling the server', async () => {
      const log = new RecordedLog();
      for (const bad of [-1, 1.5, Number.NaN]) {
        await expect(store(log).append('proposal-1', [{ type: 'A', data: {}, metadata: testMetadata() }], { expectedVersion: bad })).rejects.toBeInstanceOf(InvalidAppendError);
      }
      expect(log.requests).toEqual([]);
    });
  });

  describe('append', () => {
    it('writes under the prefix with the ids, JSON data and the metadata envelope, and answers every position from the read-back', async () => {
      const meta = testMetadata({ causationId: 'cause-1', requestId: 'req-1', reason: 'after the department meeting' });
      const log = new RecordedLog().answer({ success: true, nextExpectedRevision: 4n, position: at(1900) }, (r) => echo(log.requests[0], 3, 1600));
      const upcasters = new UpcasterRegistry().register('Drafted', 1, (d) => d);
      const result = await store(log, upcasters).append(
        'proposal-1',
        [
          { eventId: ID_A.toUpperCase(), type: 'Drafted', data: { title: 'Parkering', amount: { amountMinor: 60000000, currency: 'DKK' } }, metadata: meta },
          { eventId: ID_B, type: 'Submitted', data: {}, metadata: meta, schemaVersion: 3 },
        ],
        { expectedVersion: 3 },
      );

      const append = appended(log);
      expect(append).toMatchObject({ streamName: 'portfolio.proposal-1', streamState: 2n });
      expect(append.events.map((e) => [e.id, e.type, e.contentType])).toEqual([
        [ID_A, 'Drafted', 'application/json'],
        [ID_B, 'Submitted', 'application/json'],
      ]);
      const envelopes = append.events.map((e) => e.metadata as Envelope);
      expect(envelopes[0]).toMatchObject({ metadata: meta, schemaVersion: 2, $correlationId: meta.correlationId, $causationId: 'cause-1' });
      expect(envelopes[1].schemaVersion).toBe(3);
      expect(envelopes[1].appendId).toBe(envelopes[0].appendId);
      expect(envelopes[1].recordedAt).toBe(envelopes[0].recordedAt);
      expect(log.requests[1]).toEqual({ call: 'readStream', streamName: 'portfolio.proposal-1', options: { direction: FORWARDS, fromRevision: 3n, maxCount: 2 } });

      expect(result).toEqual({
        streamId: 'proposal-1',
        nextExpectedVersion: 5,
        lastPosition: at(1900),
        lastGlobalPosition: 1900n,
        globalPositions: [1600n, 1900n],
        recordedAt: new Date(envelopes[0].recordedAt),
        idempotentReplay: false,
      });
    });

    it('answers a retry the server took as idempotent with the first append, found by its other append id', async () => {
      const meta = testMetadata();
      const first = envelopeFixture(meta, { appendId: '11111111-1111-4111-8111-111111111111', recordedAt: '2026-11-30T08:00:00.000Z' });
      const log = new RecordedLog().answer({ success: true, nextExpectedRevision: 1n, position: at(700) }, () => echo(log.requests[0], 0, 400, first));
      const result = await store(log).append(
        'proposal-1',
        [
          { eventId: ID_A, type: 'A', data: { n: 1 }, metadata: meta },
          { eventId: ID_B, type: 'B', data: { n: 2 }, metadata: meta },
        ],
        { expectedVersion: 'no_stream' },
      );
      expect(result).toMatchObject({ idempotentReplay: true, nextExpectedVersion: 2, globalPositions: [400n, 700n], recordedAt: new Date('2026-11-30T08:00:00.000Z') });
    });

    it('refuses a retry whose ids the server knows but whose content differs', async () => {
      const meta = testMetadata();
      const earlier = envelopeFixture(meta, { appendId: '11111111-1111-4111-8111-111111111111' });
      const log = new RecordedLog().answer({ success: true, nextExpectedRevision: 0n, position: at(400) }, () => [
        recordedEvent({ stream: 'portfolio.proposal-1', revision: 0n, id: ID_A, type: 'A', data: { amountMinor: 100 }, metadata: earlier, position: at(400) }),
      ]);
      const retry = store(log).append('proposal-1', [{ eventId: ID_A, type: 'A', data: { amountMinor: 999 }, metadata: meta }], { expectedVersion: 'no_stream' });
      await expect(retry).rejects.toBeInstanceOf(IdempotencyViolationError);
    });

    it('takes a retry with the same data in another key order as the same append', async () => {
      const meta = testMetadata();
      const earlier = envelopeFixture(meta, { appendId: '11111111-1111-4111-8111-111111111111' });
      const log = new RecordedLog().answer({ success: true, nextExpectedRevision: 0n }, () => [
        recordedEvent({ stream: 'portfolio.p', revision: 0n, id: ID_A, type: 'A', data: { b: 2, a: { y: 1, x: [1, { d: 1, c: 2 }] } }, metadata: earlier, position: at(400) }),
      ]);
      const result = await store(log).append('p', [{ eventId: ID_A, type: 'A', data: { a: { x: [1, { c: 2, d: 1 }], y: 1 }, b: 2 }, metadata: meta }]);
      expect(result.idempotentReplay).toBe(true);
      expect(canonicalJson({ b: 1, a: undefined })).toBe('{"b":1}');
    });

    it.each([
      ['a stale version', 1, 1n, 2],
      ['a version from the future', 5, 1n, 2],
      ['no_stream on an existing stream', 'no_stream' as const, 1n, 2],
    ])('turns the client conflict for %s into the port error with the current version', async (_label, expected, current, actualVersion) => {
      const log = new RecordedLog().answer(
        new KurrentWrongExpectedVersionError(undefined, { streamName: 'portfolio.p', expected: toStreamState(expected), current }),
        [recordedEvent({ stream: 'portfolio.p', revision: 1n, id: ID_OTHER, type: 'X', data: {}, metadata: envelopeFixture(testMetadata()), position: at(9) })],
      );
      const attempt = store(log).append('p', [{ eventId: ID_A, type: 'A', data: {}, metadata: testMetadata() }], { expectedVersion: expected });
      await expect(attempt).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await expect(attempt).rejects.toMatchObject({ streamId: 'p', expected, actualVersion });
    });

    it('reports version 0 when "exists" meets an absent stream, without another read', async () => {
      const log = new RecordedLog().answer(new KurrentWrongExpectedVersionError(undefined, { streamName: 'portfolio.p', expected: STREAM_EXISTS, current: NO_STREAM }));
      await expect(store(log).append('p', [{ type: 'A', data: {}, metadata: testMetadata() }], { expectedVersion: 'exists' })).rejects.toMatchObject({
        actualVersion: 0,
        expected: 'exists',
      });
      expect(log.requests.map((r) => r.call)).toEqual(['appendToStream']);
    });

    it('refuses an append that mixes written ids with new ones (the server calls it a conflict)', async () => {
      const written = [recordedEvent({ stream: 'portfolio.p', revision: 0n, id: ID_A, type: 'A', data: {}, metadata: envelopeFixture(testMetadata()), position: at(9) })];
      const conflict = (expected: 'any' | 'no_stream') =>
        new KurrentWrongExpectedVersionError(undefined, { streamName: 'portfolio.p', expected: toStreamState(expected), current: 1n });
      const mixed = [
        { eventId: ID_A, type: 'A', data: {}, metadata: testMetadata() },
        { eventId: ID_B, type: 'Z', data: {}, metadata: testMetadata() },
      ];
      await expect(store(new RecordedLog([conflict('any')])).append('p', mixed)).rejects.toBeInstanceOf(IdempotencyViolationError);
      await expect(store(new RecordedLog([conflict('no_stream'), written])).append('p', mixed, { expectedVersion: 'no_stream' })).rejects.toBeInstanceOf(
        IdempotencyViolationError,
      );
    });

    it('refuses bad input before calling the server', async () => {
      const log = new RecordedLog();
      const s = store(log);
      const meta = testMetadata();
      await expect(s.append('', [{ type: 'A', data: {}, metadata: meta }])).rejects.toThrow(/stream id/);
      await expect(s.append('p', [])).rejects.toThrow(/at least one event/);
      await expect(s.append('p', [{ eventId: 'not-a-uuid', type: 'A', data: {}, metadata: meta }])).rejects.toThrow(/not a UUID/);
      await expect(s.append('p', [{ type: 'A', data: {}, metadata: { ...meta, actor: { subject: '', roles: [] } } }])).rejects.toThrow(/no actor/);
      await expect(s.append('p', [{ eventId: ID_A, type: 'A', data: {}, metadata: meta }, { eventId: ID_A, type: 'B', data: {}, metadata: meta }])).rejects.toThrow(/must differ/);
      expect(log.requests).toEqual([]);
    });

    it('passes other client errors through', async () => {
      const log = new RecordedLog().answer(new UnavailableError());
      await expect(store(log).append('p', [{ type: 'A', data: {}, metadata: testMetadata() }])).rejects.toBeInstanceOf(UnavailableError);
    });
  });

  describe('reading a stream', () => {
    const meta = testMetadata({ reason: 'why' });
    const events = (revisions: number[]) =>
      revisions.map((r) => recordedEvent({ stream: 'portfolio.p', revision: BigInt(r), id: ID_A, type: `E${r}`, data: { r }, metadata: envelopeFixture(meta), position: at(100 + r) }));

    it('asks for the revisions a version range covers, forwards and backwards', async () => {
      const log = new RecordedLog([events([0, 1, 2]), events([1]), events([0, 1]), events([2, 1, 0]), events([1])]);
      const s = store(log);
      const all = await s.readStream('p');
      await s.readStream('p', { fromVersion: 2, maxCount: 1 });
      await s.readStream('p', { toVersion: 2 });
      await s.readStream('p', { direction: 'backwards' });
      await s.readStream('p', { direction: 'backwards', fromVersion: 2, maxCount: 1 });
      expect(log.requests.map((r) => (r.call === 'readStream' ? r.options : null))).toEqual([
        { direction: FORWARDS, fromRevision: 0n, maxCount: Number.MAX_SAFE_INTEGER },
        { direction: FORWARDS, fromRevision: 1n, maxCount: 1 },
        { direction: FORWARDS, fromRevision: 0n, maxCount: 2 },
        { direction: BACKWARDS, fromRevision: END, maxCount: Number.MAX_SAFE_INTEGER },
        { direction: BACKWARDS, fromRevision: 1n, maxCount: 1 },
      ]);
      expect(all.map((e) => [e.streamId, e.streamPosition, e.type, e.data, e.globalPosition])).toEqual([
        ['p', 1, 'E0', { r: 0 }, 100n],
        ['p', 2, 'E1', { r: 1 }, 101n],
        ['p', 3, 'E2', { r: 2 }, 102n],
      ]);
      expect(all[0]).toMatchObject({ metadata: meta, schemaVersion: 1, position: at(100), recordedAt: new Date('2026-11-30T09:15:00.120Z') });
    });

    it('reads an absent stream as empty at version 0', async () => {
      const log = new RecordedLog([new StreamNotFoundError(undefined, 'portfolio.p'), new StreamNotFoundError(undefined, 'portfolio.p')]);
      expect(await store(log).readStream('p')).toEqual([]);
      expect(await store(log).streamVersion('p')).toBe(0);
    });

    it('takes the version from the last revision', async () => {
      const log = new RecordedLog([events([6])]);
      expect(await store(log).streamVersion('p')).toBe(7);
      expect(log.requests[0]).toMatchObject({ options: { direction: BACKWARDS, fromRevision: END, maxCount: 1 } });
    });

    it('lifts old schema versions with the upcasters, handing them the port metadata', async () => {
      const seen: unknown[] = [];
      const upcasters = new UpcasterRegistry().register('Priced', 1, (d: { price: number }, m) => (seen.push(m), { amountMinor: d.price * 100 }));
      const log = new RecordedLog([[recordedEvent({ stream: 'portfolio.p', revision: 0n, id: ID_A, type: 'Priced', data: { price: 12 }, metadata: envelopeFixture(meta), position: at(5) })]]);
      const [event] = await store(log, upcasters).readStream('p');
      expect([event.schemaVersion, event.data]).toEqual([2, { amountMinor: 1200 }]);
      expect(seen).toEqual([meta]);
    });

    it('places events from servers before 22.6 by their commit position', async () => {
      const log = new RecordedLog([[legacyRecordedEvent({ stream: 'portfolio.p', revision: 0n, id: ID_A, type: 'A', data: {}, metadata: envelopeFixture(meta), position: at(77) })]]);
      expect((await store(log).readStream('p'))[0].position).toEqual(at(77));
    });

    it('refuses an event this adapter did not write, naming it', async () => {
      const log = new RecordedLog([[recordedEvent({ stream: 'portfolio.p', revision: 3n, id: ID_A, type: 'A', data: {}, metadata: { correlationId: 'x' }, position: at(5) })]]);
      await expect(store(log).readStream('p')).rejects.toThrow(MalformedEnvelopeError);
      await expect(store(new RecordedLog([[recordedEvent({ stream: 'portfolio.p', revision: 3n, id: ID_A, type: 'A', data: {}, metadata: { correlationId: 'x' }, position: at(5) })]])).readStream('p')).rejects.toThrow(/event 3 of portfolio.p/);
    });
  });

  describe('the global log', () => {
    const meta = testMetadata();
    const ev = (stream: string, type: string, p: number) =>
      recordedEvent({ stream, revision: 0n, id: ID_A, type, data: { p }, metadata: envelopeFixture(meta), position: at(p) });

    it('reads $all filtered to the prefix, asking one more than the page and dropping the event at the start position', async () => {
      const log = new RecordedLog([[ev('portfolio.a', 'X', 10), ev('portfolio.a', 'Y', 20), ev('portfolio.b', 'Z', 30)]]);
      const page = await store(log).readAll({ after: at(10), limit: 2 });
      expect(log.requests[0]).toEqual({
        call: 'readAll',
        options: { direction: FORWARDS, fromPosition: at(10), maxCount: 3, filter: expect.objectContaining({ filterOn: 'streamName', prefixes: [PREFIX] }) },
      });
      expect(page.events.map((e) => [e.streamId, e.type])).toEqual([['a', 'Y'], ['b', 'Z']]);
      // the server filled the page it was asked for, so more may follow
      expect(page).toMatchObject({ lastPosition: at(30), isEnd: false });
    });

    it('starts at the beginning of $all for the start of the log, and stays put when nothing follows', async () => {
      const log = new RecordedLog([[]]);
      expect(await store(log).readAll()).toEqual({ events: [], lastPosition: LOG_START, isEnd: true });
      expect(log.requests[0]).toMatchObject({ options: { fromPosition: START, maxCount: 1001 } });
    });

    it('filters by type on the server, keeps other applications out, and moves past the types it left out', async () => {
      const head = [ev('portfolio.a', 'Other', 50)];
      const log = new RecordedLog([head, [ev('portfolio.a', 'Only.1', 10), ev('billing.x', 'Only.1', 20), ev('portfolio.a', 'Only+1', 30)]]);
      const page = await store(log).readAll({ types: ['Only.1', 'Only+1'] });
      expect(log.requests[0]).toMatchObject({ options: { direction: BACKWARDS, fromPosition: END, maxCount: 1 } });
      const filter = (log.requests[1] as Extract<Request, { call: 'readAll' }>).options.filter;
      expect(filter).toMatchObject({ filterOn: 'eventType', regex: '^(?:Only\\.1|Only\\+1)$' });
      expect(page.events.map((e) => e.data)).toEqual([{ p: 10 }, { p: 30 }]);
      expect(page).toMatchObject({ lastPosition: at(50), isEnd: true });
    });

    it('keeps its place at the last event of a full typed page, however far the head is', async () => {
      const log = new RecordedLog([[ev('portfolio.a', 'Other', 90)], [ev('portfolio.a', 'T', 10), ev('portfolio.a', 'T', 20)]]);
      expect(await store(log).readAll({ types: ['T'], limit: 1 })).toMatchObject({ lastPosition: at(10), isEnd: false });
    });

    it('answers the head of the log from a backwards read of the prefix', async () => {
      const log = new RecordedLog([[ev('portfolio.a', 'X', 990)], []]);
      expect(await store(log).headPosition()).toEqual(at(990));
      expect(await store(log).headPosition()).toEqual(LOG_START);
      expect(log.requests[0]).toMatchObject({ options: { direction: BACKWARDS, fromPosition: END, maxCount: 1 } });
    });

    it('pages through a mixed $all and returns each of its own events exactly once, in order (property)', async () => {
      const arbitraryAll = fc.array(fc.record({ ours: fc.boolean(), system: fc.boolean(), gap: fc.integer({ min: 1, max: 500 }) }), { maxLength: 60 });
      await fc.assert(
        fc.asyncProperty(arbitraryAll, fc.integer({ min: 1, max: 9 }), fc.boolean(), fc.boolean(), async (shape, limit, exclusiveStart, typed) => {
          let p = 0;
          const all = shape.map((s, i) => {
            p += s.gap;
            const stream = s.system ? `$$portfolio.s${i}` : s.ours ? `portfolio.s${i}` : `other.s${i}`;
            return recordedEvent({ stream, revision: 0n, id: ID_A, type: s.system ? '$metadata' : 'E', data: { i }, metadata: envelopeFixture(meta), position: at(p) });
          });
          const s = store(new RecordedAll(all, exclusiveStart));
          const seen: RecordedEvent[] = [];
          for (let after = LOG_START; ; ) {
            const page = await s.readAll({ after, limit, types: typed ? ['E'] : undefined });
            expect(page.events.length).toBeLessThanOrEqual(limit);
            seen.push(...page.events);
            after = page.lastPosition;
            if (page.isEnd) break;
          }
          const expected = shape.flatMap((x, i) => (x.ours && !x.system ? [i] : []));
          expect(seen.map((e) => (e.data as { i: number }).i)).toEqual(expected);
        }),
        { numRuns: 150 },
      );
    });

    it('resumes a subscription from a stored checkpoint without repeating the event at it', async () => {
      const all = [ev('portfolio.a', 'R1', 100), ev('portfolio.a', 'R2', 200), ev('portfolio.a', 'R3', 300)];
      const s = store(new RecordedAll(all));
      const subscription = s.subscribe({ after: at(200), pollIntervalMs: 5 });
      for await (const batch of subscription) {
        expect(batch.events.map((e) => e.type)).toEqual(['R3']);
        expect(batch.lastPosition).toEqual(at(300));
        break;
      }
      await subscription.stop();
    });
  });

  it('stops its subscriptions and disposes the client on close', async () => {
    const log = new RecordedLog();
    await store(log).close();
    expect(log.disposed).toBe(true);
  });

  it('refuses a system ($) or empty stream prefix', () => {
    expect(() => new KurrentDbEventStore(new RecordedLog(), undefined, { streamPrefix: '$all' })).toThrow(/system/);
    expect(() => new KurrentDbEventStore(new RecordedLog(), undefined, { streamPrefix: '' })).toThrow(/non-empty/);
  });
});

import { describe, expect, it } from '@jest/globals';
import type { ReadAllOptions, ReadAllResult } from './event-store.js';
import { LOG_START, compareLogPositions } from './log-position.js';
import { PollingSubscription, PollingSubscriptions } from './polling-subscription.js';
import type { RecordedEvent } from './events.js';

/** An in-memory log whose reads can be held open, to land appends while a read is in flight. */
function heldLog() {
  const events: RecordedEvent[] = [];
  let hold: Promise<void> | null = null;
  let release = () => undefined as void;
  const readAll = async (o: ReadAllOptions): Promise<ReadAllResult> => {
    const after = o.after ?? LOG_START;
    const found = events.filter((e) => compareLogPositions(e.position, after) > 0); // what is there when the read starts
    if (hold) await hold;
    return { events: found, lastPosition: found.length ? found[found.length - 1].position : after, isEnd: true };
  };
  return {
    readAll,
    events,
    append(type: string) {
      const n = BigInt(events.length + 1);
      events.push({ type, position: { commit: n, prepare: n } } as RecordedEvent);
    },
    holdReads() {
      hold = new Promise((r) => (release = () => r()));
    },
    releaseReads() {
      hold = null;
      release();
    },
  };
}

async function firstBatchWithin(subscription: PollingSubscription, ms: number): Promise<string[] | 'timed out'> {
  const iterator = subscription[Symbol.asyncIterator]();
  const next = iterator.next().then((r) => (r.done ? [] : r.value.events.map((e) => e.type)));
  return Promise.race([next, new Promise<'timed out'>((r) => setTimeout(() => r('timed out'), ms).unref())]);
}

describe('PollingSubscription pacing', () => {
  for (const wake of ['notify', 'poke'] as const) {
    it(`does not sleep out the poll interval when a ${wake} comes while a read is in flight`, async () => {
      const log = heldLog();
      const subscription = new PollingSubscription(log.readAll, { pollIntervalMs: 60_000, types: ['Wanted'] }, () => undefined);
      log.holdReads();
      const batch = firstBatchWithin(subscription, 5_000);
      await new Promise((r) => setTimeout(r, 20)); // the first read has started and found nothing
      log.append('Wanted');
      if (wake === 'notify') subscription.notify(['Wanted']);
      else subscription.poke();
      log.releaseReads();
      expect(await batch).toEqual(['Wanted']);
      await subscription.stop();
    });
  }

  it('still ignores, until the poll, an append of types it does not read', async () => {
    const log = heldLog();
    const subscription = new PollingSubscription(log.readAll, { pollIntervalMs: 60_000, types: ['Wanted'] }, () => undefined);
    log.holdReads();
    const batch = firstBatchWithin(subscription, 300);
    await new Promise((r) => setTimeout(r, 20));
    log.append('Wanted'); // written elsewhere, announced only as another type
    subscription.notify(['Other']);
    log.releaseReads();
    expect(await batch).toBe('timed out');
    await subscription.stop();
  });
});

describe('idle subscriptions of one store', () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('share one look at the head per poll while the log stands still, and all read once it moves', async () => {
    const log = heldLog();
    let reads = 0;
    let looks = 0;
    const subscriptions = new PollingSubscriptions(
      (o) => (reads++, log.readAll(o)),
      async () => (looks++, log.events.length ? log.events[log.events.length - 1].position : LOG_START),
    );
    const seen: string[][] = [[], [], [], [], []];
    const running = seen.map(async (types) => {
      for await (const batch of subscriptions.subscribe({ pollIntervalMs: 20 })) {
        types.push(...batch.events.map((e) => e.type));
        if (types.length) break;
      }
    });
    await sleep(300); // about 15 polls of 5 subscriptions
    expect(reads).toBe(5); // each read once, found nothing, and waited
    expect(looks).toBeGreaterThan(3);
    expect(looks).toBeLessThan(30);
    log.append('Arrived'); // by another instance: no local wake-up
    await Promise.all(running);
    expect(seen).toEqual(seen.map(() => ['Arrived']));
    await subscriptions.stopAll();
  });

  it('read on their own when the head cannot be looked at, so the error reaches them', async () => {
    const log = heldLog();
    let reads = 0;
    const subscriptions = new PollingSubscriptions(
      (o) => (reads++, log.readAll(o)),
      async () => {
        throw new Error('connection lost');
      },
    );
    const subscription = subscriptions.subscribe({ pollIntervalMs: 20 });
    const iterator = subscription[Symbol.asyncIterator]();
    const first = iterator.next();
    await sleep(150);
    expect(reads).toBeGreaterThan(2);
    await subscription.stop();
    await first;
  });
});

import type { ReadAllOptions, ReadAllResult, SubscribeOptions, Subscription } from './event-store.js';
import { LOG_START, compareLogPositions, type LogPosition } from './log-position.js';

/** Tells idle subscriptions when the log has moved past where they stand (see HeadWatch). */
export interface IdleWatch {
  /** Calls `wake` once the log's head is past `after`, checking at least every `pollMs`; the answer stops that. */
  watch(after: LogPosition, pollMs: number, wake: () => void): () => void;
}

/**
 * A subscription built on `readAll`: reads batches until caught up, then waits for a local wake-up, or for the log
 * to move past it (with an IdleWatch), or for the poll interval. Correctness comes from `readAll` being gap-free;
 * this class only paces it.
 */
export class PollingSubscription implements Subscription {
  private stopped = false;
  private wake: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private pendingWake: NodeJS.Timeout | null = null;
  /** A wake-up that came while a batch was read or handled: that read may have missed it. */
  private missed = false;

  private readonly types: ReadonlySet<string> | null;

  constructor(
    private readonly readAll: (options: ReadAllOptions) => Promise<ReadAllResult>,
    private readonly options: SubscribeOptions,
    private readonly unregister: () => void,
    private readonly idleWatch: IdleWatch | null = null,
  ) {
    this.types = options.types?.length ? new Set(options.types) : null;
  }

  /** Reads now rather than at the next poll: for a reader that waits for a position (read your writes). */
  poke(): void {
    if (this.wake) this.wake();
    else this.missed = true;
  }

  /**
   * Called by the store after a local append so that subscribers do not wait out the poll interval. The read
   * follows a few milliseconds later, so that a burst of appends is read as one batch rather than one query each
   * (every projection runs its own subscription).
   */
  notify(appendedTypes?: readonly string[]): void {
    // a subscription filtered by type skips appends of other types; the poll interval (or `poke`) moves it past them
    if (appendedTypes && this.types && !appendedTypes.some((type) => this.types!.has(type))) return;
    if (!this.wake) {
      this.missed = true;
      return;
    }
    if (this.pendingWake) return;
    this.pendingWake = setTimeout(() => {
      this.pendingWake = null;
      this.wake?.();
    }, this.options.coalesceMs ?? 5);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pendingWake) clearTimeout(this.pendingWake);
    this.pendingWake = null;
    this.wake?.();
    this.unregister();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<ReadAllResult> {
    let after: LogPosition = this.options.after ?? LOG_START;
    const limit = this.options.batchSize ?? 500;
    const poll = this.options.pollIntervalMs ?? 250;
    try {
      while (!this.stopped) {
        this.missed = false;
        const batch = await this.readAll({ after, limit, types: this.options.types });
        // a filtered read may return nothing yet move past other events: that progress is news to the reader too
        const moved = compareLogPositions(batch.lastPosition, after) > 0;
        after = batch.lastPosition;
        if (batch.events.length > 0 || moved) yield batch;
        if (this.stopped) break;
        // what was announced during that read may have come too late for it: look again after the usual coalescing
        if (batch.isEnd) await (this.missed ? this.idle(this.options.coalesceMs ?? 5) : this.idleAt(after, poll));
      }
    } finally {
      this.unregister();
    }
  }

  /** Caught up at `after`: with a watch, sleep until the log moves past it; otherwise read again after `poll`. */
  private idleAt(after: LogPosition, poll: number): Promise<void> {
    if (!this.idleWatch) return this.idle(poll);
    return new Promise((resolve) => {
      const done = () => {
        unwatch();
        this.wake = null;
        resolve();
      };
      this.wake = done;
      const unwatch = this.idleWatch!.watch(after, poll, done);
    });
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        if (this.timer) clearTimeout(this.timer);
        this.timer = null;
        this.wake = null;
        resolve();
      };
      this.wake = done;
      this.timer = setTimeout(done, ms);
    });
  }
}

/**
 * One look at the log's head on behalf of every idle subscription of a store, instead of one read per subscription
 * per poll: a service runs a subscription per projection, and an idle one re-read the log every poll interval. Each
 * tick asks for the head once and wakes the subscriptions it has passed; a failed look wakes them all, so that
 * their own reads meet the error. Ticks at the shortest poll interval among the waiting subscriptions.
 */
export class HeadWatch implements IdleWatch {
  private readonly waiting = new Set<{ readonly after: LogPosition; readonly pollMs: number; readonly wake: () => void }>();
  private timer: NodeJS.Timeout | null = null;
  private tickMs = Infinity;

  constructor(private readonly head: () => Promise<LogPosition>) {}

  watch(after: LogPosition, pollMs: number, wake: () => void): () => void {
    const entry = { after, pollMs, wake };
    this.waiting.add(entry);
    if (pollMs < this.tickMs) this.schedule(pollMs);
    return () => {
      this.waiting.delete(entry);
      if (this.waiting.size === 0) this.cancel();
    };
  }

  private schedule(ms: number): void {
    this.cancel();
    this.tickMs = ms;
    this.timer = setTimeout(() => void this.tick(), ms);
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.tickMs = Infinity;
  }

  private async tick(): Promise<void> {
    this.timer = null;
    this.tickMs = Infinity;
    const looking = [...this.waiting];
    const head = await this.head().catch(() => null);
    for (const entry of looking) {
      if (this.waiting.has(entry) && (head === null || compareLogPositions(head, entry.after) > 0)) entry.wake();
    }
    if (this.waiting.size && this.timer === null) this.schedule(Math.min(...[...this.waiting].map((e) => e.pollMs)));
  }
}

/**
 * The polling subscriptions one store has open: each store wakes them after its own appends and stops them on
 * close, so the bookkeeping lives here once rather than in every store. Given the store's head position, the idle
 * ones share one look at it per poll (HeadWatch).
 */
export class PollingSubscriptions {
  private readonly open = new Set<PollingSubscription>();
  private readonly idleWatch: HeadWatch | null;

  constructor(
    private readonly readAll: (options: ReadAllOptions) => Promise<ReadAllResult>,
    head?: () => Promise<LogPosition>,
  ) {
    this.idleWatch = head ? new HeadWatch(head) : null;
  }

  subscribe(options: SubscribeOptions): Subscription {
    const subscription: PollingSubscription = new PollingSubscription(this.readAll, options, () => this.open.delete(subscription), this.idleWatch);
    this.open.add(subscription);
    return subscription;
  }

  /** After a local append of events of these types. */
  notify(appendedTypes: readonly string[]): void {
    for (const s of this.open) s.notify(appendedTypes);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.open].map((s) => s.stop()));
  }
}

import type { ReadAllOptions, ReadAllResult, SubscribeOptions, Subscription } from './event-store.js';
import { LOG_START, compareLogPositions, type LogPosition } from './log-position.js';

/**
 * A subscription built on `readAll`: reads batches until caught up, then waits for a local wake-up or the poll
 * interval. Correctness comes from `readAll` being gap-free; this class only paces it.
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
        if (batch.isEnd) await this.idle(this.missed ? (this.options.coalesceMs ?? 5) : poll);
      }
    } finally {
      this.unregister();
    }
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
 * The polling subscriptions one store has open: each store wakes them after its own appends and stops them on
 * close, so the bookkeeping lives here once rather than in every store.
 */
export class PollingSubscriptions {
  private readonly open = new Set<PollingSubscription>();

  constructor(private readonly readAll: (options: ReadAllOptions) => Promise<ReadAllResult>) {}

  subscribe(options: SubscribeOptions): Subscription {
    const subscription: PollingSubscription = new PollingSubscription(this.readAll, options, () => this.open.delete(subscription));
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

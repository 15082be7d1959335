import {
  WrongExpectedVersionError,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type LogPosition,
  type NewEvent,
  type ReadAllOptions,
  type ReadAllResult,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '../../event-store/index.js';
import type { EventStoreMetrics } from './event-store-metrics.js';

/** The event store port with every append counted by outcome; everything else passes straight through. */
export class InstrumentedEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly metrics: EventStoreMetrics,
  ) {}

  async append(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const result = await this.inner.append(streamId, events, options);
      if (result.idempotentReplay) this.metrics.recordAppend('idempotent_replay', 0, seconds());
      else this.metrics.recordAppend('written', events.length, seconds());
      return result;
    } catch (error) {
      this.metrics.recordAppend(error instanceof WrongExpectedVersionError ? 'conflict' : 'failed', 0, seconds());
      throw error;
    }
  }

  migrate(): Promise<void> {
    return this.inner.migrate();
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(streamId, options);
  }

  streamVersion(streamId: string): Promise<number> {
    return this.inner.streamVersion(streamId);
  }

  readAll(options?: ReadAllOptions): Promise<ReadAllResult> {
    return this.inner.readAll(options);
  }

  subscribe(options?: SubscribeOptions): Subscription {
    return this.inner.subscribe(options);
  }

  headPosition(): Promise<LogPosition> {
    return this.inner.headPosition();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

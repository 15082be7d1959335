import { Counter, Histogram } from 'prom-client';
import type { MetricsRegistry } from './metrics-registry.js';

/** How an append ended. */
export type AppendOutcome = 'written' | 'idempotent_replay' | 'conflict' | 'failed';

/**
 * Appends to the event log by outcome, the events they wrote, and their latency. Conflicts are expected-version
 * mismatches (the 409s of concurrent writers); idempotent replays are retried appends answered without writing.
 */
export class EventStoreMetrics {
  private readonly appends: Counter<'outcome'>;
  private readonly events: Counter;
  private readonly duration: Histogram;
  private readonly byOutcome: Record<AppendOutcome, Counter.Internal>;

  constructor(registry: MetricsRegistry) {
    this.appends = new Counter({
      name: 'event_store_appends_total',
      help: 'Appends to the event log by outcome: written, idempotent_replay, conflict (wrong expected version), failed',
      labelNames: ['outcome'],
      registers: [registry],
    });
    this.events = new Counter({ name: 'event_store_appended_events_total', help: 'Events written to the log', registers: [registry] });
    this.duration = new Histogram({
      name: 'event_store_append_duration_seconds',
      help: 'Time an append took, whatever its outcome',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    });
    // every outcome is exported from the start (at 0), so rate() and alerts work before the first conflict
    const outcome = (name: AppendOutcome) => {
      const child = this.appends.labels(name);
      child.inc(0);
      return child;
    };
    this.byOutcome = { written: outcome('written'), idempotent_replay: outcome('idempotent_replay'), conflict: outcome('conflict'), failed: outcome('failed') };
  }

  recordAppend(outcome: AppendOutcome, eventsWritten: number, seconds: number): void {
    this.byOutcome[outcome].inc();
    if (eventsWritten > 0) this.events.inc(eventsWritten);
    this.duration.observe(seconds);
  }
}

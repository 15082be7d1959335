import type { Worker } from 'node:cluster';
import { AggregatorRegistry } from 'prom-client';
import type { ClusterMessage, MetricsPart } from './messages.js';

/** How long the primary waits for the workers' parts of one scrape; a worker that does not answer is left out. */
const COLLECT_TIMEOUT_MS = 3_000;

/**
 * The primary's side of a scrape: a worker got `GET /metrics`, the primary asks every live worker for its metrics and
 * answers the asking worker with their aggregate (counters and histograms summed; each gauge as its own
 * `aggregator` says), so Prometheus sees one instance however many workers share the port.
 */
export class PrimaryMetrics {
  private nextId = 1;
  private readonly pending = new Map<number, { readonly parts: MetricsPart[]; readonly expected: number; readonly done: () => void }>();

  constructor(private readonly workers: () => readonly Worker[]) {}

  /** Handles a worker's message about metrics; ignores the others. */
  onMessage(from: Worker, message: ClusterMessage): void {
    if (message.type === 'portfolio:metrics-request') {
      void this.aggregate().then(
        (text) => send(from, { type: 'portfolio:metrics-answer', id: message.id, text }),
        () => send(from, { type: 'portfolio:metrics-answer', id: message.id }),
      );
    }
    if (message.type === 'portfolio:metrics-part') {
      const collecting = this.pending.get(message.id);
      collecting?.parts.push(message.metrics);
      if (collecting && collecting.parts.length === collecting.expected) collecting.done();
    }
  }

  private async aggregate(): Promise<string> {
    const id = this.nextId++;
    const workers = this.workers().filter((w) => w.isConnected());
    const parts: MetricsPart[] = [];
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, COLLECT_TIMEOUT_MS);
      this.pending.set(id, { parts, expected: workers.length, done: () => (clearTimeout(timer), resolve()) });
      for (const w of workers) send(w, { type: 'portfolio:metrics-collect', id });
      if (workers.length === 0) resolve();
    });
    this.pending.delete(id);
    return AggregatorRegistry.aggregate(parts).metrics();
  }
}

function send(worker: Worker, message: ClusterMessage): void {
  if (worker.isConnected()) worker.send(message);
}

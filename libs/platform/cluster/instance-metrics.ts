import cluster from 'node:cluster';
import type { Registry } from 'prom-client';
import { isClusterMessage, type ClusterMessage } from './messages.js';

/** How long a worker waits for the primary's aggregate before it answers with its own metrics alone. */
const ANSWER_TIMEOUT_MS = 5_000;

/**
 * The scrape of one instance. In an API worker it answers the primary's collection calls with its registry, and asks the primary
 * for the aggregate of all workers when it is the one scraped. Outside a cluster it is the registry itself.
 */
export class InstanceMetrics {
  private nextId = 1;
  private readonly answers = new Map<number, (message: Extract<ClusterMessage, { type: 'portfolio:metrics-answer' }>) => void>();
  private readonly listener = (message: unknown) => void this.onMessage(message);

  constructor(private readonly registry: Registry) {
    if (cluster.isWorker) process.on('message', this.listener);
  }

  /** The exposition text of the whole instance: every worker's metrics, aggregated. */
  async metrics(): Promise<string> {
    if (!cluster.isWorker || !process.send) return this.registry.metrics();
    const id = this.nextId++;
    const answer = await new Promise<Extract<ClusterMessage, { type: 'portfolio:metrics-answer' }> | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), ANSWER_TIMEOUT_MS);
      this.answers.set(id, (message) => (clearTimeout(timer), resolve(message)));
      process.send!({ type: 'portfolio:metrics-request', id } satisfies ClusterMessage);
    });
    this.answers.delete(id);
    // a primary that cannot answer still leaves this worker's own figures better than no scrape at all
    return answer?.text ?? this.registry.metrics();
  }

  close(): void {
    process.off('message', this.listener);
  }

  private async onMessage(message: unknown): Promise<void> {
    if (!isClusterMessage(message)) return;
    if (message.type === 'portfolio:metrics-answer') this.answers.get(message.id)?.(message);
    if (message.type === 'portfolio:metrics-collect') {
      const metrics = await this.registry.getMetricsAsJSON();
      process.send?.({ type: 'portfolio:metrics-part', id: message.id, metrics } satisfies ClusterMessage);
    }
  }
}

import type { Registry } from 'prom-client';

/** One worker's metrics as prom-client's aggregation takes them. */
export type MetricsPart = Awaited<ReturnType<Registry['getMetricsAsJSON']>>;

/** What the primary and its API workers tell each other over the cluster's IPC channel. */
export type ClusterMessage =
  /** primary → worker: close gracefully, as on SIGTERM */
  | { readonly type: 'portfolio:shutdown' }
  /** worker → primary: a scrape arrived; answer with every worker's metrics together */
  | { readonly type: 'portfolio:metrics-request'; readonly id: number }
  /** primary → every worker: send your metrics for request `id` */
  | { readonly type: 'portfolio:metrics-collect'; readonly id: number }
  /** worker → primary: my part of request `id` */
  | { readonly type: 'portfolio:metrics-part'; readonly id: number; readonly metrics: MetricsPart }
  /** primary → the asking worker: the aggregated exposition text; none when aggregating failed */
  | { readonly type: 'portfolio:metrics-answer'; readonly id: number; readonly text?: string };

export function isClusterMessage(message: unknown): message is ClusterMessage {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string' && (message as { type: string }).type.startsWith('portfolio:');
}

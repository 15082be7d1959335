import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The process's Prometheus registry, injected by this class token. Its own rather than prom-client's global one, so
 * that two applications in one process (tests) never register a metric twice. Carries the default process metrics
 * (CPU, memory, event-loop lag, handles), which cost nothing until scraped.
 */
export class MetricsRegistry extends Registry {
  constructor() {
    super();
    collectDefaultMetrics({ register: this });
  }
}

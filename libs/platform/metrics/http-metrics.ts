import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter, Histogram } from 'prom-client';
import type { MetricsRegistry } from './metrics-registry.js';

type Labels = 'method' | 'route' | 'status_code';

/** What express adds to the request once a route matched (see the access log). */
interface RoutedRequest extends IncomingMessage {
  readonly baseUrl?: string;
  readonly route?: { readonly path?: unknown };
}

/** Requests that matched no route share one label value: raw URLs would give every scanner probe its own series. */
export const UNMATCHED_ROUTE = 'unmatched';
/** Status for a request whose client went away before the answer was written (nginx's convention). */
const CLIENT_CLOSED = 499;

/**
 * Request rate, errors and latency per route pattern. Rate and latency come from one histogram
 * (`…_count` is the request count); errors (status ≥ 400) have their own counter so alerts need no label regex.
 * The labelled children are cached per (method, route, status): a request costs a map lookup and an observe.
 */
export class HttpMetrics {
  private readonly duration: Histogram<Labels>;
  private readonly errors: Counter<Labels>;
  private readonly children = new Map<string, { readonly latency: Histogram.Internal<Labels>; readonly failures: Counter.Internal | null }>();

  constructor(registry: MetricsRegistry) {
    this.duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from the request arriving to the response being written, by route pattern',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    this.errors = new Counter({
      name: 'http_request_errors_total',
      help: 'Requests answered with a status of 400 or more (499: the client closed the connection), by route pattern',
      labelNames: ['method', 'route', 'status_code'],
      registers: [registry],
    });
  }

  record(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${route} ${status}`;
    let child = this.children.get(key);
    if (!child) {
      const labels = [method, route, String(status)];
      child = { latency: this.duration.labels(...labels), failures: status >= 400 ? this.errors.labels(...labels) : null };
      this.children.set(key, child);
    }
    child.latency.observe(seconds);
    child.failures?.inc();
  }

  /** Express/connect middleware: measures each request once its connection is done with it. */
  middleware(): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
    return (req, res, next) => {
      const started = process.hrtime.bigint();
      res.once('close', () => {
        const routed = req as RoutedRequest;
        const route = typeof routed.route?.path === 'string' ? `${routed.baseUrl ?? ''}${routed.route.path}` : UNMATCHED_ROUTE;
        const status = res.writableFinished ? res.statusCode : CLIENT_CLOSED;
        this.record(req.method ?? 'GET', route, status, Number(process.hrtime.bigint() - started) / 1e9);
      });
      next();
    };
  }
}

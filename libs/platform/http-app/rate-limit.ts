import type { IncomingMessage } from 'node:http';
import { ProblemException } from '../problem/problem.exception.js';
import type { Middleware } from '../request-context/request-context.middleware.js';
import { RequestContext } from '../request-context/request-context.js';

/** Buckets idle long enough to have refilled are dropped, at most this often, so the map stays small. */
const SWEEP_INTERVAL_MS = 60_000;

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket per client: `perMinute` requests a minute on average, bursts up to `perMinute`. One map lookup
 * and a little arithmetic per request.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private lastSweep: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = perMinute / 60_000;
    this.lastSweep = now();
  }

  /** Takes a token; returns 0 when granted, else the seconds until the next token. */
  take(key: string): number {
    const now = this.now();
    if (now - this.lastSweep > SWEEP_INTERVAL_MS) this.sweep(now);
    const bucket = this.buckets.get(key);
    if (!bucket) {
      this.buckets.set(key, { tokens: this.perMinute - 1, updatedAt: now });
      return 0;
    }
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updatedAt) * this.perMs);
    bucket.updatedAt = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.perMs >= this.perMinute) this.buckets.delete(key);
    }
  }
}

/**
 * Limits each client (the authenticated subject, else the address) to `perMinute` requests; 0 switches it off.
 * Health probes are never limited: a throttled liveness probe would restart a healthy instance.
 */
export function rateLimitMiddleware(perMinute: number): Middleware {
  if (perMinute === 0) return (_req, _res, next) => next();
  const buckets = new TokenBuckets(perMinute);
  return (req, _res, next) => {
    if (req.url?.startsWith('/health/')) return next();
    const wait = buckets.take(clientKey(req));
    if (wait === 0) return next();
    next(
      new ProblemException({
        status: 429,
        detail: `Too many requests: at most ${perMinute} a minute. Retry after ${wait} s.`,
        headers: { 'Retry-After': String(wait) },
      }),
    );
  };
}

function clientKey(req: IncomingMessage): string {
  const context = RequestContext.current();
  return context?.authenticated ? `subject:${context.actor.subject}` : `address:${req.socket.remoteAddress ?? 'unknown'}`;
}

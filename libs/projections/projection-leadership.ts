import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import pg from 'pg';

/** What the runtime does when this instance wins or loses the right to run a projection. */
export interface LeadershipHandlers {
  acquired(name: string): Promise<void>;
  lost(name: string): Promise<void>;
}

/**
 * Decides which instance runs each projection (and each process manager, which is a projection with effects).
 * Exactly one instance should run a projection at a time; the checkpoint's compare-and-set keeps the read model right
 * even in the moment two overlap, so leadership is about not doing the work twice, not about correctness.
 */
export interface ProjectionLeadership {
  start(names: readonly string[], handlers: LeadershipHandlers): Promise<void>;
  /** Stops competing, stops what this instance runs, and releases it for the others. */
  stop(): Promise<void>;
  /** The projections this instance runs now. */
  held(): ReadonlySet<string>;
}

/** One process owns the database (the embedded PGlite): it runs everything. */
export class SoleLeadership implements ProjectionLeadership {
  private names = new Set<string>();
  private handlers: LeadershipHandlers | null = null;

  async start(names: readonly string[], handlers: LeadershipHandlers): Promise<void> {
    this.handlers = handlers;
    for (const name of names) {
      this.names.add(name);
      await handlers.acquired(name);
    }
  }

  async stop(): Promise<void> {
    for (const name of this.names) await this.handlers?.lost(name);
    this.names.clear();
  }

  held(): ReadonlySet<string> {
    return this.names;
  }
}

export interface AdvisoryLockOptions {
  /** How often an instance tries again for the projections it does not run: the takeover time after a crash. */
  readonly retryMs: number;
}

/** Namespace of this service's advisory locks (the first key of the two-key form): "PRJ1". */
const LOCK_NAMESPACE = 0x50524a31;

/** The second key: a stable 32-bit number per projection name. */
export function projectionLockKey(name: string): number {
  return createHash('sha256').update(name).digest().readInt32BE(0);
}

/**
 * Several instances on one PostgreSQL: each projection is run by the instance holding its session-level advisory
 * lock, on a connection of its own. When that instance dies its session ends and PostgreSQL releases the locks; the
 * others try again every `retryMs` and the first to get a lock resumes the projection from its stored checkpoint.
 * If the lock connection breaks, this instance stops everything it ran at once (another may hold the locks now) and
 * competes again on a new connection.
 */
export class AdvisoryLockLeadership implements ProjectionLeadership {
  private readonly logger = new Logger('ProjectionLeadership');
  private client: pg.Client | null = null;
  private readonly names = new Set<string>();
  private wanted: readonly string[] = [];
  private handlers: LeadershipHandlers | null = null;
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly connectionString: string,
    private readonly options: AdvisoryLockOptions,
  ) {}

  async start(names: readonly string[], handlers: LeadershipHandlers): Promise<void> {
    this.wanted = names;
    this.handlers = handlers;
    this.stopped = false;
    await this.compete();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.round;
    await this.releaseAll();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined); // ending the session releases any lock left
  }

  held(): ReadonlySet<string> {
    return this.names;
  }

  private compete(): Promise<void> {
    this.round = this.round.then(() => this.tryAcquire()).finally(() => this.schedule());
    return this.round;
  }

  private schedule(): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.compete();
    }, this.options.retryMs);
    this.timer.unref();
  }

  private async tryAcquire(): Promise<void> {
    if (this.stopped) return;
    try {
      const client = await this.connection();
      for (const name of this.wanted) {
        if (this.stopped || this.names.has(name)) continue;
        const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [LOCK_NAMESPACE, projectionLockKey(name)]);
        if (!rows[0].locked) continue;
        this.names.add(name);
        this.logger.log({ msg: 'running projection on this instance', projection: name });
        try {
          await this.handlers!.acquired(name);
        } catch (err) {
          this.logger.error({ msg: 'projection did not start; releasing it', projection: name, error: String(err) });
          this.names.delete(name);
          await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_NAMESPACE, projectionLockKey(name)]).catch(() => undefined);
        }
      }
    } catch (err) {
      this.logger.warn({ msg: 'could not compete for projections', error: String(err) });
      await this.connectionLost();
    }
  }

  private async connection(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client({ connectionString: this.connectionString, application_name: 'projection-leadership' });
    client.on('error', (err) => {
      this.logger.warn({ msg: 'leadership connection lost', error: String(err) });
      if (this.client === client) void this.connectionLost();
    });
    await client.connect();
    this.client = client;
    return client;
  }

  /** Locks went with the session: stop running anything before another instance starts it. */
  private async connectionLost(): Promise<void> {
    const client = this.client;
    this.client = null;
    await this.releaseAll();
    await client?.end().catch(() => undefined);
  }

  private async releaseAll(): Promise<void> {
    for (const name of [...this.names]) {
      this.names.delete(name);
      await this.handlers?.lost(name).catch((err: unknown) => this.logger.error({ msg: 'projection did not stop cleanly', projection: name, error: String(err) }));
      if (this.client) await this.client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_NAMESPACE, projectionLockKey(name)]).catch(() => undefined);
    }
  }
}

import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { compareLogPositions, type EventStore, type LogPosition } from '../event-store/index.js';
import { checkpoints } from './checkpoint-store.js';
import { IdleCheckpoints } from './idle-checkpoints.js';
import type { Projection } from './projection.js';
import { SoleLeadership, type ProjectionLeadership } from './projection-leadership.js';
import { ProjectionRebuilder, type RebuildOptions, type RebuildProgress } from './projection-rebuilder.js';
import { ProjectionRunner, type RunnerOptions, type RunnerState } from './projection-runner.js';

export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  readonly state: RunnerState | 'rebuilding' | 'not_running_here';
  readonly position: LogPosition;
  readonly headPosition: LogPosition;
  readonly caughtUp: boolean;
  /** Events behind the head, estimated from global positions (exact when writers did not interleave). */
  readonly lagEvents: number;
  readonly eventsApplied: number;
  readonly lastError: string | null;
}

/** Raised when a read waited its bound for a projection to reach a position and it did not. */
export class ProjectionNotCaughtUpError extends Error {
  constructor(readonly projections: readonly string[], readonly position: LogPosition, readonly waitedMs: number) {
    super(`read model ${projections.join(', ')} did not reach the requested position within ${waitedMs} ms`);
    this.name = 'ProjectionNotCaughtUpError';
  }
}

/**
 * How long checkpoints stored by other instances are taken as read: an instance that runs none of a view's
 * projections would otherwise query them on every request. Its views may trail by this much more; a read that
 * waits for its own write refreshes them, so read-your-writes still holds.
 */
const STORED_POSITIONS_TTL_MS = 100;

const DEFAULTS: RunnerOptions = { batchSize: 500, pollIntervalMs: 200, retryDelayMs: 1000, idleCheckpointMs: 250 };

/**
 * Runs every registered projection independently, rebuilds one whose version changed, answers lag and
 * read-your-writes waits.
 */
export class ProjectionRuntime {
  private readonly logger = new Logger('Projections');
  private readonly projections = new Map<string, Projection>();
  private readonly runners = new Map<string, ProjectionRunner>();
  private readonly rebuilding = new Set<string>();
  /** Counts rebuilds per projection: a rebuilt read model may differ at the same position, so views derived from it must not be reused. */
  private readonly generations = new Map<string, number>();
  private stored: { readonly at: number; readonly positions: Promise<Map<string, LogPosition>> } | null = null;
  private readonly rebuilder: ProjectionRebuilder;
  private readonly options: RunnerOptions;
  private readonly idleCheckpoints: IdleCheckpoints;

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    options: Partial<RunnerOptions> = {},
    private readonly leadership: ProjectionLeadership = new SoleLeadership(),
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.rebuilder = new ProjectionRebuilder(store, dataSource);
    this.idleCheckpoints = new IdleCheckpoints(dataSource, this.options.idleCheckpointMs);
  }

  register(projection: Projection): void {
    if (this.projections.has(projection.name)) throw new Error(`projection ${projection.name} registered twice`);
    this.projections.set(projection.name, projection);
  }

  registered(): Projection[] {
    return [...this.projections.values()];
  }

  get(name: string): Projection {
    const projection = this.projections.get(name);
    if (!projection) throw new Error(`no projection named ${name}; known: ${[...this.projections.keys()].join(', ')}`);
    return projection;
  }

  /**
   * Competes for every projection; this instance runs those its leadership grants it (all of them, on the embedded
   * database). One whose stored version differs from its code is rebuilt first, in the background.
   */
  async startAll(): Promise<void> {
    await this.leadership.start([...this.projections.keys()], {
      acquired: (name) => this.startOne(this.get(name)),
      lost: (name) => this.stopOne(name),
    });
  }

  async stopAll(): Promise<void> {
    await this.leadership.stop();
    await Promise.all([...this.runners.values()].map((r) => r.stop()));
    this.idleCheckpoints.close();
  }

  /** The projections this instance runs. */
  runningHere(): ReadonlySet<string> {
    return this.leadership.held();
  }

  private async startOne(projection: Projection): Promise<void> {
    const stored = await checkpoints.load(this.dataSource.manager, projection.name);
    const runner = this.runnerFor(projection);
    if (stored && stored.version !== projection.version) {
      this.logger.log({ msg: 'projection version changed: rebuilding', projection: projection.name, from: stored.version, to: projection.version });
      void this.rebuild(projection.name).catch((err) => this.logger.error({ msg: 'rebuild failed', projection: projection.name, error: String(err) }));
    } else {
      await runner.start();
    }
  }

  private async stopOne(name: string): Promise<void> {
    await this.runners.get(name)?.stop();
  }

  /** Rebuilds into fresh tables while the live ones keep answering, swaps, and resumes the live runner. */
  async rebuild(name: string, options: Omit<RebuildOptions, 'beforeSwap'> = {}): Promise<RebuildProgress> {
    const projection = this.get(name);
    if (this.rebuilding.has(name)) throw new Error(`projection ${name} is already being rebuilt`);
    this.rebuilding.add(name);
    const runner = this.runnerFor(projection);
    try {
      return await this.rebuilder.rebuild(projection, { ...options, beforeSwap: () => runner.stop() });
    } finally {
      this.rebuilding.delete(name);
      this.generations.set(name, (this.generations.get(name) ?? 0) + 1);
      const next = this.replaceRunner(projection);
      if (this.leadership.held().has(name)) await next.start(); // another instance may run it now
    }
  }

  /**
   * Waits, bounded, until the named projections have applied everything up to `position`: a client that just
   * wrote reads its own write.
   */
  async waitFor(names: readonly string[], position: LogPosition, timeoutMs: number): Promise<void> {
    const started = Date.now();
    for (const name of names) {
      const remaining = timeoutMs - (Date.now() - started);
      const runner = this.runners.get(name);
      const reached = runner && runner.state !== 'stopped' && runner.state !== 'idle'
        ? await this.waitForLocal(runner, position, remaining)
        : await this.waitForStored(name, position, remaining);
      if (!reached) throw new ProjectionNotCaughtUpError(names, position, Date.now() - started);
    }
  }

  /**
   * Where the named projections stand, as one opaque string: equal strings mean the read models have not moved, so a
   * view derived from them can be reused (within this process: rebuilds here count too). Positions of runners in this process are read from memory; those run by
   * another instance come from their stored checkpoints.
   */
  async positionsOf(names: readonly string[]): Promise<string> {
    const parts: string[] = [];
    let stored: Map<string, LogPosition> | undefined;
    for (const name of names) {
      const runner = this.runners.get(name);
      let position = runner && runner.state !== 'stopped' && runner.state !== 'idle' ? runner.position : null;
      if (position === null) {
        stored ??= await this.storedPositions();
        position = stored.get(name) ?? null;
      }
      parts.push(`${this.generations.get(name) ?? 0}:${position === null ? '-' : `${position.commit}.${position.prepare}`}`);
    }
    return parts.join('|');
  }

  async status(): Promise<ProjectionStatus[]> {
    const head = await this.store.headPosition();
    const stored = new Map((await checkpoints.loadAll(this.dataSource.manager)).map((c) => [c.name, c]));
    return [...this.projections.values()].map((p) => {
      const runner = this.runners.get(p.name);
      const checkpoint = stored.get(p.name);
      const position = runner?.position ?? checkpoint?.position ?? { commit: 0n, prepare: 0n };
      const caughtUp = compareLogPositions(position, head) >= 0;
      const gap = head.prepare - position.prepare;
      return {
        name: p.name,
        version: checkpoint?.version ?? p.version,
        state: this.rebuilding.has(p.name) ? 'rebuilding' : (runner?.state ?? 'not_running_here'),
        position,
        headPosition: head,
        caughtUp,
        lagEvents: caughtUp ? 0 : Math.max(1, Number(gap > 0n ? gap : 1n)),
        eventsApplied: checkpoint?.eventsApplied ?? 0,
        lastError: runner?.lastError ?? null,
      };
    });
  }

  private runnerFor(projection: Projection): ProjectionRunner {
    return this.runners.get(projection.name) ?? this.replaceRunner(projection);
  }

  private replaceRunner(projection: Projection): ProjectionRunner {
    const runner = new ProjectionRunner(projection, this.store, this.dataSource, this.options, this.idleCheckpoints);
    this.runners.set(projection.name, runner);
    return runner;
  }

  private waitForLocal(runner: ProjectionRunner, position: LogPosition, timeoutMs: number): Promise<boolean> {
    if (runner.hasReached(position)) return Promise.resolve(true);
    runner.poke();
    return new Promise((resolve) => {
      const finish = (reached: boolean) => {
        clearTimeout(timer);
        unsubscribe();
        resolve(reached);
      };
      const unsubscribe = runner.onProgress(() => runner.hasReached(position) && finish(true));
      const timer = setTimeout(() => finish(runner.hasReached(position)), Math.max(0, timeoutMs));
    });
  }

  /** Every stored checkpoint's position, read at most once per STORED_POSITIONS_TTL_MS (concurrent callers share a read). */
  private storedPositions(): Promise<Map<string, LogPosition>> {
    if (this.stored && Date.now() - this.stored.at < STORED_POSITIONS_TTL_MS) return this.stored.positions;
    const positions = checkpoints.loadAll(this.dataSource.manager).then((all) => new Map(all.map((c) => [c.name, c.position])));
    this.stored = { at: Date.now(), positions };
    positions.catch(() => (this.stored = null));
    return positions;
  }

  /** For a projection run by another instance: watch its stored checkpoint. */
  private async waitForStored(name: string, position: LogPosition, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const checkpoint = await checkpoints.load(this.dataSource.manager, name);
      if (checkpoint && compareLogPositions(checkpoint.position, position) >= 0) {
        this.stored = null; // what was waited for is stored: views derived after this must not use older positions
        return true;
      }
      if (Date.now() >= deadline) return false;
      await new Promise((r) => setTimeout(r, Math.min(25, Math.max(1, deadline - Date.now()))));
    }
  }
}

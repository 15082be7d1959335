import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { compareLogPositions, type EventStore, type LogPosition, type ReadAllResult, type Subscription } from '../event-store/index.js';
import { CheckpointMovedError, checkpoints } from './checkpoint-store.js';
import type { IdleCheckpoints, IdleProgressSource } from './idle-checkpoints.js';
import type { Projection } from './projection.js';

export type RunnerState = 'idle' | 'running' | 'stopping' | 'stopped' | 'failing';

export interface RunnerOptions {
  readonly batchSize: number;
  readonly pollIntervalMs: number;
  /** Wait before retrying a batch that failed (a poison event keeps the projection here, visible in status). */
  readonly retryDelayMs: number;
  /**
   * How long progress over events this projection ignores may stay unwritten (see IdleCheckpoints). Writing the
   * checkpoint for every such batch would cost a transaction per projection per append; a crash merely re-reads them.
   */
  readonly idleCheckpointMs: number;
}

/**
 * Keeps one projection up to date with the log. Each batch and its checkpoint commit in one transaction, so a
 * crash anywhere leaves the read model and the checkpoint agreeing; a restart resumes exactly where it stood.
 */
export class ProjectionRunner implements IdleProgressSource {
  private readonly logger: Logger;
  private readonly handles: Set<string>;
  private subscription: Subscription | null = null;
  private loop: Promise<void> | null = null;
  private listeners = new Set<() => void>();
  state: RunnerState = 'idle';
  /** How far the read model is known to be current (in memory; the stored checkpoint may trail it, see `persisted`). */
  position: LogPosition | null = null;
  lastError: string | null = null;
  /** The stored checkpoint as this runner last wrote or read it: the expected value of its compare-and-set. */
  private persisted: LogPosition | null = null;
  private applying = false;

  constructor(
    readonly projection: Projection,
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly options: RunnerOptions,
    /** Where progress over ignored events is stored, with every other runner's (see IdleCheckpoints). */
    private readonly idleCheckpoints: IdleCheckpoints,
  ) {
    this.logger = new Logger(`Projection:${projection.name}`);
    this.handles = new Set(projection.handles);
  }

  async start(): Promise<void> {
    if (this.loop) return;
    const checkpoint = await checkpoints.ensure(this.dataSource.manager, this.projection.name, this.projection.version);
    this.position = this.persisted = checkpoint.position;
    this.state = 'running';
    this.loop = this.run();
  }

  /** Finishes the batch in hand, then stops. */
  async stop(): Promise<void> {
    if (!this.loop) return;
    this.state = 'stopping';
    await this.subscription?.stop();
    await this.loop;
    this.loop = null;
    this.subscription = null;
    this.idleCheckpoints.forget(this);
    await this.flushIdleProgress().catch(() => undefined); // a moved checkpoint belongs to a newer runner
    this.state = 'stopped';
  }

  /** Resolves once the read model has applied everything up to `position` (or the runner stops). */
  onProgress(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Someone waits for a position: read now, since appends of types this projection ignores do not wake it. */
  poke(): void {
    this.subscription?.poke?.();
  }

  hasReached(position: LogPosition): boolean {
    return this.position !== null && compareLogPositions(this.position, position) >= 0;
  }

  private async run(): Promise<void> {
    while (this.state === 'running' || this.state === 'failing') {
      this.subscription = this.store.subscribe({
        after: this.position!,
        batchSize: this.options.batchSize,
        pollIntervalMs: this.options.pollIntervalMs,
        types: this.projection.handles,
      });
      try {
        for await (const batch of this.subscription) {
          await this.applyBatch(batch);
          if (this.state !== 'running') break;
        }
      } catch (err) {
        if ((this.state as RunnerState) === 'stopping') break;
        await this.subscription.stop();
        if (err instanceof CheckpointMovedError) {
          // another instance applied this batch: take its position and go on, nothing to report
          this.logger.debug?.({ msg: 'checkpoint moved by another runner; resuming from it' });
        } else {
          this.state = 'failing';
          this.lastError = (err as Error).message;
          this.logger.error({ msg: 'batch failed, retrying', error: this.lastError, position: String(this.position?.prepare) });
          await new Promise((r) => setTimeout(r, this.options.retryDelayMs));
        }
        const stored = await checkpoints.load(this.dataSource.manager, this.projection.name).catch(() => null);
        if (stored) this.position = this.persisted = stored.position;
        for (const listener of this.listeners) listener();
      }
    }
  }

  private async applyBatch(batch: ReadAllResult): Promise<void> {
    const to = batch.lastPosition;
    const relevant = batch.events.filter((e) => this.handles.has(e.type));
    if (relevant.length === 0) {
      this.advanceIdle(to);
    } else {
      if (this.projection.effects) await this.projection.effects(relevant);
      const from = this.persisted!;
      this.applying = true;
      try {
        await this.dataSource.transaction(async (manager) => {
          await this.projection.apply(relevant, manager);
          await checkpoints.advance(manager, this.projection.name, from, to, relevant.length);
        });
      } finally {
        this.applying = false;
      }
      this.position = this.persisted = to;
    }
    this.lastError = null;
    if (this.state === 'failing') this.state = 'running'; // stays "failing" until a batch goes through
    for (const listener of this.listeners) listener();
  }

  get name(): string {
    return this.projection.name;
  }

  /** Nothing to apply: move on in memory now; the checkpoint follows with the next round of IdleCheckpoints. */
  private advanceIdle(to: LogPosition): void {
    this.position = to;
    this.idleCheckpoints.due(this);
  }

  idleProgress(): { from: LogPosition; to: LogPosition } | 'applying' | null {
    if (this.applying) return 'applying'; // that batch's checkpoint write covers it, or the next round does
    const from = this.persisted;
    const to = this.position;
    return from === null || to === null || compareLogPositions(from, to) >= 0 ? null : { from, to };
  }

  idleProgressStored(from: LogPosition, to: LogPosition): void {
    // a batch may have been applied meanwhile: only move `persisted` forward from where this write started
    if (this.persisted === from) this.persisted = to;
  }

  private async flushIdleProgress(): Promise<void> {
    const progress = this.idleProgress();
    if (progress === null || progress === 'applying') return;
    await checkpoints.advance(this.dataSource.manager, this.projection.name, progress.from, progress.to, 0);
    this.idleProgressStored(progress.from, progress.to);
  }
}

import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { compareLogPositions, type EventStore, type LogPosition, type ReadAllResult, type Subscription } from '../event-store/index.js';
import { CheckpointMovedError, checkpoints } from './checkpoint-store.js';
import type { Projection } from './projection.js';

export type RunnerState = 'idle' | 'running' | 'stopping' | 'stopped' | 'failing';

export interface RunnerOptions {
  readonly batchSize: number;
  readonly pollIntervalMs: number;
  /** Wait before retrying a batch that failed (a poison event keeps the projection here, visible in status). */
  readonly retryDelayMs: number;
}

/**
 * Keeps one projection up to date with the log. Each batch and its checkpoint commit in one transaction, so a
 * crash anywhere leaves the read model and the checkpoint agreeing; a restart resumes exactly where it stood.
 */
export class ProjectionRunner {
  private readonly logger: Logger;
  private readonly handles: Set<string>;
  private subscription: Subscription | null = null;
  private loop: Promise<void> | null = null;
  private listeners = new Set<() => void>();
  state: RunnerState = 'idle';
  position: LogPosition | null = null;
  lastError: string | null = null;

  constructor(
    readonly projection: Projection,
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly options: RunnerOptions,
  ) {
    this.logger = new Logger(`Projection:${projection.name}`);
    this.handles = new Set(projection.handles);
  }

  async start(): Promise<void> {
    if (this.loop) return;
    const checkpoint = await checkpoints.ensure(this.dataSource.manager, this.projection.name, this.projection.version);
    this.position = checkpoint.position;
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
    this.state = 'stopped';
  }

  /** Resolves once the read model has applied everything up to `position` (or the runner stops). */
  onProgress(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
        if (stored) this.position = stored.position;
        for (const listener of this.listeners) listener();
      }
    }
  }

  private async applyBatch(batch: ReadAllResult): Promise<void> {
    const from = this.position!;
    const to = batch.lastPosition;
    const relevant = batch.events.filter((e) => this.handles.has(e.type));
    if (relevant.length && this.projection.effects) await this.projection.effects(relevant);
    await this.dataSource.transaction(async (manager) => {
      if (relevant.length) await this.projection.apply(relevant, manager);
      await checkpoints.advance(manager, this.projection.name, from, to, relevant.length);
    });
    this.position = to;
    this.lastError = null;
    if (this.state === 'failing') this.state = 'running'; // stays "failing" until a batch goes through
    for (const listener of this.listeners) listener();
  }
}

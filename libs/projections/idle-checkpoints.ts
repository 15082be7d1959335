import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { LogPosition } from '../event-store/index.js';
import { checkpoints } from './checkpoint-store.js';

/** A runner that has moved past events its projection ignores, without storing that yet. */
export interface IdleProgressSource {
  readonly name: string;
  /** From the stored checkpoint to where the runner stands; null when nothing is pending; 'applying' while a batch is. */
  idleProgress(): { readonly from: LogPosition; readonly to: LogPosition } | 'applying' | null;
  idleProgressStored(from: LogPosition, to: LogPosition): void;
}

/**
 * Stores the progress runners make over events their projections ignore, for all of them in one statement at most
 * every `everyMs`. A busy log moves every projection that ignores what is written: one compare-and-set per
 * projection per interval was a transaction (and a commit waiting for the disk) each. A crash merely re-reads
 * those events. A runner that is applying a batch is left for the next round: that batch's checkpoint covers it.
 */
export class IdleCheckpoints {
  private readonly logger = new Logger('IdleCheckpoints');
  private readonly pending = new Set<IdleProgressSource>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly everyMs: number,
  ) {}

  /** The runner has progress to store: it goes with everyone else's at the next round. */
  due(source: IdleProgressSource): void {
    this.pending.add(source);
    this.schedule();
  }

  /** A stopping runner stores its own progress. */
  forget(source: IdleProgressSource): void {
    this.pending.delete(source);
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  /** One round now: every pending runner's progress in one statement. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const moves: { source: IdleProgressSource; name: string; from: LogPosition; to: LogPosition }[] = [];
    for (const source of this.pending) {
      const progress = source.idleProgress();
      if (progress === 'applying') continue;
      this.pending.delete(source);
      if (progress) moves.push({ source, name: source.name, ...progress });
    }
    try {
      if (moves.length) {
        const moved = await checkpoints.advanceMany(this.dataSource.manager, moves);
        for (const m of moves) if (moved.has(m.name)) m.source.idleProgressStored(m.from, m.to);
      }
    } catch (err) {
      // the database is away: the runners' next batches find out; their progress is re-read after a restart
      this.logger.debug?.({ msg: 'idle checkpoints not written', error: String(err) });
    }
    if (this.pending.size) this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(), this.everyMs);
    this.timer.unref();
  }
}

import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '../event-store/index.js';

/**
 * A read model built from the log. `apply` receives, in log order, the events of one batch whose type is in
 * `handles`, inside the transaction that also moves the checkpoint: a batch takes effect exactly once.
 * Tables must be referred to unqualified (TypeORM entities without a schema): a rebuild applies the same code to
 * fresh tables of the same names in a shadow schema.
 */
export interface Projection {
  readonly name: string;
  /** Bump it when `apply` changes: the runtime then rebuilds the read model from the start of the log. */
  readonly version: number;
  readonly handles: readonly string[];
  /** The tables this projection owns and alone writes. */
  readonly tables: readonly string[];
  apply(events: readonly RecordedEvent[], manager: EntityManager): Promise<void>;
  /**
   * A process manager's commands for the batch, run before (outside) the batch's transaction: the checkpoint moves
   * only after they succeed, so a crash repeats them and never skips them. They must be idempotent. Outside the
   * transaction because they append through the event store's own connections (one PGlite session would deadlock).
   */
  effects?(events: readonly RecordedEvent[]): Promise<void>;
}

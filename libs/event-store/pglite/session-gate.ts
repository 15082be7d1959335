import type { PGlite } from '@electric-sql/pglite';

/*
 * PGlite is ONE PostgreSQL session. pglite-socket lets several sockets share it, and what they share is that
 * session: its transaction state, its unnamed prepared statement and portal, its "skip until Sync" error state.
 *
 * pglite-socket 0.2.17's own multiplexer (QueryQueueManager) schedules single protocol MESSAGES. It keeps other
 * connections out only while `IsTransactionBlock()` is true, i.e. inside BEGIN ... COMMIT. Between the messages of
 * one extended-protocol query (Parse, Bind, Describe, Execute, Sync: what `pg` sends for every query with
 * parameters) the session is in an implicit transaction, `IsTransactionBlock()` is false, and another connection's
 * messages can run in the gap: its Parse replaces the first connection's unnamed statement, whose Bind then runs
 * the other connection's SQL with its own parameters. This happens whenever a message arrives in more than one TCP
 * read (a large Bind: events with big payloads). embedded-postgres.int-spec.ts shows it deterministically.
 *
 * The gate below replaces that queue. It hands the session to one connection at a time, at transaction
 * granularity, the way a transaction-pooling proxy does: a connection takes the session with its first message and
 * keeps it until PostgreSQL reports ReadyForQuery with status 'I' (idle, no transaction open). Everything in between,
 * an extended-protocol query up to its Sync or an explicit transaction up to COMMIT/ROLLBACK, runs without anyone
 * else's messages interleaved. The other connections' messages wait, in arrival order.
 */

const TERMINATE = 0x58; // 'X'
const READY_FOR_QUERY = 0x5a; // 'Z'
const STATUS_IDLE = 0x49; // 'I'
const STARTUP_FIRST_BYTE = 0x00; // a startup packet has no type byte; its int32 length starts with 0

/** The part of pglite-socket's queue that PGLiteSocketHandler calls (0.2.x: `enqueue`, `clearQueueForHandler`, `clearTransactionIfNeeded`). */
export interface SessionQueue {
  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number>;
  clearQueueForHandler(handlerId: number): void;
  clearTransactionIfNeeded(handlerId: number): Promise<void>;
}

interface Job {
  readonly handlerId: number;
  readonly message: Uint8Array | null; // null: roll back what the handler left open and give the session back
  readonly onData: (data: Uint8Array) => void;
  readonly resolve: (bytes: number) => void;
  readonly reject: (error: Error) => void;
  readonly enqueuedAt: number;
}

export interface SessionGateStats {
  /** The connection holding the session (mid-query or in a transaction), or null. */
  readonly owner: number | null;
  /** Messages waiting for the session. */
  readonly waiting: number;
}

/** Follows the backend's message framing in a response and remembers the status of the last ReadyForQuery. */
class ReadyForQueryScanner {
  status: number | null = null;
  private readonly header = new Uint8Array(5);
  private headerBytes = 0;
  private bodyLeft = 0;
  private type = 0;

  push(chunk: Uint8Array): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.bodyLeft === 0) {
        const n = Math.min(5 - this.headerBytes, chunk.length - i);
        this.header.set(chunk.subarray(i, i + n), this.headerBytes);
        this.headerBytes += n;
        i += n;
        if (this.headerBytes === 5) {
          this.type = this.header[0];
          const length = ((this.header[1] << 24) | (this.header[2] << 16) | (this.header[3] << 8) | this.header[4]) >>> 0;
          this.bodyLeft = Math.max(length - 4, 0);
          this.headerBytes = 0;
        }
        continue;
      }
      const n = Math.min(this.bodyLeft, chunk.length - i);
      if (this.type === READY_FOR_QUERY && this.bodyLeft === 1) this.status = chunk[i];
      i += n;
      this.bodyLeft -= n;
    }
  }
}

function queryMessage(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`, 'utf8');
  const message = Buffer.alloc(5 + text.length);
  message[0] = 0x51; // 'Q'
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}
const ROLLBACK = queryMessage('ROLLBACK');
const SYNC = Uint8Array.from([0x53, 0, 0, 0, 4]); // 'S'

/**
 * Transaction-level scheduler for one PGlite session shared by several sockets. Plugs into
 * `PGLiteSocketHandler` in place of pglite-socket's message-level QueryQueueManager.
 */
export class SessionGate implements SessionQueue {
  private readonly queue: Job[] = [];
  private owner: number | null = null;
  private ownerSince = 0;
  private pumping: Promise<void> | null = null;
  private warnTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly db: PGlite,
    private readonly log: (msg: string) => void = () => undefined,
    private readonly warnAfterMs = 10_000,
  ) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    if (this.closed) return Promise.reject(new Error('the embedded database is stopping'));
    // PGlite ignores Terminate; a connection must never take the session just to say goodbye
    if (message[0] === TERMINATE && this.owner !== handlerId) return Promise.resolve(0);
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject, enqueuedAt: Date.now() });
      this.pump();
    });
  }

  clearQueueForHandler(handlerId: number): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const job = this.queue[i];
      if (job.handlerId === handlerId && job.message) {
        this.queue.splice(i, 1);
        job.reject(new Error('Handler disconnected'));
      }
    }
  }

  /** The connection went away: if it held the session, roll back whatever it left open and free the session. */
  clearTransactionIfNeeded(handlerId: number): Promise<void> {
    // when stopping, closing PGlite discards the open transaction anyway
    if (this.owner !== handlerId || this.closed) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      // first in line: the owner's jobs are the only ones eligible now, and its remaining ones were just cleared
      this.queue.unshift({ handlerId, message: null, onData: () => undefined, resolve: () => resolve(), reject, enqueuedAt: Date.now() });
      this.pump();
    });
  }

  stats(): SessionGateStats {
    return { owner: this.owner, waiting: this.queue.length };
  }

  /** Refuses new work and waits for the message being executed, if any. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) {
      if (job.message) job.reject(new Error('the embedded database is stopping'));
      else job.resolve(0);
    }
    await this.pumping;
    this.clearWarnTimer();
  }

  private pump(): void {
    if (this.pumping) return; // the running loop picks new jobs up
    this.pumping = this.drain().finally(() => {
      this.pumping = null;
    });
  }

  private async drain(): Promise<void> {
    for (;;) {
      const i = this.owner === null ? (this.queue.length ? 0 : -1) : this.queue.findIndex((j) => j.handlerId === this.owner);
      if (i < 0) return;
      const [job] = this.queue.splice(i, 1);
      await this.run(job);
    }
  }

  private async run(job: Job): Promise<void> {
    if (!job.message) {
      if (this.owner === job.handlerId) {
        try {
          await this.rollBackSession();
        } catch (err) {
          this.log(`embedded postgres: could not roll back after connection #${job.handlerId} left: ${String(err)}`);
        }
        this.release();
      }
      job.resolve(0);
      return;
    }

    if (this.owner === null) this.acquire(job.handlerId);
    const message = job.message;
    const scanner = new ReadyForQueryScanner();
    let bytes = 0;
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(message, {
          onRawData: (data) => {
            bytes += data.length;
            scanner.push(data);
            job.onData(data);
          },
        }),
      );
    } catch (err) {
      // the session stays with this connection: its handler detaches on the error and the cleanup job rolls back
      job.reject(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    if (scanner.status === STATUS_IDLE) this.release();
    else if (scanner.status === null && message[0] === STARTUP_FIRST_BYTE && !this.db.isInTransaction()) this.release();
    job.resolve(bytes);
  }

  /**
   * Undo whatever a vanished connection left: an explicit transaction, or an implicit one of an unfinished
   * extended-protocol query (ROLLBACK ends both). Sync clears a pending "skip until Sync" error state, in which the
   * first ROLLBACK would have been ignored, so a second ROLLBACK runs if a transaction block is still open.
   */
  private async rollBackSession(): Promise<void> {
    await this.db.runExclusive(async () => {
      const ignore = { onRawData: () => undefined };
      await this.db.execProtocolRawStream(ROLLBACK, ignore);
      await this.db.execProtocolRawStream(SYNC, ignore);
      if (this.db.isInTransaction()) await this.db.execProtocolRawStream(ROLLBACK, ignore);
    });
  }

  private acquire(handlerId: number): void {
    this.owner = handlerId;
    this.ownerSince = Date.now();
    this.armWarnTimer();
  }

  private release(): void {
    this.owner = null;
    this.clearWarnTimer();
  }

  /** A transaction that waits for another connection never finishes here: say so instead of hanging silently. */
  private armWarnTimer(): void {
    this.clearWarnTimer();
    if (this.warnAfterMs <= 0) return;
    this.warnTimer = setTimeout(() => {
      const owner = this.owner;
      if (owner === null) return;
      const others = this.queue.filter((j) => j.handlerId !== owner);
      if (others.length) {
        const waited = Date.now() - Math.min(...others.map((j) => j.enqueuedAt));
        this.log(
          `embedded postgres: connection #${owner} has held the single PGlite session for ${Date.now() - this.ownerSince} ms ` +
            `(open transaction or unfinished query); ${others.length} message(s) from other connections have waited up to ${waited} ms. ` +
            'A transaction that waits for work on another connection never finishes on the embedded database.',
        );
      }
      this.armWarnTimer();
    }, this.warnAfterMs);
    this.warnTimer.unref();
  }

  private clearWarnTimer(): void {
    if (this.warnTimer) clearTimeout(this.warnTimer);
    this.warnTimer = null;
  }
}

import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from '@electric-sql/pglite-socket';
import { SessionGate, type SessionGateStats } from './session-gate.js';

/**
 * Pool size to give a `pg.Pool` (`max`) or a TypeORM DataSource (`poolSize`) on the embedded database.
 * Any size is CORRECT (the server serialises transactions, see SessionGate), but PGlite executes one transaction
 * at a time, so more connections only add sockets waiting in line. Keep every pool of the process together under
 * `EMBEDDED_MAX_CONNECTIONS`.
 */
export const EMBEDDED_POOL_MAX = 4;

/** Sockets the embedded server accepts at once; one more is refused with SQLSTATE 53300 (too_many_connections). */
export const EMBEDDED_MAX_CONNECTIONS = 32;

/** The PostgreSQL data directory's name inside `dataDir`, which can hold other things of the service. */
export const EMBEDDED_PGDATA = 'pgdata';

export interface EmbeddedPostgresOptions {
  /** Folder for the service's data (`DATA_DIR`); the database lives in `<dataDir>/pgdata`. Created if missing. */
  readonly dataDir: string;
  /** Interface to listen on. Default 127.0.0.1: the embedded database is for this process, not the network. */
  readonly host?: string;
  /** TCP port; 0 (the default) lets the OS pick a free one. */
  readonly port?: number;
  /** Default EMBEDDED_MAX_CONNECTIONS. */
  readonly maxConnections?: number;
  /** Warn when a connection has held the session this long while others wait (default 10 000 ms, 0 = never). */
  readonly slowSessionWarningMs?: number;
  readonly log?: (msg: string) => void;
}

export interface EmbeddedPostgresStats extends SessionGateStats {
  readonly connections: number;
}

export interface EmbeddedPostgres {
  /** `postgres://postgres:postgres@host:port/postgres`, for `pg.Pool({ connectionString })` and TypeORM `url`. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** The PostgreSQL data directory (`<dataDir>/pgdata`). */
  readonly dataPath: string;
  /** The recommended pool size, EMBEDDED_POOL_MAX. */
  readonly poolMax: number;
  /** Milliseconds from the call to a listening server (first start includes initdb). */
  readonly startupMs: number;
  stats(): EmbeddedPostgresStats;
  /**
   * Stops listening, disconnects remaining clients (rolling back what they left open), closes PGlite (a clean
   * shutdown: everything committed is on disk) and releases the data directory. Idempotent.
   * End your pools and DataSources first: their connections are cut otherwise.
   */
  stop(): Promise<void>;
}

/** Data directories this process has open: a second open of the same directory would corrupt it. */
const openInThisProcess = new Set<string>();

interface LockOwner {
  pid: number;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite does not guard its data directory: two instances on one folder both start and overwrite each other's
 * files. A lock file next to it does. A lock left by a process that no longer runs (or by an earlier life of this
 * pid, e.g. pid 1 in a restarted container) is taken over.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockPath = join(dataDir, `${EMBEDDED_PGDATA}.lock`);
  if (openInThisProcess.has(lockPath)) throw new Error(`the embedded database in ${dataDir} is already open in this process`);
  for (let attempt = 0; ; attempt++) {
    try {
      const file = await open(lockPath, 'wx');
      try {
        await file.writeFile(JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() } satisfies LockOwner));
      } finally {
        await file.close();
      }
      openInThisProcess.add(lockPath);
      return async () => {
        openInThisProcess.delete(lockPath);
        await rm(lockPath, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`the embedded database in ${dataDir} is locked by ${lockPath}`);
        throw err;
      }
      let owner: LockOwner | null = null;
      try {
        owner = JSON.parse(await readFile(lockPath, 'utf8')) as LockOwner;
      } catch {
        owner = null; // unreadable or half-written: a crash while locking
      }
      if (owner && owner.pid !== process.pid && isAlive(owner.pid)) {
        throw new Error(
          `the embedded database in ${dataDir} is in use by process ${owner.pid} (since ${owner.startedAt}); ` +
            `stop it, or delete ${lockPath} if that process is not this service`,
        );
      }
      await rm(lockPath, { force: true });
    }
  }
}

/** An ErrorResponse, as PostgreSQL sends before closing a connection it refuses. */
function fatalError(code: string, message: string): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0\0`, 'utf8');
  const out = Buffer.alloc(5 + fields.length);
  out[0] = 0x45; // 'E'
  out.writeInt32BE(4 + fields.length, 1);
  fields.copy(out, 5);
  return out;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolveListen, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolveListen(server.address() as AddressInfo);
    });
  });
}

/**
 * Starts PGlite on `<dataDir>/pgdata` and serves it on a local TCP port with the PostgreSQL wire protocol, so that
 * `pg` and TypeORM's postgres driver use it exactly as a server.
 *
 * PGlite is a single PostgreSQL session. Connections share it one transaction at a time (SessionGate): while one
 * connection is inside a transaction or an unfinished query, the others' queries wait. So:
 * - isolation holds trivially (nobody sees uncommitted writes; transactions run one after another), and pools of
 *   any size work; EMBEDDED_POOL_MAX is the recommended size;
 * - a transaction must not wait for work on ANOTHER connection (e.g. `pool.query` inside a TypeORM transaction):
 *   that work waits for the transaction, which never ends. The server logs a warning when a session is held long
 *   while others wait;
 * - session state is shared by all connections: session-level advisory locks do not exclude each other, SET (not
 *   SET LOCAL), temporary tables, named prepared statements and LISTEN are visible to every connection. Concurrency
 *   behaviour is tested on a PostgreSQL server, not here.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const host = options.host ?? '127.0.0.1';
  const maxConnections = options.maxConnections ?? EMBEDDED_MAX_CONNECTIONS;
  const dataDir = resolve(options.dataDir);
  const dataPath = join(dataDir, EMBEDDED_PGDATA);

  await mkdir(dataDir, { recursive: true });
  const unlock = await lockDataDir(dataDir);
  let db: PGlite | null = null;
  try {
    db = await PGlite.create({ dataDir: dataPath });
    const gate = new SessionGate(db, log, options.slowSessionWarningMs ?? 10_000);
    const handlers = new Set<PGLiteSocketHandler>();
    const sockets = new Set<Socket>();
    let accepting = true;

    const server = createServer((socket: Socket) => {
      if (!accepting) {
        socket.destroy();
        return;
      }
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      if (handlers.size >= maxConnections) {
        log(`embedded postgres: refusing a connection, ${handlers.size} of ${maxConnections} in use`);
        // like PostgreSQL: read the startup packet, answer with an error, close
        socket.once('data', () => socket.end(fatalError('53300', `sorry, too many clients already (embedded PGlite accepts ${maxConnections})`)));
        socket.once('error', () => socket.destroy());
        setTimeout(() => socket.destroy(), 5_000).unref();
        return;
      }
      const handler = new PGLiteSocketHandler({
        // pglite-socket types this option with its unexported QueryQueueManager; SessionGate has the same methods
        queryQueue: gate as unknown as PGLiteSocketHandlerOptions['queryQueue'],
        closeOnDetach: true,
      });
      handlers.add(handler);
      handler.addEventListener('close', () => handlers.delete(handler));
      handler.addEventListener('error', () => handlers.delete(handler));
      handler.attach(socket).catch((err: unknown) => {
        handlers.delete(handler);
        log(`embedded postgres: could not attach a connection: ${String(err)}`);
        socket.destroy();
      });
    });
    server.on('error', (err) => log(`embedded postgres: server error: ${String(err)}`));

    const address = await listen(server, options.port ?? 0, host);
    const urlHost = address.address.includes(':') ? `[${address.address}]` : address.address;
    const url = `postgres://postgres:postgres@${urlHost}:${address.port}/postgres`;
    const startupMs = Date.now() - started;
    log(`embedded postgres (PGlite) listening on ${urlHost}:${address.port}, data in ${dataPath}, started in ${startupMs} ms`);

    const pglite = db;
    let stopping: Promise<void> | null = null;
    const stop = async () => {
      accepting = false;
      const closed = new Promise<void>((r) => server.close(() => r()));
      // detach rolls back what a connection left open and closes its socket
      await Promise.allSettled([...handlers].map((h) => h.detach(true)));
      handlers.clear();
      for (const socket of sockets) socket.destroy(); // refused ones still saying goodbye
      await closed;
      await gate.close();
      try {
        await pglite.close();
      } finally {
        await unlock();
      }
      log(`embedded postgres stopped, data in ${dataPath}`);
    };

    return {
      url,
      host: address.address,
      port: address.port,
      dataPath,
      poolMax: EMBEDDED_POOL_MAX,
      startupMs,
      stats: () => ({ ...gate.stats(), connections: handlers.size }),
      stop: () => (stopping ??= stop()),
    };
  } catch (err) {
    await db?.close().catch(() => undefined);
    await unlock();
    throw err;
  }
}

import cluster, { type Worker } from 'node:cluster';
import type { PinoLogger } from '../logging/pino-logger.js';
import { isClusterMessage, type ClusterMessage } from './messages.js';
import { PrimaryMetrics } from './primary-metrics.js';

export interface SuperviseOptions {
  readonly workers: number;
  /** A worker's own graceful-shutdown bound; the primary gives it this plus a margin before killing it. */
  readonly shutdownTimeoutMs: number;
  readonly logger: PinoLogger;
}

/** A worker that dies this soon after its start counts as crash-looping: its replacement waits longer each time. */
const HEALTHY_AFTER_MS = 10_000;
const MAX_RESTART_DELAY_MS = 30_000;
const KILL_MARGIN_MS = 5_000;

/**
 * The primary process of `API_WORKERS` > 1: it serves no request itself. The first worker starts alone, so that
 * migrations and the local key pair are created once; the rest follow once it listens. A worker that dies is
 * replaced (with a growing delay while it keeps dying young); SIGTERM/SIGINT close every worker gracefully and
 * the primary exits when they are gone. Resolves when the workers are up; the process then lives on their events.
 */
export async function superviseWorkers(options: SuperviseOptions): Promise<void> {
  const { logger } = options;
  const started = new Map<number, number>();
  let shuttingDown = false;
  let restartDelay = 1_000;
  const live = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
  const metrics = new PrimaryMetrics(live);

  const fork = (): Worker => {
    const worker = cluster.fork();
    started.set(worker.id, Date.now());
    worker.on('message', (message: unknown) => {
      if (isClusterMessage(message)) metrics.onMessage(worker, message);
    });
    return worker;
  };

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (started.get(worker.id) ?? Date.now());
    started.delete(worker.id);
    if (shuttingDown) {
      if (live().length === 0) {
        logger.info('every worker stopped: exiting');
        process.exit(0);
      }
      return;
    }
    restartDelay = lived < HEALTHY_AFTER_MS ? Math.min(MAX_RESTART_DELAY_MS, restartDelay * 2) : 1_000;
    logger.error({ worker: worker.process.pid, code, signal, restartInMs: restartDelay }, 'API worker died: starting a replacement');
    setTimeout(() => shuttingDown || fork(), restartDelay).unref();
  });

  const shutdown = (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal, workers: live().length }, 'shutting down the API workers');
    for (const worker of live()) if (worker.isConnected()) worker.send({ type: 'portfolio:shutdown' } satisfies ClusterMessage);
    if (live().length === 0) process.exit(0);
    setTimeout(() => {
      logger.error({ timeoutMs: options.shutdownTimeoutMs + KILL_MARGIN_MS }, 'workers did not stop in time: killing them');
      for (const worker of live()) worker.process.kill('SIGKILL');
      process.exit(1);
    }, options.shutdownTimeoutMs + KILL_MARGIN_MS).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);

  await listening(fork());
  await Promise.all(Array.from({ length: options.workers - 1 }, () => listening(fork())));
  logger.info({ workers: options.workers }, 'API workers listening');
}

/** Resolves when the worker listens; rejects when it exits before (a start-up failure is not retried). */
function listening(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null, signal: string | null) => reject(new Error(`API worker ${worker.process.pid} exited during start-up (code ${code}, signal ${signal})`));
    worker.once('exit', onExit);
    worker.once('listening', () => {
      worker.off('exit', onExit);
      resolve();
    });
  });
}

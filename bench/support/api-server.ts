/**
 * The API under test, in its own process so that the load generator does not share its event loop.
 * Started by bench/http.ts with the database and port in the environment; answers `{ ready, port }` over IPC
 * once listening and closes the app on 'close'. With API_WORKERS > 1 it is the service's primary: the workers
 * are the product's own (`superviseWorkers`), each building the app as below.
 */
import 'reflect-metadata';
import cluster from 'node:cluster';
import { followPrimaryShutdown, superviseWorkers } from '../../libs/platform/cluster/index.js';
import { createPinoLogger, loadPlatformConfig } from '../../libs/platform/index.js';

type App = {
  listen(port: number, host?: string): Promise<unknown>;
  close(): Promise<void>;
};

const send = (message: unknown) => process.send?.(message);

async function main(): Promise<void> {
  const config = loadPlatformConfig();
  if (config.workers > 1 && cluster.isPrimary) {
    await superviseWorkers({ workers: config.workers, shutdownTimeoutMs: config.shutdownTimeoutMs, logger: createPinoLogger(config) });
    // the supervisor closes every worker on SIGTERM and exits once they are gone
    process.on('message', (message) => message === 'close' && process.kill(process.pid, 'SIGTERM'));
    send({ ready: true, port: config.port });
    return;
  }
  followPrimaryShutdown();
  const { createApp } = (await import(process.env.BENCH_API_BOOTSTRAP!)) as { createApp: (options: unknown) => Promise<App> };
  const app = await createApp({ config });
  await app.listen(config.port, '127.0.0.1');
  if (cluster.isWorker) return;
  process.on('message', (message) => {
    if (message === 'close') void app.close().finally(() => process.exit(0));
  });
  send({ ready: true, port: config.port });
}

main().catch((err) => {
  console.error('api-server failed:', err);
  send({ ready: false, error: String((err as Error)?.stack ?? err) });
  process.exit(1);
});

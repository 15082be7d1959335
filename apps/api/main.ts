import 'reflect-metadata';
import cluster from 'node:cluster';
import { Logger } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { loadDemoOnStart } from '../../libs/demo/demo-on-start.js';
import { followPrimaryShutdown, superviseWorkers } from '../../libs/platform/cluster/index.js';
import { createPinoLogger, loadPlatformConfig } from '../../libs/platform/index.js';
import { createApp } from './bootstrap.js';

const config = loadPlatformConfig(process.argv.includes('--demo') ? { ...process.env, DEMO: 'true' } : process.env);
if (config.workers > 1 && cluster.isPrimary) {
  const logger = createPinoLogger(config);
  await superviseWorkers({ workers: config.workers, shutdownTimeoutMs: config.shutdownTimeoutMs, logger }).catch((error: unknown) => {
    logger.fatal({ error: String(error) }, 'the API workers did not start');
    process.exit(1);
  });
} else {
  followPrimaryShutdown();
  const app = await createApp({ config });
  await app.listen(config.port);
  new Logger('Main').log({ msg: 'portfolio governance service listening', port: config.port, embedded: !config.databaseUrl, worker: cluster.isWorker ? cluster.worker?.id : undefined });
  // the demo goes through the API like any client (once, from the first worker); a failed load leaves the service running and a rerun completes it
  if (config.demo && (cluster.isPrimary || cluster.worker?.id === 1)) {
    await loadDemoOnStart(config, (app.getHttpServer().address() as AddressInfo).port).catch((error: unknown) => new Logger('Demo').error({ msg: 'demo load failed', error: String(error) }));
  }
}

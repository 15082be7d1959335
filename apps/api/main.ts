import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { loadDemoOnStart } from '../../libs/demo/demo-on-start.js';
import { loadPlatformConfig } from '../../libs/platform/index.js';
import { createApp } from './bootstrap.js';

const config = loadPlatformConfig(process.argv.includes('--demo') ? { ...process.env, DEMO: 'true' } : process.env);
const app = await createApp({ config });
await app.listen(config.port);
new Logger('Main').log({ msg: 'portfolio governance service listening', port: config.port, embedded: !config.databaseUrl });
// the demo goes through the API like any client; a failed load leaves the service running and a rerun completes it
if (config.demo) await loadDemoOnStart(config, (app.getHttpServer().address() as AddressInfo).port).catch((error: unknown) => new Logger('Demo').error({ msg: 'demo load failed', error: String(error) }));

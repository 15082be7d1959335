import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadPlatformConfig } from '../../libs/platform/index.js';
import { createApp } from './bootstrap.js';

const config = loadPlatformConfig();
const app = await createApp({ config });
await app.listen(config.port);
new Logger('Main').log({ msg: 'portfolio governance service listening', port: config.port, embedded: !config.databaseUrl });

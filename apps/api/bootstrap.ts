import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureHttpApp, loadPlatformConfig, setupOpenApi, type PlatformConfig } from '../../libs/platform/index.js';
import { BEARER_SCHEME } from '../../libs/platform/auth/access-policy.js';
import { AppModule } from './app.module.js';

export interface CreateAppOptions {
  /** Overrides of the environment's settings (tests and benchmarks pass a database and a port). */
  readonly config?: Partial<PlatformConfig>;
}

/** Builds the service, ready to `listen` (or to drive with supertest after `init`). */
export async function createApp(options: CreateAppOptions = {}): Promise<NestExpressApplication> {
  const config: PlatformConfig = { ...loadPlatformConfig(), ...options.config };
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  configureHttpApp(app, config);
  setupOpenApi(app, {
    title: 'Portfolio governance API',
    description: 'Proposals, forums, decisions, funding and benefits of a public-sector IT portfolio. Every change is an event.',
    customize: (builder) => builder.addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME),
  });
  return app;
}

import type { ModuleMetadata } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { loadPlatformConfig, type PlatformConfig } from '../config/platform-config.js';
import { PG_POOL } from '../database/tokens.js';
import { configureHttpApp } from '../http-app/configure-http-app.js';
import { HttpIdempotency1795596000000 } from '../idempotency/migrations/1795596000000-http-idempotency.js';
import { createPinoLogger } from '../logging/pino-logger.js';
import { PlatformModule } from '../platform.module.js';

export interface PlatformTestApp {
  readonly app: NestExpressApplication;
  /** Every log line the app wrote, parsed. */
  readonly logs: Record<string, unknown>[];
  close(): Promise<void>;
}

export interface PlatformTestAppOptions extends Pick<ModuleMetadata, 'controllers' | 'providers' | 'imports'> {
  readonly pool: pg.Pool;
  readonly env?: Record<string, string>;
  /** Runs after `configureHttpApp`, before `init()`: where main.ts calls `setupOpenApi`. */
  readonly beforeInit?: (app: NestExpressApplication) => void;
}

/** A Nest app with the platform applied as in production, the given controllers, and logs captured in memory. */
export async function createPlatformTestApp(options: PlatformTestAppOptions): Promise<PlatformTestApp> {
  const config: PlatformConfig = loadPlatformConfig({ LOG_LEVEL: 'debug', ...options.env });
  const logs: Record<string, unknown>[] = [];
  const logger = createPinoLogger(config, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const poolModule = { module: class TestPoolModule {}, providers: [{ provide: PG_POOL, useValue: options.pool }], exports: [PG_POOL] };

  const moduleRef = await Test.createTestingModule({
    imports: [PlatformModule.forRoot({ config, logger, imports: [poolModule] }), ...(options.imports ?? [])],
    controllers: options.controllers,
    providers: options.providers,
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, bufferLogs: true });
  configureHttpApp(app, config);
  options.beforeInit?.(app);
  await app.init();
  return { app, logs, close: () => app.close() };
}

/** Applies the platform's own migrations through TypeORM, as the application's DataSource will. */
export async function migratePlatformSchema(url: string): Promise<void> {
  const dataSource = new DataSource({ type: 'postgres', url, migrations: [HttpIdempotency1795596000000] });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
}

import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/app.module.js';
import { EVENT_STORE, type EventStore } from '../../libs/event-store/index.js';
import { loadPlatformConfig } from '../../libs/platform/index.js';
import { ProjectionRuntime } from '../../libs/projections/index.js';
import { PortfolioSnapshotKeeper } from '../../libs/time-travel/application/portfolio-snapshot-keeper.js';
import type { CliIo } from './cli-io.js';

/** The service's projections (every module's, as registered), its event store and its read-model database. */
export interface ServiceContext {
  readonly projections: ProjectionRuntime;
  readonly store: EventStore;
  readonly dataSource: DataSource;
  close(): Promise<void>;
}

/** Nest's own messages: warnings and errors only, on stderr, so that stdout carries nothing but results. */
function stderrLogger(io: CliIo): LoggerService {
  const write = (level: string) => (message: unknown, ...rest: unknown[]) => {
    const context = typeof rest.at(-1) === 'string' ? ` [${rest.at(-1)}]` : '';
    io.stderr.write(`${level}${context} ${typeof message === 'string' ? message : JSON.stringify(message)}\n`);
  };
  return { log: () => undefined, warn: write('warn'), error: write('error') };
}

/**
 * Boots the service without HTTP, as it starts (the schema is brought up to date on the way), to find its
 * projections exactly as the modules register them. The CLI reads and rebuilds projections but never runs them
 * live: its runtime's `startAll` is a no-op, so that neither live runners nor the rebuild-on-version-change of a
 * starting service run inside a command (nor the portfolio snapshot keeper).
 */
export async function openServiceContext(io: CliIo): Promise<ServiceContext> {
  const config = { ...loadPlatformConfig(io.env), logLevel: 'silent' as const };
  const app: INestApplicationContext = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: stderrLogger(io),
    instrument: {
      instanceDecorator: (instance: unknown) => {
        if (instance instanceof ProjectionRuntime) instance.startAll = async () => undefined;
        if (instance instanceof PortfolioSnapshotKeeper) instance.onApplicationBootstrap = () => undefined;
        return instance;
      },
    },
  });
  return {
    projections: app.get(ProjectionRuntime, { strict: false }),
    store: app.get<EventStore>(EVENT_STORE, { strict: false }),
    dataSource: app.get(DataSource, { strict: false }),
    close: () => app.close(),
  };
}

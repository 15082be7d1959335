import {
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnModuleInit,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, parseLogPosition, type EventStore } from '../../event-store/index.js';
import {
  PLATFORM_CONFIG,
  ProblemException,
  ProblemModule,
  ReadinessCheckRegistry,
  type PlatformConfig,
  type ProblemMapper,
} from '../../platform/index.js';
import { AdvisoryLockLeadership, SoleLeadership } from '../projection-leadership.js';
import { ProjectionNotCaughtUpError, ProjectionRuntime } from '../projection-runtime.js';

/** How often an instance tries to take over projections it does not run: bounds the takeover after a crash. */
const LEADERSHIP_RETRY_MS = 1000;

/** A read that waited its bound for the read model is answered 503, never with data older than the client's write. */
export const projectionProblemMapper: ProblemMapper = (error) => {
  if (!(error instanceof ProjectionNotCaughtUpError)) return undefined;
  return new ProblemException({
    status: 503,
    title: 'Read model not caught up',
    detail: `The ${error.projections.join(', ')} view has not yet reached the requested position; retry shortly.`,
    headers: { 'Retry-After': '1' },
  });
};

/** Waits, bounded, until read models have applied a position the client names with `X-Min-Position`. */
@Injectable()
export class ReadYourWrites {
  constructor(
    private readonly runtime: ProjectionRuntime,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  async waitFor(header: string | undefined, projections: readonly string[]): Promise<void> {
    if (!header) return;
    const position = parseLogPosition(header);
    if (!position) {
      throw new ProblemException({
        status: 400,
        detail: 'X-Min-Position must be a position returned by this service in X-Log-Position.',
        errors: [{ field: 'X-Min-Position', reason: `"${header}" is not a log position` }],
      });
    }
    await this.runtime.waitFor(projections, position, this.config.readYourWritesTimeoutMs);
  }
}

/** A projection further behind than this makes the instance "degraded" on /health/ready (it still serves). */
const LAG_WARNING_EVENTS = 10_000;

/**
 * Starts every registered projection when the application is up, stops them (batch finished) on shutdown, and
 * reports their lag on /health/ready.
 */
@Injectable()
class ProjectionLifecycle implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');
  constructor(
    private readonly runtime: ProjectionRuntime,
    private readonly readiness: ReadinessCheckRegistry,
  ) {}

  onModuleInit(): void {
    this.readiness.register({
      name: 'projections',
      check: async () => {
        const statuses = await this.runtime.status();
        const failing = statuses.filter((s) => s.state === 'failing');
        const lagging = statuses.filter((s) => s.lagEvents > LAG_WARNING_EVENTS || s.state === 'rebuilding');
        return {
          status: failing.length || lagging.length ? 'degraded' : 'up',
          details: Object.fromEntries(statuses.map((s) => [s.name, { state: s.state, lagEvents: s.lagEvents, caughtUp: s.caughtUp }])),
        };
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runtime.startAll();
    this.logger.log({ msg: 'projections started', projections: this.runtime.registered().map((p) => p.name) });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.stopAll();
  }
}

@Module({
  imports: [ProblemModule.forFeature(projectionProblemMapper)],
  providers: [
    {
      provide: ProjectionRuntime,
      // on a server several instances share the read models: each projection runs on one of them at a time
      useFactory: (store: EventStore, dataSource: DataSource, config: PlatformConfig) =>
        new ProjectionRuntime(
          store,
          dataSource,
          {},
          config.databaseUrl ? new AdvisoryLockLeadership(config.databaseUrl, { retryMs: LEADERSHIP_RETRY_MS }) : new SoleLeadership(),
        ),
      inject: [EVENT_STORE, DataSource, PLATFORM_CONFIG],
    },
    ProjectionLifecycle,
    ReadYourWrites,
  ],
  exports: [ProjectionRuntime, ReadYourWrites],
})
export class ProjectionsModule {}

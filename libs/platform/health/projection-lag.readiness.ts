import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { PLATFORM_CONFIG, type PlatformConfig } from '../config/platform-config.js';
import { findProjectionRuntime } from './projection-runtime-lookup.js';
import { ReadinessCheckRegistry, type ReadinessReport } from './readiness-check.js';

/**
 * Takes the instance out of rotation while a read model is further behind the log than
 * `READINESS_MAX_PROJECTION_LAG` events: lists it would answer are too stale to serve. (A smaller lag only shows as
 * "degraded" under the projections check.) With no projection runtime in the application, it registers nothing.
 */
@Injectable()
export class ProjectionLagReadiness implements OnModuleInit {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly readiness: ReadinessCheckRegistry,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  onModuleInit(): void {
    const runtime = findProjectionRuntime(this.moduleRef);
    if (!runtime) return;
    const bound = this.config.readinessMaxProjectionLag;
    this.readiness.register({
      name: 'projectionLag',
      check: async (): Promise<ReadinessReport> => {
        const beyond = (await runtime.status()).filter((s) => s.lagEvents > bound);
        return {
          status: beyond.length ? 'down' : 'up',
          details: { maxLagEvents: bound, ...(beyond.length && { lagging: Object.fromEntries(beyond.map((s) => [s.name, s.lagEvents])) }) },
        };
      },
    });
  }
}

import { Global, Module, type DynamicModule, type ModuleMetadata, type Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { loadPlatformConfig, PLATFORM_CONFIG, type PlatformConfig } from './config/platform-config.js';
import { HealthController } from './health/health.controller.js';
import { ProjectionLagReadiness } from './health/projection-lag.readiness.js';
import { ReadinessCheckRegistry } from './health/readiness-check.js';
import { ShutdownDeadline } from './http-app/shutdown-deadline.js';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor.js';
import { IdempotencyStore } from './idempotency/idempotency.store.js';
import { PinoNestLogger } from './logging/nest-logger.adapter.js';
import { createPinoLogger, PINO_LOGGER, type PinoLogger } from './logging/pino-logger.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { eventStoreProblemMapper } from './problem/event-store.problem-mapper.js';
import { ProblemDetailsFilter } from './problem/problem-details.filter.js';
import { ProblemMapperRegistry } from './problem/problem-mapper.js';
import { ACTOR_RESOLVER, type ActorResolver } from './request-context/actor-resolver.js';
import { AccessGuard } from './auth/access.guard.js';
import { Public } from './auth/access-policy.js';
import { BearerTokenResolver } from './auth/bearer-token.resolver.js';
import { createTokenVerifier, TOKEN_VERIFIER } from './auth/token-verifier.js';

// Probes must answer whoever asks (the orchestrator has no token).
Public()(HealthController);

export interface PlatformModuleOptions {
  /** Defaults to `loadPlatformConfig(process.env)`. */
  readonly config?: PlatformConfig;
  /** Modules that provide `PG_POOL`, unless a global module already does. */
  readonly imports?: ModuleMetadata['imports'];
  /** Who makes a request. Defaults to bearer JWTs verified as `config.auth` says. */
  readonly actorResolver?: Type<ActorResolver>;
  /** A ready pino logger (tests capture lines with it). Defaults to one on stdout at `config.logLevel`. */
  readonly logger?: PinoLogger;
}

/**
 * The cross-cutting services every HTTP-facing module may inject: config, logger, problem mappers, authentication
 * and the access guard, idempotency, readiness checks, and the `/health` endpoints. Global, so feature modules don't import it.
 * `configureHttpApp` wires its pieces into the request pipeline.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformModuleOptions = {}): DynamicModule {
    const config = options.config ?? loadPlatformConfig();
    return {
      module: PlatformModule,
      imports: [TerminusModule.forRoot({ errorLogStyle: 'json' }), MetricsModule, ...(options.imports ?? [])],
      controllers: [HealthController],
      providers: [
        { provide: PLATFORM_CONFIG, useValue: config },
        { provide: PINO_LOGGER, useValue: options.logger ?? createPinoLogger(config) },
        { provide: TOKEN_VERIFIER, useFactory: (c: PlatformConfig) => createTokenVerifier(c), inject: [PLATFORM_CONFIG] },
        { provide: ACTOR_RESOLVER, useClass: options.actorResolver ?? BearerTokenResolver },
        {
          provide: ProblemMapperRegistry,
          useFactory: () => {
            const registry = new ProblemMapperRegistry();
            registry.register(eventStoreProblemMapper);
            return registry;
          },
        },
        PinoNestLogger,
        ProblemDetailsFilter,
        IdempotencyStore,
        IdempotencyInterceptor,
        ReadinessCheckRegistry,
        ProjectionLagReadiness,
        ShutdownDeadline,
        AccessGuard,
      ],
      exports: [
        PLATFORM_CONFIG,
        PINO_LOGGER,
        ACTOR_RESOLVER,
        ProblemMapperRegistry,
        PinoNestLogger,
        IdempotencyStore,
        ReadinessCheckRegistry,
      ],
    };
  }
}

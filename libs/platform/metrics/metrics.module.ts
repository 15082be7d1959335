import { Global, Module, type MiddlewareConsumer, type NestModule, type OnModuleDestroy } from '@nestjs/common';
import { InstanceMetrics } from '../cluster/instance-metrics.js';
import { EventStoreMetrics } from './event-store-metrics.js';
import { HttpMetrics } from './http-metrics.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsRegistry } from './metrics-registry.js';
import { PoolMetrics } from './pool-metrics.js';
import { ProjectionMetrics } from './projection-metrics.js';

/**
 * Prometheus metrics on `GET /metrics`: HTTP per route, event-store appends (the database module wraps the store
 * with `InstrumentedEventStore`, which takes `EventStoreMetrics` from here), projections and connection pools.
 * Global so that the database module can inject `EventStoreMetrics`.
 */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [
    MetricsRegistry,
    { provide: HttpMetrics, useFactory: (registry: MetricsRegistry) => new HttpMetrics(registry), inject: [MetricsRegistry] },
    { provide: EventStoreMetrics, useFactory: (registry: MetricsRegistry) => new EventStoreMetrics(registry), inject: [MetricsRegistry] },
    { provide: InstanceMetrics, useFactory: (registry: MetricsRegistry) => new InstanceMetrics(registry), inject: [MetricsRegistry] },
    PoolMetrics,
    ProjectionMetrics,
  ],
  exports: [MetricsRegistry, EventStoreMetrics],
})
export class MetricsModule implements NestModule, OnModuleDestroy {
  constructor(
    private readonly http: HttpMetrics,
    private readonly instance: InstanceMetrics,
  ) {}

  onModuleDestroy(): void {
    this.instance.close();
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(this.http.middleware()).forRoutes('*');
  }
}

import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Gauge } from 'prom-client';
import type { ProjectionStatus } from '../../projections/projection-runtime.js';
import { findProjectionRuntime } from '../health/projection-runtime-lookup.js';
import { MetricsRegistry } from './metrics-registry.js';

/**
 * Per projection, on each scrape: the log position it has applied, how many events it is behind the head, and
 * whether it is failing (stuck on an event, retrying). One status read serves all gauges of a scrape.
 */
@Injectable()
export class ProjectionMetrics {
  private pending: Promise<readonly ProjectionStatus[]> | null = null;

  constructor(registry: MetricsRegistry, moduleRef: ModuleRef) {
    const status = (): Promise<readonly ProjectionStatus[]> => {
      const runtime = findProjectionRuntime(moduleRef);
      if (!runtime) return Promise.resolve([]);
      // the gauges collect concurrently: the first asks, the others share its answer
      this.pending ??= runtime.status().finally(() => setImmediate(() => (this.pending = null)));
      return this.pending;
    };
    const gauge = (name: string, help: string, value: (s: ProjectionStatus) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['projection'],
        registers: [registry],
        // every API worker reports every projection (its own runner's, or the stored checkpoint): not a sum
        aggregator: 'max',
        async collect() {
          this.reset();
          for (const s of await status()) this.labels(s.name).set(value(s));
        },
      });
    gauge('projection_position', 'Global sequence number of the last log position the projection applied', (s) => Number(s.position.prepare));
    gauge('projection_lag_events', 'Events in the log the projection has not applied yet', (s) => s.lagEvents);
    gauge('projection_failing', '1 while the projection is stuck on a batch and retrying', (s) => (s.state === 'failing' ? 1 : 0));
    new Gauge({
      name: 'event_store_head_position',
      help: 'Global sequence number of the newest event a reader can see',
      registers: [registry],
      aggregator: 'max',
      async collect() {
        const [first] = await status();
        if (first) this.set(Number(first.headPosition.prepare));
      },
    });
  }
}

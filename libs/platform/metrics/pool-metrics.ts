import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Pool } from 'pg';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { PG_POOL } from '../database/tokens.js';
import { MetricsRegistry } from './metrics-registry.js';

/** The two connection pools of the service: the event store's `pg` pool and TypeORM's, which the read models use. */
type NamedPool = readonly [name: 'event_store' | 'read_models', pool: Pool];

function lookup<T>(moduleRef: ModuleRef, token: unknown): T | null {
  try {
    return moduleRef.get(token as never, { strict: false }) as T;
  } catch {
    return null;
  }
}

/** Connections open, idle and requests waiting for one, per pool, read on each scrape. */
@Injectable()
export class PoolMetrics {
  constructor(registry: MetricsRegistry, moduleRef: ModuleRef) {
    const pools = (): NamedPool[] => {
      const found: NamedPool[] = [];
      const eventStore = lookup<Pool>(moduleRef, PG_POOL);
      if (eventStore) found.push(['event_store', eventStore]);
      const dataSource = lookup<DataSource>(moduleRef, DataSource);
      // TypeORM's postgres driver keeps its pg.Pool as `master`
      const readModels = dataSource?.isInitialized ? (dataSource.driver as unknown as { master?: Pool }).master : undefined;
      if (readModels) found.push(['read_models', readModels]);
      return found;
    };
    const gauge = (name: string, help: string, value: (pool: Pool) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['pool'],
        registers: [registry],
        collect() {
          for (const [label, pool] of pools()) this.labels(label).set(value(pool));
        },
      });
    gauge('pg_pool_connections', 'Connections the pool holds open (busy and idle)', (p) => p.totalCount);
    gauge('pg_pool_idle_connections', 'Open connections not lent out', (p) => p.idleCount);
    gauge('pg_pool_waiting_requests', 'Queries waiting for a connection because the pool is at its maximum', (p) => p.waitingCount);
    gauge('pg_pool_max_connections', 'The most connections the pool opens', (p) => p.options.max ?? 10);
  }
}

import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../../../apps/api/app.module.js';
import { compareLogPositions, EVENT_STORE, type EventStore } from '../../../libs/event-store/index.js';
import { loadPlatformConfig } from '../../../libs/platform/index.js';
import { checkpoints, ProjectionRebuilder, ProjectionRuntime, type Projection } from '../../../libs/projections/index.js';

/**
 * The service's projections, event store and read-model database, booted in the test process without HTTP and
 * without running any projection (it never competes for them): it only watches and rebuilds.
 */
export interface Inspector {
  readonly projections: readonly Projection[];
  readonly store: EventStore;
  readonly dataSource: DataSource;
  readonly runtime: ProjectionRuntime;
  close(): Promise<void>;
}

export async function openInspector(databaseUrl: string): Promise<Inspector> {
  const config = { ...loadPlatformConfig({}), databaseUrl, logLevel: 'silent' as const };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: false,
    instrument: {
      instanceDecorator: (instance: unknown) => {
        if (instance instanceof ProjectionRuntime) instance.startAll = async () => undefined;
        return instance;
      },
    },
  });
  const runtime = app.get(ProjectionRuntime, { strict: false });
  return {
    projections: runtime.registered(),
    store: app.get<EventStore>(EVENT_STORE, { strict: false }),
    dataSource: app.get(DataSource, { strict: false }),
    runtime,
    close: () => app.close(),
  };
}

/**
 * Waits until every projection's stored checkpoint has reached the head of the log, and the head stays put
 * (process managers append in reaction to what they apply).
 */
export async function settle(inspector: Inspector, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const names = inspector.projections.map((p) => p.name);
  for (;;) {
    const head = await inspector.store.headPosition();
    await inspector.runtime.waitFor(names, head, Math.max(1, deadline - Date.now()));
    if (compareLogPositions(await inspector.store.headPosition(), head) === 0) return;
  }
}

export interface ProjectionComparison {
  readonly projection: string;
  /** Events the live projection applied (its checkpoint's count), and the rebuild from the start of the log. */
  readonly appliedLive: number;
  readonly appliedByRebuild: number;
  readonly rows: number;
  readonly identical: boolean;
}

/**
 * Rebuilds every projection from the log and compares, table by table, with the live read model it replaces; and
 * compares the number of events each applied: the live count includes every batch the runners committed (also
 * across crashes and takeovers), so a batch applied twice or skipped shows as a difference.
 */
export async function compareWithRebuild(inspector: Inspector): Promise<ProjectionComparison[]> {
  const rebuilder = new ProjectionRebuilder(inspector.store, inspector.dataSource);
  const results: ProjectionComparison[] = [];
  for (const projection of inspector.projections) {
    const live = await snapshot(inspector.dataSource, projection);
    await rebuilder.rebuild(projection);
    const rebuilt = await snapshot(inspector.dataSource, projection);
    results.push({
      projection: projection.name,
      appliedLive: live.applied,
      appliedByRebuild: rebuilt.applied,
      rows: rebuilt.rows,
      identical: live.content === rebuilt.content,
    });
  }
  return results;
}

async function snapshot(dataSource: DataSource, projection: Projection): Promise<{ content: string; rows: number; applied: number }> {
  const tables: string[] = [];
  let rows = 0;
  for (const table of projection.tables) {
    const [{ content, n }] = await dataSource.query(
      `SELECT coalesce(jsonb_agg(to_jsonb(t) ORDER BY to_jsonb(t)::text), '[]')::text AS content, count(*)::int AS n FROM "${table}" t`,
    );
    tables.push(`${table}:${content}`);
    rows += n;
  }
  const checkpoint = await checkpoints.load(dataSource.manager, projection.name);
  return { content: tables.join('\n'), rows, applied: checkpoint?.eventsApplied ?? 0 };
}

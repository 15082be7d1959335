import pg from 'pg';
import { DataSource } from 'typeorm';
import { PostgresEventStore } from '../libs/event-store/index.js';
import { ProjectionCheckpoints1764057600000, ProjectionRuntime } from '../libs/projections/index.js';
import { ProposalSummaries1764057660000 } from '../libs/proposals/read-models/migrations/1764057660000-proposal-summaries.js';
import { ProposalSummary } from '../libs/proposals/read-models/proposal-summary.entity.js';
import { ProposalSummaryProjection } from '../libs/proposals/read-models/proposal-summary.projection.js';
import type { BenchConfig } from './support/config.js';
import { loadProposalLog } from './support/proposal-log.js';
import { log, type Report } from './support/report.js';
import { fmt } from './support/stats.js';

export async function rebuildPhase(url: string, config: BenchConfig, report: Report): Promise<void> {
  const c = config.rebuild;
  const pool = new pg.Pool({ connectionString: url, max: Math.max(10, c.loadWriters + 2) });
  const store = new PostgresEventStore(pool);
  await store.migrate();
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: [ProposalSummary],
    migrations: [ProjectionCheckpoints1764057600000, ProposalSummaries1764057660000],
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  try {
    log(`rebuild: writing ${fmt(c.proposals)} proposals × 4 events`);
    const loaded = await loadProposalLog(store, c.proposals, c.loadWriters);
    log(`rebuild: wrote ${fmt(loaded.events)} events in ${fmt(loaded.appends)} appends in ${(loaded.ms / 1000).toFixed(1)} s`);
    for (let round = 0; round <= c.rounds; round++) {
      const runtime = new ProjectionRuntime(store, dataSource, { pollIntervalMs: 1000 });
      runtime.register(new ProposalSummaryProjection());
      const t = performance.now();
      const result = await runtime.rebuild('proposal_summaries', { batchSize: c.batchSize });
      const ms = performance.now() - t;
      await runtime.stopAll();
      log(`rebuild round ${round}: ${fmt(result.events)} events in ${(ms / 1000).toFixed(1)} s = ${fmt(result.events / (ms / 1000))} ev/s (rebuilder says ${fmt(result.eventsPerSecond)})`);
    }
  } finally {
    await store.close();
    await dataSource.destroy();
    await pool.end();
  }
  void report;
}

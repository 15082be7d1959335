import { Logger } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { PostgresEventStore } from '../libs/event-store/index.js';
import { ProjectionCheckpoints1764057600000, ProjectionRuntime } from '../libs/projections/index.js';
import { ProposalSummaries1764057660000 } from '../libs/proposals/read-models/migrations/1764057660000-proposal-summaries.js';
import { ProposalSummary } from '../libs/proposals/read-models/proposal-summary.entity.js';
import { ProposalSummaryProjection } from '../libs/proposals/read-models/proposal-summary.projection.js';
import { loadProposalLog } from './support/proposal-log.js';

Logger.overrideLogger(['error', 'warn']);
const url = 'postgres://postgres@127.0.0.1:5432/benchdev_tmp';
const pool = new pg.Pool({ connectionString: url, max: 10 });
const store = new PostgresEventStore(pool);
await store.migrate();
const dataSource = new DataSource({ type: 'postgres', url, entities: [ProposalSummary], migrations: [ProjectionCheckpoints1764057600000, ProposalSummaries1764057660000] });
await dataSource.initialize();
await dataSource.runMigrations();
if (process.argv[2] === 'load') {
  const r = await loadProposalLog(store, 50_000, 8);
  console.log('loaded', r);
} else {
  const runtime = new ProjectionRuntime(store, dataSource, { pollIntervalMs: 1000 });
  runtime.register(new ProposalSummaryProjection());
  const t = performance.now();
  const result = await runtime.rebuild('proposal_summaries', { batchSize: 2000 });
  console.log('rebuild', result.events, Math.round(result.events / ((performance.now() - t) / 1000)), 'ev/s');
  await runtime.stopAll();
}
await dataSource.destroy();
await pool.end();

import pg from 'pg';
import { DataSource } from 'typeorm';
import { LOG_START, PostgresEventStore, type EventStore } from '../libs/event-store/index.js';
import { ProjectionCheckpoints1764057600000, ProjectionRebuilder } from '../libs/projections/index.js';
import { PROPOSAL_MIGRATIONS } from '../libs/proposals/migrations.js';
import { ProposalSummary } from '../libs/proposals/read-models/proposal-summary.entity.js';
import { ProposalSummaryProjection } from '../libs/proposals/read-models/proposal-summary.projection.js';
import type { BenchConfig } from './support/config.js';
import { loadProposalLog } from './support/proposal-log.js';
import { Timings, timedProjection, timedStore } from './support/rebuild-timings.js';
import { log, type Report } from './support/report.js';
import { interleaved } from './support/rounds.js';
import { fmt, ratio, withSpread } from './support/stats.js';

/**
 * Phase 2: rebuild of the proposal summaries over a realistic log, with the library as it is, and — side by side,
 * on the same log, in the same rounds — a pass that only reads the log, which gives the floor. Every round's read
 * model is checked to be byte-identical.
 */

const TARGET = 50_000;

interface Variant {
  readonly name: string;
  readonly description: string;
  readonly buildsReadModel: boolean;
  run(store: EventStore, t: Timings, signal?: AbortSignal): Promise<number>;
}

export async function rebuildPhase(url: string, config: BenchConfig, report: Report): Promise<void> {
  const c = config.rebuild;
  const pool = new pg.Pool({ connectionString: url, max: Math.max(10, c.loadWriters + 2) });
  const store = new PostgresEventStore(pool);
  await store.migrate();
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: [ProposalSummary],
    // every migration of the table, so that the rebuilt table has the indexes it has in production
    migrations: [ProjectionCheckpoints1764057600000, ...PROPOSAL_MIGRATIONS],
  });
  await dataSource.initialize();
  await dataSource.runMigrations();

  const variants: Variant[] = [
    {
      name: 'library',
      description:
        'ProjectionRebuilder + ProposalSummaryProjection as shipped (set-based load and upsert per batch, prefetching reads, shadow tables filled with only their keys, other indexes built at the end, renamed into place)',
      buildsReadModel: true,
      async run(s, t, signal) {
        const result = await new ProjectionRebuilder(s, dataSource).rebuild(timedProjection(new ProposalSummaryProjection(), t), { batchSize: c.batchSize, signal });
        return result.events;
      },
    },
    {
      name: 'read-only floor',
      description: 'readAll over the whole log in batches of the same size, nothing applied: no rebuild can beat it',
      buildsReadModel: false,
      async run(s, _t, signal) {
        let events = 0;
        for (let after = LOG_START; ; ) {
          signal?.throwIfAborted();
          const batch = await s.readAll({ after, limit: c.batchSize });
          events += batch.events.length;
          after = batch.lastPosition;
          if (batch.isEnd) return events;
        }
      },
    },
  ];

  try {
    log(`rebuild: writing ${fmt(c.proposals)} proposals × 4 events (Drafted, Amended, Amended, Submitted) with 2-event appends, ${c.loadWriters} writers`);
    const loaded = await loadProposalLog(store, c.proposals, c.loadWriters);
    const loadRate = loaded.events / (loaded.ms / 1000);
    const [{ avg_data: avgData, avg_meta: avgMeta }] = await dataSource.query(
      `SELECT round(avg(length(data::text))) AS avg_data, round(avg(length(metadata::text))) AS avg_meta FROM es_events`,
    );
    log(`rebuild: wrote ${fmt(loaded.events)} events in ${fmt(loaded.appends)} appends in ${(loaded.ms / 1000).toFixed(1)} s (${fmt(loadRate)} ev/s); avg data ${avgData} B, metadata ${avgMeta} B`);
    report.add({
      phase: 'rebuild',
      measure: `log written (2-event appends, ${c.loadWriters} writers)`,
      value: `${fmt(loadRate)} ev/s`,
      note: `${fmt(loaded.events)} events, ${fmt(loaded.proposals)} proposals; single run, includes generating the events`,
    });

    const timings = new Map(variants.map((v) => [v.name, [] as { t: Timings; ms: number }[]]));
    const checksums = new Map<string, Set<string>>();
    const warmupMs = 2500;
    const result = await interleaved(
      variants.map((v) => v.name),
      c.rounds,
      async (name, round) => {
        const variant = variants.find((v) => v.name === name)!;
        const t = new Timings();
        const s = performance.now();
        if (round === 0) {
          // warm-up: every variant runs a few seconds (JIT, caches, connections) and is aborted; not reported
          const signal = AbortSignal.timeout(warmupMs);
          try {
            await variant.run(timedStore(store, t), t, signal);
          } catch (err) {
            if (!signal.aborted) throw err;
          }
          return { units: t.eventsRead, ms: performance.now() - s };
        }
        const events = await variant.run(timedStore(store, t), t);
        const ms = performance.now() - s;
        timings.get(name)!.push({ t, ms });
        if (variant.buildsReadModel) {
          const [{ sum, n }] = await dataSource.query(`SELECT md5(string_agg(t::text, '|' ORDER BY id)) AS sum, count(*)::int AS n FROM proposal_summaries t`);
          checksums.set(name, (checksums.get(name) ?? new Set()).add(`${n}:${sum}`));
        }
        return { units: events, ms };
      },
      (round, line) => log(round === 0 ? `rebuild: warm-up done (each variant ran ${warmupMs / 1000} s and was aborted; not reported)` : `rebuild: ${line}`),
    );

    const library = 'library';
    const libRate = result.medianRate(library);
    report.add({
      phase: 'rebuild',
      measure: 'library rebuild (ProjectionRebuilder, ProposalSummaryProjection)',
      value: `${withSpread(result.rates(library))} ev/s`,
      note: `target ≥ ${fmt(TARGET)}: ${libRate >= TARGET ? 'MET' : `MISSED (${(libRate / TARGET * 100).toFixed(0)}% of it)`}; batch ${c.batchSize}`,
    });
    for (const v of variants.slice(1)) {
      report.add({
        phase: 'rebuild',
        measure: v.name,
        value: `${withSpread(result.rates(v.name))} ev/s`,
        note: `${ratio(result.pairedRatio(v.name, library))} the library (per round ${result.pairedRatios(v.name, library).map((x) => x.toFixed(2)).join(' ')})`,
      });
    }
    for (const v of variants) {
      const runs = timings.get(v.name)!;
      const total = runs.reduce((a, r) => a + r.ms, 0);
      const sum = (k: keyof Timings) => runs.reduce((a, r) => a + (r.t[k] as number), 0);
      const pct = (ms: number) => `${((ms / total) * 100).toFixed(0)}%`;
      const n = runs.length || 1;
      // the rebuilder reads the next batch while it applies this one, so reading overlaps the other shares
      const split = v.buildsReadModel
        ? `reading the log ${pct(sum('readAll'))} (alongside applying), load ${pct(sum('load'))}, ` +
          `fold ${pct(sum('apply') - sum('load') - sum('write'))}, write ${pct(sum('write'))}, ` +
          `rest ${pct(total - sum('apply'))} (waiting for reads, transactions, shadow tables, index builds, swap, vacuum); ` +
          `rows loaded ${fmt(sum('rowsLoaded') / n)}, written ${fmt(sum('rowsWritten') / n)} per rebuild`
        : `readAll ${pct(sum('readAll'))}`;
      report.note(`rebuild ${v.name}: ${v.description}. Wall time: ${split}.`);
    }
    const distinct = new Set([...checksums.values()].flatMap((s) => [...s]));
    report.note(
      distinct.size === 1
        ? `rebuild: every variant produced the identical read model (${[...distinct][0].split(':')[0]} rows, same md5 of all rows).`
        : `rebuild: WARNING, the variants produced different read models: ${[...checksums].map(([k, s]) => `${k}=${[...s].join('/')}`).join('; ')}`,
    );
  } finally {
    await store.close();
    await dataSource.destroy();
    await pool.end();
  }
}

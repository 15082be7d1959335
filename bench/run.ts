import { existsSync } from 'node:fs';
import os from 'node:os';
import { Logger } from '@nestjs/common';
import pg from 'pg';
import { appendPhase } from './append.js';
import { asOfPhase, asOfPhaseRequested } from './as-of.js';
import { forumPhase } from './forum.js';
import { httpPhase } from './http.js';
import { kurrentdbPhase, kurrentdbPhaseRequested } from './kurrentdb.js';
import { rebuildPhase } from './rebuild.js';
import { replicasPhase, replicasPhaseRequested } from './replicas.js';
import { verifyPhase, verifyPhaseRequested } from './verify.js';
import { loadConfig } from './support/config.js';
import { createBenchDatabase, SERVER_URL, serverSettings, type BenchDatabase } from './support/db.js';
import { log, Report } from './support/report.js';

/**
 * `npm run bench`: append throughput (ours vs raw INSERT vs Emmett), projection rebuild, HTTP submit/list, the forum view.
 * Everything runs on a fresh database that is dropped at the end, whatever happens.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  // the library's Nest loggers report rebuild progress every second: keep the bench output to the figures
  Logger.overrideLogger(['error', 'warn']);
  const settings = await serverSettings();
  log(
    `node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ''}; PostgreSQL ${settings.server_version} ` +
      `(synchronous_commit=${settings.synchronous_commit}, fsync=${settings.fsync}, shared_buffers=${settings.shared_buffers}, jit=${settings.jit}); ` +
      `BENCH_SCALE=${config.scale}, phases ${[...config.phases].join(',')}`,
  );
  log(`a PostgreSQL round trip (SELECT 1, one connection) takes ${(await roundTripMicros()).toFixed(0)} µs here`);
  const report = new Report();
  const databases: BenchDatabase[] = [];
  const newDatabase = async () => {
    const db = await createBenchDatabase();
    databases.push(db);
    log(`database ${db.name} created`);
    return db;
  };
  const cleanup = async () => {
    for (const db of databases.splice(0)) {
      await db.drop().then(() => log(`database ${db.name} dropped`)).catch((err) => console.error(`could not drop ${db.name}: ${err}`));
    }
  };
  const interrupted = () => void cleanup().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  const started = Date.now();
  let failed = false;
  try {
    const db = config.phases.has('append') || config.phases.has('rebuild') ? await newDatabase() : null;
    const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');
    const phase = async (name: string, work: () => Promise<void>) => {
      const t = Date.now();
      const loadBefore = load();
      log(`phase ${name}: load average ${loadBefore}`);
      try {
        await work();
      } catch (err) {
        failed = true;
        console.error(`phase ${name} failed:`, err);
        report.add({ phase: name, measure: 'FAILED', value: '', note: String((err as Error).message ?? err).slice(0, 120) });
      }
      const took = ((Date.now() - t) / 1000).toFixed(1);
      log(`phase ${name} took ${took} s`);
      report.note(`${name}: took ${took} s; load average (1, 5, 15 min) ${loadBefore} before, ${load()} after (2 cores: above 2 means other work competed).`);
    };
    if (config.phases.has('append')) await phase('append', () => appendPhase(db!.url, config, report));
    if (config.phases.has('rebuild')) await phase('rebuild', () => rebuildPhase(db!.url, config, report));
    if (verifyPhaseRequested()) await phase('verify', async () => verifyPhase((await newDatabase()).url, config, report));
    if (kurrentdbPhaseRequested()) await phase('kurrentdb', () => kurrentdbPhase(config, report));
    if (asOfPhaseRequested()) await phase('asof', async () => asOfPhase((await newDatabase()).url, config, report));
    const bootstrap = new URL('../apps/api/bootstrap.js', import.meta.url);
    for (const name of ['http', 'forum'] as const) {
      if (!config.phases.has(name)) continue;
      if (!existsSync(bootstrap)) {
        log(`${name}: skipped: API not built`);
        report.add({ phase: name, measure: 'skipped: API not built', value: '', note: 'dist/apps/api/bootstrap.js is missing' });
      } else if (name === 'http') {
        await phase('http', async () => httpPhase(bootstrap, (await newDatabase()).url, config, report));
      } else {
        await phase('forum', async () => forumPhase(bootstrap, (await newDatabase()).url, config, report));
      }
    }
    if (replicasPhaseRequested() && existsSync(bootstrap)) await phase('replicas', async () => replicasPhase(bootstrap, (await newDatabase()).url, config, report));
  } finally {
    await cleanup();
  }
  report.note('CPU figures come from /proc: the bench process, the API process, and every postgres process on the server (so other sessions on a shared server inflate the PostgreSQL share).');
  report.note('values: median of the measured rounds (min–max in brackets); ratios are the median of per-round ratios, each computed between runs of the same round.');
  report.print(`Results (total ${((Date.now() - started) / 1000).toFixed(0)} s; rates are medians of the measured rounds, warm-up excluded)`);
  process.exitCode = failed ? 1 : 0;
}

async function roundTripMicros(): Promise<number> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    for (let i = 0; i < 200; i++) await client.query('SELECT 1');
    const started = performance.now();
    for (let i = 0; i < 1000; i++) await client.query('SELECT 1');
    return ((performance.now() - started) * 1000) / 1000;
  } finally {
    await client.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

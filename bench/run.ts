import { existsSync } from 'node:fs';
import os from 'node:os';
import { Logger } from '@nestjs/common';
import { appendPhase } from './append.js';
import { httpPhase } from './http.js';
import { rebuildPhase } from './rebuild.js';
import { loadConfig } from './support/config.js';
import { createBenchDatabase, serverSettings, type BenchDatabase } from './support/db.js';
import { log, Report } from './support/report.js';

/**
 * `npm run bench`: append throughput (ours vs raw INSERT vs Emmett), projection rebuild, HTTP submit/list.
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
    const db = await newDatabase();
    const phase = async (name: string, work: () => Promise<void>) => {
      const t = Date.now();
      try {
        await work();
      } catch (err) {
        failed = true;
        console.error(`phase ${name} failed:`, err);
        report.add({ phase: name, measure: 'FAILED', value: '', note: String((err as Error).message ?? err).slice(0, 120) });
      }
      log(`phase ${name} took ${((Date.now() - t) / 1000).toFixed(1)} s`);
    };
    if (config.phases.has('append')) await phase('append', () => appendPhase(db.url, config, report));
    if (config.phases.has('rebuild')) await phase('rebuild', () => rebuildPhase(db.url, config, report));
    if (config.phases.has('http')) {
      const bootstrap = new URL('../apps/api/bootstrap.js', import.meta.url);
      if (!existsSync(bootstrap)) {
        log('http: skipped: API not built');
        report.add({ phase: 'http', measure: 'skipped: API not built', value: '', note: 'dist/apps/api/bootstrap.js is missing' });
      } else {
        await phase('http', async () => httpPhase(bootstrap, (await newDatabase()).url, config, report));
      }
    }
  } finally {
    await cleanup();
  }
  report.print(`Results (total ${((Date.now() - started) / 1000).toFixed(0)} s; rates are medians of the measured rounds, warm-up excluded)`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

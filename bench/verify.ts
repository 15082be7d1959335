import { readFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { PostgresEventStore } from '../libs/event-store/index.js';
import { DigestStore } from '../libs/integrity/application/digest-store.js';
import { verifyEventLog } from '../libs/integrity/verify-event-log.js';
import type { BenchConfig } from './support/config.js';
import { loadProposalLog } from './support/proposal-log.js';
import { log, type Report } from './support/report.js';
import { fmt, median, withSpread } from './support/stats.js';

/** The issue's floor: verification recomputes at least this many events per second, over at least this many. */
const TARGET_RATE = 100_000;
const MIN_EVENTS = 200_000;

/** `BENCH_PHASES` names it, or is unset (every phase). Read here so the shared config keeps its own phase list. */
export function verifyPhaseRequested(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const phases = env.BENCH_PHASES;
  return phases === undefined || phases.split(',').map((p) => p.trim()).includes('verify');
}

/**
 * CPU ms the given server processes have used (Linux /proc, the server on this machine); null elsewhere. The
 * verification's own backends only, so that other sessions on a shared server do not count: their CPU per event
 * says what the machine can do when idle, however loaded it is during the bench.
 */
function backendCpuMs(pids: Iterable<number>): number | null {
  try {
    let ms = 0;
    for (const pid of pids) {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ms += (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, at 100 ticks a second
    }
    return ms;
  } catch {
    return null;
  }
}

/**
 * Phase `verify`: a realistic log of at least 200,000 events (proposal histories with ~1.5 kB of data each, written
 * through the event store, so every hash is the append's own), then `verifyEventLog` over all of it, one query at a
 * time and two at a time, with the CPU its PostgreSQL backends spent per event, and the recording of a digest of
 * all stream heads.
 */
export async function verifyPhase(url: string, config: BenchConfig, report: Report): Promise<void> {
  const events = Math.max(MIN_EVENTS, Math.round(Number(process.env.BENCH_VERIFY_EVENTS ?? MIN_EVENTS * config.scale)));
  const proposals = Math.ceil(events / 4);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const store = new PostgresEventStore(pool);
  try {
    await store.migrate();
    log(`verify: writing ${fmt(proposals)} proposals × 4 events with 2-event appends, 8 writers`);
    const loaded = await loadProposalLog(store, proposals, 8, 'verify');
    log(`verify: wrote ${fmt(loaded.events)} events in ${(loaded.ms / 1000).toFixed(1)} s (${fmt(loaded.events / (loaded.ms / 1000))} ev/s, hashes included)`);
    await pool.query('VACUUM ANALYZE es_events');

    const rounds = Math.max(2, config.rounds - 2);
    for (const concurrency of [1, 2]) {
      const rates: number[] = [];
      const cpuPerEvent: number[] = [];
      for (let round = 0; round <= rounds; round++) {
        // its own pool, so that every backend it uses is known from the start and stays until the end
        const verifier = new pg.Pool({ connectionString: url, max: concurrency + 1 });
        const backends = new Set<number>();
        verifier.on('connect', (client) => backends.add((client as unknown as { processID: number }).processID));
        try {
          await Promise.all(Array.from({ length: concurrency + 1 }, () => verifier.query('SELECT 1')));
          const cpuBefore = backendCpuMs(backends);
          const result = await verifyEventLog(verifier, { concurrency });
          const cpuAfter = backendCpuMs(backends);
          if (!result.intact) throw new Error(`the freshly written log does not verify: ${JSON.stringify(result.firstBrokenLink)}`);
          const rate = result.events / (result.durationMs / 1000);
          const perEvent = cpuBefore === null || cpuAfter === null ? NaN : ((cpuAfter - cpuBefore) * 1000) / result.events;
          log(`verify: ${concurrency} at a time, ${round === 0 ? 'warm-up' : `round ${round}/${rounds}`}: ${fmt(result.events)} events in ${fmt(result.durationMs)} ms (${fmt(rate)} ev/s; ${fmt(perEvent, 1)} µs of PostgreSQL CPU per event)`);
          if (round > 0) {
            rates.push(rate);
            cpuPerEvent.push(perEvent);
          }
        } finally {
          await verifier.end();
        }
      }
      const idleRate = (Math.min(concurrency, os.cpus().length) * 1e6) / median(cpuPerEvent);
      report.add({
        phase: 'verify',
        measure: `verifyEventLog, ${fmt(loaded.events)} events, ${concurrency} ${concurrency === 1 ? 'query' : 'queries'} at a time`,
        value: `${withSpread(rates)} ev/s`,
        note:
          `target ≥ ${fmt(TARGET_RATE)} ev/s: ${median(rates) >= TARGET_RATE ? 'met' : 'NOT met'} (${os.cpus().length} cores shared); ` +
          `${withSpread(cpuPerEvent, 1)} µs of PostgreSQL CPU per event, so at most ${fmt(idleRate)} ev/s on idle cores`,
      });
    }

    const started = performance.now();
    const { digest } = await new DigestStore(pool).record('bench');
    report.add({
      phase: 'verify',
      measure: `record a digest of ${fmt(digest.streams)} stream heads`,
      value: `${fmt(performance.now() - started)} ms`,
      note: `${fmt(Buffer.byteLength(digest.canonicalHeads) / 1024)} kB of canonical heads`,
    });
  } finally {
    await store.close();
    await pool.end();
  }
}

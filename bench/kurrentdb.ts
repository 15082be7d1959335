import { randomUUID } from 'node:crypto';
import { KurrentDbEventStore } from '../libs/event-store/kurrentdb/index.js';
import { LOG_START, type NewEvent } from '../libs/event-store/index.js';
import type { BenchConfig } from './support/config.js';
import { generateProposal, metadataFor, ORGANISATIONS } from './support/proposal-events.js';
import { Random } from './support/random.js';
import { log, type Report } from './support/report.js';
import { fmt, withSpread } from './support/stats.js';

/**
 * Phase `kurrentdb`: append and read rates of the KurrentDB adapter against the server named by `KURRENTDB_URL`
 * (for example the one `infra/kurrentdb/compose.yaml` starts). Without it the phase reports a skip and why.
 * Everything is written under a stream prefix of its own, so a shared server's other data stays out of the figures.
 */

/** `BENCH_PHASES` as the bench reads it, with `kurrentdb` among the phases run by default (it skips without a server). */
export function kurrentdbPhaseRequested(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return env.BENCH_PHASES === undefined || env.BENCH_PHASES.split(',').some((p) => p.trim() === 'kurrentdb');
}

interface Mode {
  readonly label: string;
  readonly writers: number;
  readonly eventsPerCommand: number;
}

export async function kurrentdbPhase(config: BenchConfig, report: Report): Promise<void> {
  const url = process.env.KURRENTDB_URL?.trim();
  if (!url) {
    log('kurrentdb: skipped: KURRENTDB_URL is not set');
    report.add({
      phase: 'kurrentdb',
      measure: 'skipped: KURRENTDB_URL is not set',
      value: '',
      note: 'start a server (docker compose -f infra/kurrentdb/compose.yaml up kurrentdb) and set KURRENTDB_URL=kurrentdb://localhost:2113?tls=false',
    });
    return;
  }
  const store = KurrentDbEventStore.connect(url, undefined, { streamPrefix: `bench-${randomUUID()}.` });
  try {
    await store.migrate();
    const payloads = Array.from({ length: 64 }, (_, i) => generateProposal(i, 'kurrentdb-payloads').events[1].data as unknown as Record<string, unknown>);
    const modes: Mode[] = [
      { label: 'append, 1 event/command, 1 writer', writers: 1, eventsPerCommand: 1 },
      { label: `append, 1 event/command, ${config.append.concurrentWriters} writers`, writers: config.append.concurrentWriters, eventsPerCommand: 1 },
      { label: `append, ${config.append.batchSize} events/command, 1 writer`, writers: 1, eventsPerCommand: config.append.batchSize },
    ];
    let written = 0;
    for (const mode of modes) {
      const rates: number[] = [];
      for (let round = 0; round < config.rounds; round++) {
        const { events, ms } = await appendFor(store, mode, round, payloads, config.append.sliceMs);
        written += events;
        rates.push((events / ms) * 1000);
      }
      log(`kurrentdb: ${mode.label}: ${withSpread(rates)} events/s`);
      report.add({ phase: 'kurrentdb', measure: `${mode.label} (events/s)`, value: withSpread(rates), note: 'each append also reads its events back (positions, replay check)' });
    }

    const started = performance.now();
    let read = 0;
    for (let after = LOG_START; ; ) {
      const page = await store.readAll({ after, limit: 1000 });
      read += page.events.length;
      after = page.lastPosition;
      if (page.isEnd) break;
    }
    const seconds = (performance.now() - started) / 1000;
    if (read !== written) throw new Error(`read ${read} events back from $all, wrote ${written}`);
    log(`kurrentdb: read $all: ${fmt(read / seconds)} events/s over ${read} events`);
    report.add({ phase: 'kurrentdb', measure: 'readAll, pages of 1000 (events/s)', value: fmt(read / seconds), note: `${read} events, $all filtered to the bench prefix` });
  } finally {
    await store.close();
  }
}

/** Writers append to streams of four commands each (first `no_stream`, then exact versions) until the slice is over. */
async function appendFor(store: KurrentDbEventStore, mode: Mode, round: number, payloads: Record<string, unknown>[], sliceMs: number) {
  const started = performance.now();
  const deadline = started + sliceMs;
  let events = 0;
  await Promise.all(
    Array.from({ length: mode.writers }, async (_, writer) => {
      const r = new Random(`kurrentdb:${mode.label}:${round}:${writer}`);
      let streamId = '';
      for (let command = 0; performance.now() < deadline; command++) {
        const version = command % 4;
        if (version === 0) streamId = `proposal-${r.uuid()}`;
        const organisationId = r.pick(ORGANISATIONS);
        const metadata = metadataFor(r, organisationId);
        const batch: NewEvent[] = Array.from({ length: mode.eventsPerCommand }, () => ({
          eventId: r.uuid(),
          type: 'ProposalAmended',
          data: payloads[r.u32() % payloads.length],
          metadata,
        }));
        await store.append(streamId, batch, { expectedVersion: version === 0 ? 'no_stream' : version * mode.eventsPerCommand });
        events += batch.length;
      }
    }),
  );
  return { events, ms: performance.now() - started };
}

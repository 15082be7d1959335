import { emmettVariant, oursVariant, RAW_TABLE, rawVariant, type AppendCommand, type AppendVariant, type BenchEvent } from './support/append-writers.js';
import type { BenchConfig } from './support/config.js';
import { cpuSince, cpuSnapshot } from './support/cpu.js';
import { generateProposal, metadataFor, ORGANISATIONS } from './support/proposal-events.js';
import { Random } from './support/random.js';
import { log, type Report } from './support/report.js';
import { interleaved } from './support/rounds.js';
import { fmt, ratio, withSpread } from './support/stats.js';
import pg from 'pg';

/**
 * Phase 1: append throughput of our store against a raw INSERT floor and Emmett, in three modes, interleaved
 * round by round on the same database. In a round every variant gets the same time slice and works through the
 * same deterministic list of commands (same streams, ids, payloads, expected versions) into its own tables.
 */

interface Mode {
  readonly key: string;
  readonly label: string;
  readonly writers: number;
  readonly preparedPerWriter: number;
  readonly eventsPerCommand: number;
}

/** A pool of realistic payloads: the data of a ProposalAmended event (amendment, field changes, classification). */
function payloadPool(size = 256): Record<string, unknown>[] {
  return Array.from({ length: size }, (_, i) => generateProposal(i, 'append-payloads').events[1].data as unknown as Record<string, unknown>);
}

function buildCommands(mode: Mode, round: number, writer: number, perStream: number, payloads: Record<string, unknown>[]): AppendCommand[] {
  const r = new Random(`append:${mode.key}:${round}:${writer}`);
  const commands: AppendCommand[] = [];
  let streamId = '';
  let proposalId = '';
  let organisationId = '';
  let version = 0;
  for (let i = 0; i < mode.preparedPerWriter; i++) {
    if (i % perStream === 0) {
      proposalId = r.uuid();
      streamId = `proposal-${proposalId}`;
      organisationId = r.pick(ORGANISATIONS);
      version = 0;
    }
    const metadata = metadataFor(r, organisationId);
    const events: BenchEvent[] = [];
    for (let j = 0; j < mode.eventsPerCommand; j++) {
      events.push({ eventId: r.uuid(), type: 'ProposalAmended', data: { ...payloads[r.u32() % payloads.length], proposalId }, metadata });
    }
    commands.push({ streamId, expectedVersion: version, events });
    version += events.length;
  }
  return commands;
}

/** Every writer appends its commands in order until the slice is over; commands in flight finish (and count). */
async function runSlice(variant: AppendVariant, perWriter: AppendCommand[][], sliceMs: number): Promise<{ units: number; ms: number; exhausted: boolean }> {
  const started = performance.now();
  const deadline = started + sliceMs;
  let units = 0;
  let exhausted = false;
  await Promise.all(
    perWriter.map(async (commands) => {
      for (const c of commands) {
        if (performance.now() >= deadline) return;
        await variant.append(c);
        units += c.events.length;
      }
      exhausted = true;
    }),
  );
  return { units, ms: performance.now() - started, exhausted };
}

export async function appendPhase(url: string, config: BenchConfig, report: Report): Promise<void> {
  const c = config.append;
  const modes: Mode[] = [
    { key: 'a', label: '(a) 1 event/command, 1 writer', writers: 1, preparedPerWriter: c.preparedCommands.single, eventsPerCommand: 1 },
    { key: 'b', label: `(b) 1 event/command, ${c.concurrentWriters} writers`, writers: c.concurrentWriters, preparedPerWriter: c.preparedCommands.concurrent, eventsPerCommand: 1 },
    { key: 'c', label: `(c) ${c.batchSize} events/command, 1 writer`, writers: 1, preparedPerWriter: c.preparedCommands.batch, eventsPerCommand: c.batchSize },
  ];
  const only = (process.env.BENCH_APPEND_MODES ?? 'abc').toLowerCase();
  const variants: AppendVariant[] = [oursVariant(url), rawVariant(url), emmettVariant(url)];
  for (const v of variants) await v.setup();
  const byName = new Map(variants.map((v) => [v.name, v]));
  const [o, r, e] = variants.map((v) => v.name);
  const payloads = payloadPool();
  const sample = buildCommands({ ...modes[0], preparedPerWriter: 1 }, 0, 0, 1, payloads)[0].events[0];
  const payloadBytes = Buffer.byteLength(JSON.stringify(sample.data));
  const metadataBytes = Buffer.byteLength(JSON.stringify(sample.metadata));
  log(`append: ${payloadBytes} B data + ${metadataBytes} B metadata per event; ${fmt(c.sliceMs)} ms per variant per round, ${config.rounds} rounds + 1 warm-up, order rotated`);
  let exhausted = 0;

  try {
    for (const mode of modes.filter((m) => only.includes(m.key))) {
      const cpu = new Map(variants.map((v) => [v.name, { client: 0, postgres: 0, events: 0, known: true }]));
      let prepared: { round: number; perWriter: AppendCommand[][] } | null = null;
      const result = await interleaved(
        variants.map((v) => v.name),
        config.rounds,
        async (name, round) => {
          // built before the clock starts, once per round: all three variants get the very same commands
          if (prepared?.round !== round) {
            prepared = { round, perWriter: Array.from({ length: mode.writers }, (_, w) => buildCommands(mode, round, w, c.commandsPerStream, payloads)) };
          }
          const before = cpuSnapshot();
          const slice = await runSlice(byName.get(name)!, prepared.perWriter, round === 0 ? c.sliceMs / 3 : c.sliceMs);
          const used = cpuSince(before);
          if (round > 0) {
            const acc = cpu.get(name)!;
            acc.client += used.self;
            acc.postgres += used.postgres ?? 0;
            acc.known &&= used.postgres !== null;
            acc.events += slice.units;
          }
          if (slice.exhausted) exhausted++;
          return slice;
        },
        (_, line) => log(`append ${mode.label}: ${line}`),
      );
      for (const name of [o, r, e]) {
        const u = cpu.get(name)!;
        const perEvent = (ms: number) => `${fmt((ms * 1000) / Math.max(1, u.events))} µs`;
        report.add({
          phase: 'append',
          measure: `${mode.label}: ${name}`,
          value: `${withSpread(result.rates(name))} ev/s`,
          note: `CPU per event: bench process ${perEvent(u.client)}${u.known ? `, PostgreSQL ${perEvent(u.postgres)}` : ''}`,
        });
      }
      report.add({ phase: 'append', measure: `${mode.label}: ours/raw`, value: ratio(result.pairedRatio(o, r)), note: `per-round ratios ${result.pairedRatios(o, r).map((x) => x.toFixed(2)).join(' ')}` });
      report.add({ phase: 'append', measure: `${mode.label}: ours/emmett`, value: ratio(result.pairedRatio(o, e)), note: `per-round ratios ${result.pairedRatios(o, e).map((x) => x.toFixed(2)).join(' ')}` });
    }
    if (exhausted) report.note(`append: WARNING ${exhausted} slice(s) ran out of prepared commands before the slice ended: raise BENCH_APPEND_PREPARED_*.`);

    const check = new pg.Client({ connectionString: url });
    await check.connect();
    try {
      const count = async (sql: string) => fmt(Number((await check.query<{ n: string }>(sql)).rows[0].n));
      report.note(
        `append: rows written ours ${await count('SELECT count(*) AS n FROM es_events')}, raw ${await count(`SELECT count(*) AS n FROM ${RAW_TABLE}`)}, ` +
          `Emmett ${await count('SELECT count(*) AS n FROM emt_messages')} (each a prefix of the same command list; faster variants get further). ` +
          `Event: ${payloadBytes} B data (a ProposalAmended) + ${metadataBytes} B metadata; ${c.commandsPerStream} commands per stream, the first with no_stream, then exact versions.`,
      );
    } finally {
      await check.end();
    }
  } finally {
    for (const v of variants) await v.close();
  }
}

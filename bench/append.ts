import pg from 'pg';
import { emmettVariant, oursVariant, RAW_TABLE, rawVariant, type AppendCommand, type AppendVariant, type BenchEvent } from './support/append-writers.js';
import type { BenchConfig } from './support/config.js';
import { generateProposal, metadataFor, ORGANISATIONS } from './support/proposal-events.js';
import { Random } from './support/random.js';
import { log, type Report } from './support/report.js';
import { interleaved } from './support/rounds.js';
import { fmt, ratio, withSpread } from './support/stats.js';

/**
 * Phase 1: append throughput of our store against a raw INSERT floor and Emmett, in three modes, interleaved
 * round by round on the same database. Every variant appends exactly the same commands (same streams, ids,
 * payloads, expected versions) into its own tables.
 */

interface Mode {
  readonly key: string;
  readonly label: string;
  readonly writers: number;
  readonly commandsPerWriter: number;
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
  for (let i = 0; i < mode.commandsPerWriter; i++) {
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

async function runSlice(variant: AppendVariant, perWriter: AppendCommand[][], capMs: number): Promise<{ units: number; ms: number; capped: boolean }> {
  const started = performance.now();
  const deadline = started + capMs;
  let units = 0;
  let capped = false;
  await Promise.all(
    perWriter.map(async (commands) => {
      for (const c of commands) {
        if (performance.now() > deadline) {
          capped = true;
          return;
        }
        await variant.append(c);
        units += c.events.length;
      }
    }),
  );
  return { units, ms: performance.now() - started, capped };
}

export async function appendPhase(url: string, config: BenchConfig, report: Report): Promise<void> {
  const c = config.append;
  const modes: Mode[] = [
    { key: 'a', label: '(a) 1 event/command, 1 writer', writers: 1, commandsPerWriter: c.singleCommands, eventsPerCommand: 1 },
    { key: 'b', label: `(b) 1 event/command, ${c.concurrentWriters} writers`, writers: c.concurrentWriters, commandsPerWriter: c.concurrentCommandsPerWriter, eventsPerCommand: 1 },
    { key: 'c', label: `(c) ${c.batchSize} events/command, 1 writer`, writers: 1, commandsPerWriter: c.batchCommands, eventsPerCommand: c.batchSize },
  ];
  const only = (process.env.BENCH_APPEND_MODES ?? 'abc').toLowerCase();
  const selected = modes.filter((m) => only.includes(m.key));
  const ours = oursVariant(url);
  const variants: AppendVariant[] = [ours, rawVariant(url), emmettVariant(url)];
  for (const v of variants) await v.setup();
  const byName = new Map(variants.map((v) => [v.name, v]));
  const payloads = payloadPool();
  const sample = buildCommands(modes[0], 0, 0, 1, payloads)[0].events[0];
  const payloadBytes = Buffer.byteLength(JSON.stringify(sample.data));
  const metadataBytes = Buffer.byteLength(JSON.stringify(sample.metadata));
  log(`append: payload ${payloadBytes} B data + ${metadataBytes} B metadata per event; ${config.rounds} measured rounds + 1 warm-up, order rotated`);
  let cappedSlices = 0;

  try {
    for (const mode of selected) {
      const result = await interleaved(
        variants.map((v) => v.name),
        config.rounds,
        async (name, round) => {
          // built before the clock starts; identical for all three variants of the round
          const perWriter = Array.from({ length: mode.writers }, (_, w) => buildCommands(mode, round, w, c.commandsPerStream, payloads));
          const slice = await runSlice(byName.get(name)!, perWriter, c.sliceCapMs);
          if (slice.capped) cappedSlices++;
          return slice;
        },
        (_, line) => log(`append ${mode.label}: ${line}`),
      );
      const [o, r, e] = variants.map((v) => v.name);
      for (const name of [o, r, e]) {
        report.add({ phase: 'append', measure: `${mode.label}: ${name}`, value: `${withSpread(result.rates(name))} ev/s`, note: 'median (min–max) of rounds' });
      }
      report.add({ phase: 'append', measure: `${mode.label}: ours/raw`, value: ratio(result.pairedRatio(o, r)), note: `per-round ratios ${result.pairedRatios(o, r).map((x) => x.toFixed(2)).join(' ')}` });
      report.add({ phase: 'append', measure: `${mode.label}: ours/emmett`, value: ratio(result.pairedRatio(o, e)), note: `per-round ratios ${result.pairedRatios(o, e).map((x) => x.toFixed(2)).join(' ')}` });
    }

    // every variant must have written the same number of rows, or the comparison is not like for like
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    try {
      const count = async (sql: string) => Number((await check.query<{ n: string }>(sql)).rows[0].n);
      const counts = {
        ours: await count('SELECT count(*) AS n FROM es_events'),
        raw: await count(`SELECT count(*) AS n FROM ${RAW_TABLE}`),
        emmett: await count('SELECT count(*) AS n FROM emt_messages'),
      };
      const same = counts.ours === counts.raw && counts.raw === counts.emmett;
      report.note(
        `append: rows written ours ${fmt(counts.ours)}, raw ${fmt(counts.raw)}, Emmett ${fmt(counts.emmett)}` +
          (same ? ' (identical, as they must be)' : ` (differ: ${cappedSlices} slice(s) hit the ${c.sliceCapMs} ms cap)`) +
          `; event payload ${payloadBytes} B + metadata ${metadataBytes} B.`,
      );
    } finally {
      await check.end();
    }
  } finally {
    for (const v of variants) await v.close();
  }
}

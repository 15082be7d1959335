import { formatLogPosition } from '../../../libs/event-store/index.js';
import { checkpoints } from '../../../libs/projections/index.js';
import { openServiceContext } from '../application-context.js';
import type { CliIo } from '../cli-io.js';

export interface StatusCommandOptions {
  readonly json: boolean;
}

interface StatusRow {
  readonly projection: string;
  readonly version: number;
  readonly storedVersion: number | null;
  readonly position: string;
  readonly lagEvents: number;
  readonly eventsApplied: number;
  readonly updatedAt: string | null;
  /** What an operator should know: never run, or a rebuild the next service start will do. */
  readonly note: string;
}

/** Each projection's stored position, its lag behind the head of the log, and when it last moved. */
export async function statusCommand(io: CliIo, options: StatusCommandOptions): Promise<void> {
  const service = await openServiceContext(io);
  try {
    const head = await service.store.headPosition();
    const statuses = await service.projections.status();
    const stored = new Map((await checkpoints.loadAll(service.dataSource.manager)).map((c) => [c.name, c]));
    const rows: StatusRow[] = statuses.map((s) => {
      const checkpoint = stored.get(s.name);
      const version = service.projections.get(s.name).version;
      const note = !checkpoint
        ? 'not started yet'
        : checkpoint.version !== version
          ? `rebuild pending: stored version ${checkpoint.version}, code version ${version}`
          : s.caughtUp
            ? 'caught up'
            : 'behind';
      return {
        projection: s.name,
        version,
        storedVersion: checkpoint?.version ?? null,
        position: formatLogPosition(s.position),
        lagEvents: s.lagEvents,
        eventsApplied: s.eventsApplied,
        updatedAt: checkpoint?.updatedAt.toISOString() ?? null,
        note,
      };
    });
    if (options.json) {
      io.stdout.write(`${JSON.stringify({ headPosition: formatLogPosition(head), projections: rows }, null, 2)}\n`);
      return;
    }
    io.stdout.write(`log head ${formatLogPosition(head)}\n\n`);
    io.stdout.write(
      table(
        ['projection', 'version', 'position', 'lag (events)', 'applied', 'updated', 'note'],
        rows.map((r) => [r.projection, String(r.version), r.position, r.lagEvents.toLocaleString('en-US'), r.eventsApplied.toLocaleString('en-US'), r.updatedAt ?? '-', r.note]),
      ),
    );
  } finally {
    await service.close();
  }
}

/** Left-aligned text columns, numbers right-aligned, two spaces apart. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => /^[\d,]+$/.test(r[i])));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

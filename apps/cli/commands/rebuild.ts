import type { DataSource } from 'typeorm';
import { ProjectionRebuilder, type Projection } from '../../../libs/projections/index.js';
import { openServiceContext } from '../application-context.js';
import { say, type CliIo } from '../cli-io.js';
import { UsageError } from '../exit-codes.js';
import { formatDuration, startProgress } from '../progress.js';

export interface RebuildCommandOptions {
  readonly batchSize: number;
}

/**
 * Rebuilds one projection, or all, with the runtime's rebuilder: into shadow tables while the live ones keep
 * answering, swapped in one transaction at the end. Interrupted, a projection's live read model stays as it was
 * (its shadow tables are dropped) and the ones already swapped stay rebuilt: a rerun completes the work.
 */
export async function rebuildCommand(io: CliIo, target: string, options: RebuildCommandOptions): Promise<void> {
  const service = await openServiceContext(io);
  try {
    const chosen = choose(service.projections.registered(), target);
    const rebuilder = new ProjectionRebuilder(service.store, service.dataSource);
    const total = await countEvents(service.dataSource);
    const started = Date.now();
    for (const projection of chosen) {
      io.signal.throwIfAborted();
      const progress = startProgress(io, { label: `rebuild ${projection.name}`, unit: 'events', total });
      try {
        const result = await rebuilder.rebuild(projection, {
          batchSize: options.batchSize,
          signal: io.signal,
          onProgress: (p) => progress.update(p.events),
        });
        progress.finish(
          `rebuilt ${projection.name} (version ${projection.version}): ${result.events.toLocaleString('en-US')} events read in ` +
            `${formatDuration(result.elapsedMs / 1000)}, ${result.eventsPerSecond.toLocaleString('en-US')} events/s`,
        );
      } catch (error) {
        progress.stop(
          io.signal.aborted
            ? `rebuild of ${projection.name} stopped: its live read model is unchanged; run the command again to rebuild it`
            : `rebuild of ${projection.name} failed: its live read model is unchanged`,
        );
        throw error;
      }
    }
    if (chosen.length > 1) say(io, `rebuilt ${chosen.length} projections in ${formatDuration((Date.now() - started) / 1000)}`);
  } finally {
    await service.close();
  }
}

function choose(registered: readonly Projection[], target: string): readonly Projection[] {
  if (target === 'all') return registered;
  const projection = registered.find((p) => p.name === target);
  if (!projection) throw new UsageError(`no projection named "${target}"; known: all, ${registered.map((p) => p.name).join(', ')}`);
  return [projection];
}

/** Every event in the log: each rebuild reads them all (it skips the types it does not handle). */
async function countEvents(dataSource: DataSource): Promise<number> {
  const [{ n }] = await dataSource.query('SELECT count(*)::bigint AS n FROM es_events');
  return Number(n);
}

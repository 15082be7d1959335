import type { NewEvent, PostgresEventStore } from '../../libs/event-store/index.js';
import { generateProposal, metadataFor } from './proposal-events.js';
import { Random } from './random.js';

export interface LoadResult {
  readonly proposals: number;
  readonly events: number;
  readonly appends: number;
  readonly ms: number;
}

/**
 * Writes `proposals` proposal histories through the event store with two-event appends, spread over the log as
 * in real life: proposal i is drafted and amended at once ([Drafted, Amended], `no_stream`), and amended again and
 * submitted ([Amended, Submitted], version 2) a quarter of the log later, between the drafts of later proposals.
 * A rebuild batch therefore mixes new rows with rows written by earlier batches, as a real rebuild does.
 */
export async function loadProposalLog(store: PostgresEventStore, proposals: number, writers: number, seed = 'proposals'): Promise<LoadResult> {
  const started = performance.now();
  const lag = Math.max(writers * 4, Math.ceil(proposals / 4));
  const later = new Map<number, { streamId: string; events: NewEvent[]; written: Promise<void> }>();
  let step = 0;
  let appends = 0;
  const total = proposals + lag;
  const append = async (streamId: string, events: NewEvent[], expected: 'no_stream' | number) => {
    await store.append(streamId, events, { expectedVersion: expected });
    appends++;
  };
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let s = step++; s < total; s = step++) {
        if (s < proposals) {
          const p = generateProposal(s, seed);
          const r = new Random(`${seed}:meta:${s}`);
          const streamId = `proposal-${p.proposalId}`;
          const first = metadataFor(r, p.organisationId);
          const second = metadataFor(r, p.organisationId);
          const toNew = (i: number, metadata: typeof first) => ({ eventId: r.uuid(), type: p.events[i].type, data: p.events[i].data, metadata });
          const events = [toNew(0, first), toNew(1, first), toNew(2, second), toNew(3, second)];
          const written = append(streamId, events.slice(0, 2), 'no_stream');
          later.set(s, { streamId, events: events.slice(2), written });
          await written;
        }
        if (s >= lag) {
          const pending = later.get(s - lag)!;
          later.delete(s - lag);
          await pending.written; // the draft is certainly there before it is amended
          await append(pending.streamId, pending.events, 2);
        }
      }
    }),
  );
  return { proposals, events: proposals * 4, appends, ms: performance.now() - started };
}

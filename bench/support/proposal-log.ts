import type { PostgresEventStore } from '../../libs/event-store/index.js';
import { generateProposal, metadataFor } from './proposal-events.js';
import { Random } from './random.js';

export interface LoadResult {
  readonly proposals: number;
  readonly events: number;
  readonly appends: number;
  readonly ms: number;
}

/**
 * Writes `proposals` proposal histories through the event store, in two waves so that a proposal's events are
 * spread over the log as they are in real life (drafted and amended at once, amended again and submitted later):
 * wave 1 appends [Drafted, Amended] to every stream (`no_stream`), wave 2 appends [Amended, Submitted] (version 2).
 * A rebuild batch in wave 2 therefore has to load rows written by earlier batches, as a real rebuild does.
 */
export async function loadProposalLog(store: PostgresEventStore, proposals: number, writers: number, seed = 'proposals'): Promise<LoadResult> {
  const started = performance.now();
  let appends = 0;
  for (const wave of [0, 1] as const) {
    let next = 0;
    await Promise.all(
      Array.from({ length: writers }, async () => {
        for (let i = next++; i < proposals; i = next++) {
          const p = generateProposal(i, seed);
          const r = new Random(`${seed}:meta:${i}:${wave}`);
          const metadata = metadataFor(r, p.organisationId);
          const events = p.events.slice(wave * 2, wave * 2 + 2).map((e) => ({ eventId: r.uuid(), type: e.type, data: e.data, metadata }));
          await store.append(`proposal-${p.proposalId}`, events, { expectedVersion: wave === 0 ? 'no_stream' : 2 });
          appends++;
        }
      }),
    );
  }
  return { proposals, events: proposals * 4, appends, ms: performance.now() - started };
}

/**
 * The demo data set, loaded through the service's HTTP API (so every event has an actor and, where the API takes
 * one, a reason): Herning's steering-group year, the 4K collaboration, IT-Forsyningen's business case.
 *
 * Idempotent: every step looks for what it would create by its natural key (an organisation's id, a forum's name,
 * a proposal's title, a decision's meeting and kind) and creates only what is missing, with a deterministic
 * Idempotency-Key; repeats the API itself recognises (scores, costs, hours, payback terms) answer 200 and record
 * nothing. Loading twice records nothing the second time; a run that stopped half-way is completed by the next.
 */
import { DemoClient, type TokenFor } from './demo-client.js';
import { fourKScenario, type FourKSummary } from './four-k/load-four-k.js';
import { herningScenario, type HerningSummary } from './herning/load-herning.js';
import { itForsyningenScenario, type ItForsyningenSummary } from './it-forsyningen/load-it-forsyningen.js';

export type { TokenFor } from './demo-client.js';
export { DemoRequestFailed } from './demo-client.js';

export interface DemoProgress {
  /** What the step loads, in Danish like the data. */
  readonly step: string;
  /** Steps finished so far, this one included. */
  readonly completed: number;
  readonly total: number;
}

export interface DemoOptions {
  /** Called after each step. */
  readonly onProgress?: (progress: DemoProgress) => void;
  /** Stops the load before its next request. */
  readonly signal?: AbortSignal;
}

export interface DemoSummary {
  /** Writes that recorded something new; 0 when the demo was loaded already. */
  readonly recorded: number;
  /** Writes the service answered as already done. */
  readonly unchanged: number;
  readonly herning: HerningSummary;
  readonly fourK: FourKSummary;
  readonly itForsyningen: ItForsyningenSummary;
}

export async function loadDemo(baseUrl: string, tokenFor: TokenFor, options: DemoOptions = {}): Promise<DemoSummary> {
  const client = new DemoClient(baseUrl, tokenFor, options.signal);
  const herning = herningScenario(client);
  const fourK = fourKScenario(client);
  const itForsyningen = itForsyningenScenario(client);
  const steps = [...herning.steps, ...fourK.steps, ...itForsyningen.steps];
  for (const [index, step] of steps.entries()) {
    options.signal?.throwIfAborted();
    await step.run();
    options.onProgress?.({ step: step.label, completed: index + 1, total: steps.length });
  }
  return {
    recorded: client.recorded,
    unchanged: client.unchanged,
    herning: herning.summary(),
    fourK: fourK.summary(),
    itForsyningen: itForsyningen.summary(),
  };
}

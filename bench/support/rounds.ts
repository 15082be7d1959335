import { median } from './stats.js';

export interface Sample {
  readonly round: number;
  /** Units done (events, requests) and the time they took. */
  readonly units: number;
  readonly ms: number;
  readonly rate: number;
}

export interface InterleavedResult {
  /** Measured rounds only (the warm-up round is dropped), by variant name. */
  readonly samples: ReadonlyMap<string, Sample[]>;
  medianRate(name: string): number;
  rates(name: string): number[];
  /** Ratio a/b computed within each round (both ran minutes apart at most), then the median of those. */
  pairedRatio(a: string, b: string): number;
  pairedRatios(a: string, b: string): number[];
}

/**
 * Runs every variant once per round, in an order rotated each round so that no variant always goes first (or
 * always follows the same neighbour) on a noisy machine. Round 0 is a warm-up and is not reported.
 */
export async function interleaved(
  names: readonly string[],
  measuredRounds: number,
  runSlice: (name: string, round: number) => Promise<{ units: number; ms: number }>,
  onRound?: (round: number, line: string) => void,
): Promise<InterleavedResult> {
  const samples = new Map<string, Sample[]>(names.map((n) => [n, []]));
  for (let round = 0; round <= measuredRounds; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]);
    const parts: string[] = [];
    for (const name of order) {
      const { units, ms } = await runSlice(name, round);
      const rate = units / (ms / 1000);
      if (round > 0) samples.get(name)!.push({ round, units, ms, rate });
      parts.push(`${name} ${Math.round(rate).toLocaleString('en-US')}/s`);
    }
    onRound?.(round, `${round === 0 ? 'warm-up' : `round ${round}/${measuredRounds}`}: ${parts.join(', ')}`);
  }
  const rates = (name: string) => samples.get(name)!.map((s) => s.rate);
  const pairedRatios = (a: string, b: string) => {
    const sa = samples.get(a)!;
    const sb = samples.get(b)!;
    return sa.map((s, i) => s.rate / sb[i].rate);
  };
  return {
    samples,
    rates,
    medianRate: (name) => median(rates(name)),
    pairedRatios,
    pairedRatio: (a, b) => median(pairedRatios(a, b)),
  };
}

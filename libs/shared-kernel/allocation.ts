/**
 * Splits an amount in minor units by weights with the largest-remainder method: every share is the floor of its exact
 * quotient, and the øre left over go one each to the largest remainders. The shares always sum to the total, so a
 * split never loses or invents an øre. Ties go to the earlier weight, so the result is deterministic for a given
 * order of parties; callers that need order independence sort their parties first.
 *
 * Weights are non-negative safe integers (inhabitants, FTE in hundredths, basis points); at least one must be
 * positive. BigInt keeps `total × weight` exact beyond 2^53.
 */
export function allocateByWeights(totalMinor: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(totalMinor)) throw new RangeError('total must be a safe integer in minor units');
  if (weights.length === 0) throw new RangeError('at least one weight is needed');
  for (const w of weights) if (!Number.isSafeInteger(w) || w < 0) throw new RangeError('weights must be non-negative safe integers');
  const sum = weights.reduce((a, w) => a + BigInt(w), 0n);
  if (sum === 0n) throw new RangeError('at least one weight must be positive');

  const sign = totalMinor < 0 ? -1n : 1n;
  const total = BigInt(totalMinor) * sign;
  const shares = weights.map((w) => (total * BigInt(w)) / sum);
  const remainders = weights.map((w, index) => ({ index, remainder: (total * BigInt(w)) % sum }));
  let left = total - shares.reduce((a, s) => a + s, 0n);
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0n) break;
    shares[index] += 1n;
    left -= 1n;
  }
  return shares.map((s) => Number(s * sign));
}

/** An equal split: the first parties (in the given order) carry the øre that do not divide evenly. */
export function allocateEqually(totalMinor: number, parties: number): number[] {
  if (!Number.isSafeInteger(parties) || parties < 1) throw new RangeError('at least one party is needed');
  return allocateByWeights(totalMinor, Array.from({ length: parties }, () => 1));
}

/** A proportion such as 2/3, kept as two whole numbers so that no vote count is ever compared as a float. */
export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

/** Whole numbers with 0 < numerator <= denominator. */
export function isFractionOfWhole(fraction: Fraction): boolean {
  const { numerator, denominator } = fraction;
  return Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator) && numerator > 0 && numerator <= denominator;
}

/** part / whole >= fraction, exactly: BigInt so that no product can lose precision. */
export function reachesFraction(part: number, whole: number, fraction: Fraction): boolean {
  return BigInt(part) * BigInt(fraction.denominator) >= BigInt(fraction.numerator) * BigInt(whole);
}

/** The smallest whole count that reaches `fraction` of `whole`: ceil(whole * numerator / denominator). */
export function smallestCountReaching(whole: number, fraction: Fraction): number {
  const numerator = BigInt(whole) * BigInt(fraction.numerator);
  const denominator = BigInt(fraction.denominator);
  return Number((numerator + denominator - 1n) / denominator);
}

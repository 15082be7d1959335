/**
 * Weighted scores as the forum sees them: a decimal string from "0.00" to "100.00" with exactly two decimals (the
 * prioritisation context's normalised score). Compared as whole numbers of hundredths, never as floats, so a score
 * of "40.00" meets a minimum of "40.00" exactly.
 */
export type ScoreDecimal = string;

const SCORE_PATTERN = /^(0|[1-9]\d{0,2})\.(\d{2})$/;

/** The score in hundredths (e.g. "62.50" is 6250), or null when the text is not a score from "0.00" to "100.00". */
export function scoreHundredths(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const match = SCORE_PATTERN.exec(text);
  if (!match) return null;
  const hundredths = Number(match[1]) * 100 + Number(match[2]);
  return hundredths <= 10_000 ? hundredths : null;
}

export function isScoreDecimal(text: unknown): text is ScoreDecimal {
  return scoreHundredths(text) !== null;
}

/** Negative when `a` is the lower score, positive when higher, 0 when equal. Both must be scores. */
export function compareScores(a: ScoreDecimal, b: ScoreDecimal): number {
  const left = scoreHundredths(a);
  const right = scoreHundredths(b);
  if (left === null || right === null) throw new RangeError(`not a score from 0.00 to 100.00: ${left === null ? a : b}`);
  return left - right;
}

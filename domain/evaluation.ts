/**
 * Comprehensive-evaluation scores (종합성과평가). Scores carry decimals ("83.44", "13.5"); they are
 * kept as decimal text and added as scaled integers, so a total is exactly the sum of its parts.
 */
import { compareDecimals, Decimal, formatDecimal, parseDecimal, plainDecimal } from './money';

export { plainDecimal };

/** Largest number of decimals a score may carry (seed 001 prints 83.44). */
export const SCORE_DECIMALS = 2;

/** Rescales a decimal to `scale` digits after the point (never loses digits: scale ≥ d.scale). */
function rescale(d: Decimal, scale: number): bigint {
  return d.scaled * 10n ** BigInt(scale - d.scale);
}

/** Compares two decimal texts exactly: −1, 0 or 1. */
export function compareDecimal(a: string, b: string): number {
  return compareDecimals(parseDecimal(a), parseDecimal(b));
}

/** Exact sum of decimal texts, printed with `decimals` places ("13.5" + "8.6" → "22.10"). */
export function sumScores(scores: Iterable<string>, decimals = SCORE_DECIMALS): string {
  let total = 0n;
  for (const s of scores) {
    const d = parseDecimal(s);
    if (d.scale > decimals) throw new RangeError(`score ${s} has more than ${decimals} decimals`);
    total += rescale(d, decimals);
  }
  return plainDecimal({ scaled: total, scale: decimals });
}

/** Normalises a score to `decimals` places ("13.5" → "13.50"). */
export function normaliseScore(score: string, decimals = SCORE_DECIMALS): string {
  return sumScores([score], decimals);
}

/** A score as printed in the reports: "83.44" stays "83.44", "86.0" keeps its one decimal. */
export function formatScore(score: string): string {
  return formatDecimal(parseDecimal(score));
}

export function decimalPlaces(text: string): number {
  return parseDecimal(text).scale;
}

/** Problems with a score against its indicator's maximum: too many decimals, negative, above the maximum. */
export function scoreProblem(score: string, maxPoints: string): 'decimals' | 'negative' | 'above_max' | null {
  if (decimalPlaces(score) > SCORE_DECIMALS) return 'decimals';
  if (compareDecimal(score, '0') < 0) return 'negative';
  if (compareDecimal(score, maxPoints) > 0) return 'above_max';
  return null;
}

export interface GradeBand {
  /** e.g. "우수" */
  grade: string;
  /** inclusive lower bound, decimal text */
  minScore: string;
}

/** The grade of a total under a template's bands (highest band whose lower bound the total reaches). */
export function gradeFor(total: string, bands: GradeBand[] | null | undefined): string | null {
  if (!bands || bands.length === 0) return null;
  const sorted = [...bands].sort((a, b) => compareDecimal(b.minScore, a.minScore));
  for (const band of sorted) if (compareDecimal(total, band.minScore) >= 0) return band.grade;
  return null;
}

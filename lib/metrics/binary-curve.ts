/**
 * sklearn.metrics._ranking._binary_clf_curve without sample weights: for each distinct score,
 * in decreasing order, the number of positives (tps) and negatives (fps) scored ≥ it. Positives
 * and negatives are sorted apart (radix sort) and merged, which gives the same counts as sklearn's
 * mergesort of all rows.
 */
import { sortFloat64 } from '../stats/sort-float64';

export interface BinaryClfCurve {
  fps: Float64Array;
  tps: Float64Array;
  /** Distinct scores, decreasing. */
  thresholds: Float64Array;
}

/** The scores of positive and negative rows, each sorted ascending. */
export interface SplitScores {
  positive: Float64Array;
  negative: Float64Array;
}

/**
 * Splits scores by truth. `isPositive[i]` is 1 for the positive class, 0 otherwise; scores must
 * be finite (callers drop other rows first).
 */
export function splitScores(isPositive: ArrayLike<number>, score: ArrayLike<number>): SplitScores {
  let np = 0;
  for (let i = 0; i < isPositive.length; i++) if (isPositive[i]) np++;
  const positive = new Float64Array(np);
  const negative = new Float64Array(isPositive.length - np);
  let a = 0;
  let b = 0;
  for (let i = 0; i < isPositive.length; i++) {
    if (isPositive[i]) positive[a++] = score[i]!;
    else negative[b++] = score[i]!;
  }
  return { positive: sortFloat64(positive), negative: sortFloat64(negative) };
}

/** _binary_clf_curve(y_true == pos_label, y_score). Empty input gives empty arrays. */
export function binaryClfCurve({ positive, negative }: SplitScores): BinaryClfCurve {
  const fps: number[] = [];
  const tps: number[] = [];
  const thresholds: number[] = [];
  let i = positive.length - 1;
  let j = negative.length - 1;
  let tp = 0;
  let fp = 0;
  while (i >= 0 || j >= 0) {
    const t = Math.max(i >= 0 ? positive[i]! : -Infinity, j >= 0 ? negative[j]! : -Infinity);
    while (i >= 0 && positive[i] === t) {
      tp++;
      i--;
    }
    while (j >= 0 && negative[j] === t) {
      fp++;
      j--;
    }
    fps.push(fp);
    tps.push(tp);
    thresholds.push(t);
  }
  return { fps: Float64Array.from(fps), tps: Float64Array.from(tps), thresholds: Float64Array.from(thresholds) };
}

/** Keeps at most `max` points of parallel arrays (evenly spaced indices, first and last always kept). */
export function downsampleIndices(length: number, max: number): number[] {
  if (length <= max || max < 2) return Array.from({ length }, (_, i) => i);
  const out: number[] = [];
  for (let k = 0; k < max; k++) out.push(Math.round((k * (length - 1)) / (max - 1)));
  return out;
}

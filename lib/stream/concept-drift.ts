/**
 * Concept drift per window: did the model's errors change? Each row's error — an indicator
 * (prediction ≠ target, classification) or |target − prediction| (regression) — in a window
 * against the reference's: Mann–Whitney U, two-sided (scipy.stats.mannwhitneyu, method 'auto',
 * lib/stats/mann-whitney.ts), and for classification the difference of error rates with the
 * two-proportion z-test (pooled proportion, as statsmodels' proportions_ztest; lib/stats/z-test.ts).
 * Rows missing the target or the prediction carry no error and are left out.
 */
import { mannWhitneyU } from '../stats/mann-whitney';
import { twoProportionZTest } from '../stats/z-test';

export type ErrorTask = 'classification' | 'regression';

export interface ConceptDriftPoint {
  /** Rows with an error (target and prediction present). */
  n: number;
  /** Mean error in the window: the error rate, or the mean absolute error. */
  current: number | null;
  /** Mean error of the reference (null: no reference row has both columns). */
  reference: number | null;
  /** U of the window's errors against the reference's, and its two-sided p-value. */
  mwuStatistic: number | null;
  mwuPValue: number | null;
  /** Classification: z of reference minus window error rate, and its two-sided p-value. */
  zStatistic?: number | null;
  zPValue?: number | null;
}

/** Per-row errors (NaN where the target or prediction is missing). Labels compare as text; regression needs numbers. */
export function rowErrors(task: ErrorTask, target: ArrayLike<unknown>, prediction: ArrayLike<unknown>): Float64Array {
  const out = new Float64Array(target.length);
  for (let i = 0; i < target.length; i++) {
    const y = target[i];
    const p = prediction[i];
    const missing =
      y === null ||
      y === undefined ||
      p === null ||
      p === undefined ||
      (typeof y === 'number' && Number.isNaN(y)) ||
      (typeof p === 'number' && Number.isNaN(p));
    if (missing) out[i] = NaN;
    else out[i] = task === 'classification' ? (String(y) === String(p) ? 0 : 1) : Math.abs(Number(y) - Number(p));
  }
  return out;
}

const present = (values: ArrayLike<number>, rows?: ArrayLike<number>): Float64Array => {
  const out: number[] = [];
  const n = rows ? rows.length : values.length;
  for (let k = 0; k < n; k++) {
    const v = values[rows ? rows[k]! : k]!;
    if (!Number.isNaN(v)) out.push(v);
  }
  return Float64Array.from(out);
};

const mean = (values: Float64Array) => values.reduce((a, b) => a + b, 0) / values.length;
const sum = (values: Float64Array) => values.reduce((a, b) => a + b, 0);

/** The window's errors (its rows of `errors`) against the reference's errors. */
export function conceptDriftPoint(task: ErrorTask, referenceErrors: ArrayLike<number>, errors: ArrayLike<number>, rows?: ArrayLike<number>): ConceptDriftPoint {
  const ref = present(referenceErrors);
  const cur = present(errors, rows);
  const reference = ref.length ? mean(ref) : null;
  if (cur.length === 0 || ref.length === 0) {
    return {
      n: cur.length,
      current: null,
      reference,
      mwuStatistic: null,
      mwuPValue: null,
      ...(task === 'classification' ? { zStatistic: null, zPValue: null } : {}),
    };
  }
  const u = mannWhitneyU(cur, ref);
  const point: ConceptDriftPoint = { n: cur.length, current: mean(cur), reference, mwuStatistic: u.statistic, mwuPValue: u.pValue };
  if (task === 'classification') {
    const z = twoProportionZTest(sum(ref), ref.length, sum(cur), cur.length);
    point.zStatistic = z.statistic;
    point.zPValue = z.pValue;
  }
  return point;
}

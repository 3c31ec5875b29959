/**
 * numpy 1.24's `np.mean`, `np.std` (ddof = 0) and their NaN-skipping twins `np.nanmean`,
 * `np.nanstd`, operation for operation on top of numpy's pairwise sum (lib/stats/numpy-sum.ts), so
 * values computed the way NannyML computes them (its thresholds and sampling errors) match to the bit.
 * NaN-skipping: NaNs are replaced by 0 in place (numpy's _replace_nan) and not counted, so the
 * pairwise sum keeps its shape; empty or all-NaN input gives NaN, as numpy does.
 */
import { numpySum } from './numpy-sum';

/** np.nanmean(values) (equal to np.mean when there is no NaN). */
export function numpyNanMean(values: ArrayLike<number>): number {
  const filled = Float64Array.from(values, (v) => (Number.isNaN(v) ? 0 : v));
  let count = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) count++;
  return numpySum(filled) / count;
}

/** np.nanstd(values) with ddof = 0 (equal to np.std when there is no NaN). */
export function numpyNanStd(values: ArrayLike<number>): number {
  const mean = numpyNanMean(values);
  let count = 0;
  const squares = Float64Array.from(values, (v) => {
    if (Number.isNaN(v)) return 0;
    count++;
    const d = v - mean;
    return d * d;
  });
  return Math.sqrt(numpySum(squares) / count);
}

const hasNaN = (values: ArrayLike<number>): boolean => Array.prototype.some.call(values, (v: number) => Number.isNaN(v));

/** np.mean(values): NaN if any value is NaN. */
export const numpyMean = (values: ArrayLike<number>): number => (hasNaN(values) ? NaN : numpyNanMean(values));

/** np.std(values) with ddof = 0: NaN if any value is NaN. */
export const numpyStd = (values: ArrayLike<number>): number => (hasNaN(values) ? NaN : numpyNanStd(values));

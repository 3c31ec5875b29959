import { AnalysisError } from '../../errors';
import { binCategorical, binNumeric, type BinnedPair } from '../binning';
import type { CategoricalProfile, NumericProfile } from '../../profile/column-profile';
import type { TestOutcome } from '../types';
import type { MethodContext } from './method';

/** Both sides as bin proportions: numeric by the `bins` option (Evidently's rule by default), categorical by category. */
export function binnedPair(
  reference: NumericProfile | CategoricalProfile,
  current: NumericProfile | CategoricalProfile,
  context: MethodContext,
  fillZeroes: boolean,
): BinnedPair {
  if (reference.kind === 'numeric' && current.kind === 'numeric') {
    try {
      return binNumeric(reference.sorted, current.sorted, context.bins, { fillZeroes });
    } catch (error) {
      throw rangeOverflow(reference.sorted, current.sorted) ?? error;
    }
  }
  return binCategorical(reference as CategoricalProfile, current as CategoricalProfile, { fillZeroes });
}

/**
 * Equal-width edges over values spanning more than the largest double (max − min = ∞) are undefined:
 * numpy's histogram_bin_edges raises ValueError there. Said so, naming the way out.
 */
function rangeOverflow(sortedRef: Float64Array, sortedCur: Float64Array): AnalysisError | undefined {
  const min = Math.min(sortedRef[0] ?? Infinity, sortedCur[0] ?? Infinity);
  const max = Math.max(sortedRef[sortedRef.length - 1] ?? -Infinity, sortedCur[sortedCur.length - 1] ?? -Infinity);
  if (Number.isFinite(max - min)) return undefined;
  return new AnalysisError(
    'values-overflow',
    `undefined: values overflow — the values span ${min} to ${max}, wider than the largest double, so equal-width bin edges do not exist (numpy raises here); choose quantile bins or rescale the column`,
  );
}

/**
 * A distance's outcome, with the histogram edges it used when it binned by edges. Open outer
 * edges (±∞ of quantile bins) are null, as JSON has no infinity.
 */
export function distanceOutcome(value: number, pair?: BinnedPair): { score: number; test: TestOutcome } {
  const edges = pair?.edges?.map((e) => (Number.isFinite(e) ? e : null));
  return { score: value, test: { statistic: value, ...(edges ? { edges } : {}) } };
}

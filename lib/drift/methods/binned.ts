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
    return binNumeric(reference.sorted, current.sorted, context.bins, { fillZeroes });
  }
  return binCategorical(reference as CategoricalProfile, current as CategoricalProfile, { fillZeroes });
}

/**
 * A distance's outcome, with the histogram edges it used when it binned by edges. Open outer
 * edges (±∞ of quantile bins) are null, as JSON has no infinity.
 */
export function distanceOutcome(value: number, pair?: BinnedPair): { score: number; test: TestOutcome } {
  const edges = pair?.edges?.map((e) => (Number.isFinite(e) ? e : null));
  return { score: value, test: { statistic: value, ...(edges ? { edges } : {}) } };
}

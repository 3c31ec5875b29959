import { chiSquare } from '../../stats/chisquare';
import { observedExpected } from '../categories';
import { asCategorical, oneCategoryOutcome, pValueMethod } from './method';

/**
 * Evidently's chi-square: over the union of categories, observed = current counts and
 * expected = reference counts × n_cur / n_ref; scipy.stats.chisquare(observed, expected).
 */
export const chiSquareMethod = pValueMethod({
  id: 'chisquare',
  label: 'Chi-square',
  kinds: ['categorical'],
  defaultThreshold: 0.05,
  definition: 'chi-square goodness of fit of the current category counts to the reference proportions',
  compute(reference, current) {
    const { observed, expected } = observedExpected(asCategorical(reference, 'chisquare'), asCategorical(current, 'chisquare'));
    // One category on both sides: scipy gives statistic 0 and p NaN (df = 0) — nothing to test, not drifted.
    if (observed.length === 1) return oneCategoryOutcome();
    const { statistic, pValue } = chiSquare(observed, expected);
    // A category absent from the reference makes the statistic infinite (JSON: null) and p = 0.
    return Number.isFinite(statistic) ? { score: pValue, test: { statistic, pValue } } : { score: 0, test: { statistic: null, pValue: 0 } };
  },
});

import { gTest } from '../../stats/g-test';
import { observedExpected } from '../categories';
import { asCategorical, oneCategoryOutcome, pValueMethod } from './method';

/**
 * G-test (scipy power_divergence, lambda_="log-likelihood") with chisquare's observed/expected.
 * Evidently passes unscaled reference counts (and fails when the files differ in size); we scale.
 */
export const gTestMethod = pValueMethod({
  id: 'g_test',
  label: 'G-test',
  kinds: ['categorical'],
  defaultThreshold: 0.1,
  definition: 'log-likelihood ratio (G) test of the current category counts against the reference proportions',
  compute(reference, current) {
    const { observed, expected } = observedExpected(asCategorical(reference, 'g_test'), asCategorical(current, 'g_test'));
    // One category on both sides: scipy gives statistic 0 and p NaN (df = 0) — nothing to test, not drifted.
    if (observed.length === 1) return oneCategoryOutcome();
    const { statistic, pValue } = gTest(observed, expected);
    return Number.isFinite(statistic) ? { score: pValue, test: { statistic, pValue } } : { score: 0, test: { statistic: null, pValue: 0 } };
  },
});

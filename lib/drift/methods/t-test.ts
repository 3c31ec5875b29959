import { moderateSamples } from '../../stats/power-of-two-scale';
import { tTestInd } from '../../stats/t-test';
import { asNumeric, pValueMethod } from './method';

/**
 * Student's two-sample t-test, scipy.stats.ttest_ind(equal_var=True), two-sided. t is scale-free, so
 * values beyond 2^±400 are divided by a power of two first (exact): scipy's squares overflow there.
 */
export const tTestMethod = pValueMethod({
  id: 't_test',
  label: 't-test',
  kinds: ['numeric'],
  defaultThreshold: 0.05,
  definition: "Student's two-sample t-test of equal means (scipy ttest_ind, equal variances)",
  compute(reference, current) {
    const [a, b] = moderateSamples(asNumeric(reference, 't_test').sorted, asNumeric(current, 't_test').sorted);
    const { statistic, pValue } = tTestInd(a, b);
    return { score: pValue, test: { statistic, pValue } };
  },
});

import { tTestInd } from '../../stats/t-test';
import { asNumeric, pValueMethod } from './method';

/** Student's two-sample t-test, scipy.stats.ttest_ind(equal_var=True), two-sided. */
export const tTestMethod = pValueMethod({
  id: 't_test',
  label: 't-test',
  kinds: ['numeric'],
  defaultThreshold: 0.05,
  definition: "Student's two-sample t-test of equal means (scipy ttest_ind, equal variances)",
  compute(reference, current) {
    const { statistic, pValue } = tTestInd(asNumeric(reference, 't_test').sorted, asNumeric(current, 't_test').sorted);
    return { score: pValue, test: { statistic, pValue } };
  },
});

import { mannWhitneyU } from '../../stats/mann-whitney';
import { asNumeric, pValueMethod } from './method';

/**
 * Mann–Whitney U, scipy.stats.mannwhitneyu, **two-sided**. Evidently passes alternative="less"
 * (a one-sided test that only sees current shifted up); we test both directions on purpose.
 */
export const mannWhitneyMethod = pValueMethod({
  id: 'mannw',
  label: 'Mann–Whitney U',
  kinds: ['numeric'],
  defaultThreshold: 0.05,
  definition: 'Mann–Whitney U rank test, two-sided (scipy mannwhitneyu)',
  compute(reference, current) {
    const { statistic, pValue } = mannWhitneyU(asNumeric(reference, 'mannw').sorted, asNumeric(current, 'mannw').sorted);
    return { score: pValue, test: { statistic, pValue } };
  },
});

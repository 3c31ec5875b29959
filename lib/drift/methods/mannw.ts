import { mannWhitneyU } from '../../stats/mann-whitney';
import { moderateSamples } from '../../stats/power-of-two-scale';
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
    // Ranks are scale-free; scipy flags overflowing sums of the values (near ±1.8e308) as NaN, a power-of-two scale avoids them.
    const [a, b] = moderateSamples(asNumeric(reference, 'mannw').sorted, asNumeric(current, 'mannw').sorted);
    const { statistic, pValue } = mannWhitneyU(a, b);
    return { score: pValue, test: { statistic, pValue } };
  },
});

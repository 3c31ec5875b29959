import { twoProportionZTest } from '../../stats/z-test';
import { alignCategories } from '../categories';
import { asCategorical, pValueMethod } from './method';

/**
 * Evidently's two-proportion z-test for a two-category column: the share of one category in
 * reference vs current, two-sided (2·normSf(|z|), exact where Evidently's 2·(1 − cdf) rounds to 0).
 */
export const zMethod = pValueMethod({
  id: 'z',
  label: 'Z-test',
  kinds: ['categorical'],
  defaultThreshold: 0.05,
  definition: 'two-proportion z-test of one category’s share (for two-category columns)',
  compute(reference, current) {
    const aligned = alignCategories(asCategorical(reference, 'z'), asCategorical(current, 'z'));
    const { statistic, pValue } = twoProportionZTest(aligned.reference[0]!, reference.count, aligned.current[0]!, current.count);
    return { score: pValue, test: { statistic, pValue } };
  },
});

import { twoProportionZTest } from '../../stats/z-test';
import { asCategorical, pValueMethod } from './method';
import { shareOfFirstCategory } from './share-category';

/**
 * Evidently's two-proportion z-test: the share of one category in reference vs current, two-sided
 * (2·normSf(|z|), exact where Evidently's 2·(1 − cdf) rounds to 0). The category is the first in
 * sorted order, against all others together when there are more than two — as Evidently does
 * (z_stattest.py: `keys = sorted(...)`, `keys[0]`); the result names it.
 */
export const zMethod = pValueMethod({
  id: 'z',
  label: 'Z-test',
  kinds: ['categorical'],
  defaultThreshold: 0.05,
  definition: 'two-proportion z-test of the share of the first category in sorted order',
  compute(reference, current) {
    const share = shareOfFirstCategory(asCategorical(reference, 'z'), asCategorical(current, 'z'));
    const { statistic, pValue } = twoProportionZTest(share.reference.count, reference.count, share.current.count, current.count);
    return { score: pValue, test: { statistic, pValue, category: share.category } };
  },
});

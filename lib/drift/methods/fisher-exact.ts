import { fisherExact2x2 } from '../../stats/fisher-exact';
import { asCategorical, pValueMethod } from './method';
import { shareOfFirstCategory } from './share-category';

/**
 * Fisher's exact test on the 2×2 table [[cur_rest, cur_a], [ref_rest, ref_a]], two-sided, where a
 * is the first category in sorted order: with two categories the table of category counts, with
 * more the share of a against all others — the same rule as `z` (Evidently refuses more than two
 * categories here; its z test takes this rule). Evidently requires equal-length samples; counts do not.
 */
export const fisherExactMethod = pValueMethod({
  id: 'fisher_exact',
  label: 'Fisher exact',
  kinds: ['categorical'],
  defaultThreshold: 0.1,
  definition: "Fisher's exact test on the share of the first category in sorted order (2×2 table of counts)",
  compute(reference, current) {
    const share = shareOfFirstCategory(asCategorical(reference, 'fisher_exact'), asCategorical(current, 'fisher_exact'));
    const table = [
      [share.current.rest, share.current.count],
      [share.reference.rest, share.reference.count],
    ] as const;
    const { statistic, pValue } = fisherExact2x2(table);
    return { score: pValue, test: { statistic: Number.isFinite(statistic) ? statistic : null, pValue, category: share.category } };
  },
});

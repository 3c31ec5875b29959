import { AnalysisError } from '../../errors';
import { fisherExact2x2 } from '../../stats/fisher-exact';
import { alignCategories } from '../categories';
import { asCategorical, pValueMethod } from './method';

/**
 * Fisher's exact test on the 2×2 table of category counts [[cur_b, cur_a], [ref_b, ref_a]]
 * (a < b in sort order), two-sided. Evidently requires equal-length samples; counts do not.
 */
export const fisherExactMethod = pValueMethod({
  id: 'fisher_exact',
  label: 'Fisher exact',
  kinds: ['categorical'],
  defaultThreshold: 0.1,
  definition: "Fisher's exact test on the 2×2 table of category counts (two-category columns)",
  compute(reference, current) {
    const aligned = alignCategories(asCategorical(reference, 'fisher_exact'), asCategorical(current, 'fisher_exact'));
    if (aligned.categories.length > 2) {
      throw new AnalysisError(
        'not-binary',
        `fisher_exact: needs a column with at most 2 categories, this one has ${aligned.categories.length} — use chisquare or g_test`,
      );
    }
    const order = aligned.categories.map((c, i) => [c, i] as const).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    const count = (side: number[], k: number): number => (order[k] ? side[order[k]![1]]! : 0);
    const table = [
      [count(aligned.current, 1), count(aligned.current, 0)],
      [count(aligned.reference, 1), count(aligned.reference, 0)],
    ] as const;
    const { statistic, pValue } = fisherExact2x2(table);
    return { score: pValue, test: { statistic: Number.isFinite(statistic) ? statistic : null, pValue } };
  },
});

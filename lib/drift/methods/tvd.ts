import { tvdPermutationTest } from '../../stats/tvd';
import { alignCategories } from '../categories';
import { asCategorical, pValueMethod } from './method';

/** Total variation distance ½ Σ |p − q| with a seeded permutation p-value (1000 permutations by default). */
export const tvdMethod = pValueMethod({
  id: 'TVD',
  label: 'Total variation',
  kinds: ['categorical'],
  defaultThreshold: 0.1,
  definition: 'total variation distance between the category distributions, with a seeded permutation p-value',
  compute(reference, current, context) {
    const aligned = alignCategories(asCategorical(reference, 'TVD'), asCategorical(current, 'TVD'));
    const result = tvdPermutationTest(aligned.reference, aligned.current, { seed: context.seed, permutations: context.permutations ?? 1000 });
    return {
      score: result.pValue,
      test: { statistic: result.statistic, pValue: result.pValue, seed: result.seed, permutations: result.permutations },
    };
  },
});

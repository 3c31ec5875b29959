import { empiricalMmd } from '../../stats/mmd';
import { moderateSamples } from '../../stats/power-of-two-scale';
import { asNumeric, pValueMethod } from './method';

/** Maximum mean discrepancy with an RBF kernel (median heuristic) and a seeded permutation p-value, as Evidently's mmd. */
export const empiricalMmdMethod = pValueMethod({
  id: 'empirical_mmd',
  label: 'Empirical MMD',
  kinds: ['numeric'],
  defaultThreshold: 0.1,
  definition: 'maximum mean discrepancy (RBF kernel, median bandwidth) with a seeded permutation p-value',
  compute(reference, current, context) {
    // The RBF kernel with the median bandwidth is scale-free; squared distances overflow (1e300) or vanish (1e-300) unscaled.
    const [a, b] = moderateSamples(asNumeric(reference, 'empirical_mmd').sorted, asNumeric(current, 'empirical_mmd').sorted);
    const result = empiricalMmd(a, b, {
      seed: context.seed,
      ...(context.permutations ? { permutations: context.permutations } : {}),
    });
    return {
      score: result.pValue,
      test: { statistic: result.statistic, pValue: result.pValue, seed: result.seed, permutations: result.permutations },
    };
  },
});

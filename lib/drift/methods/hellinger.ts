import { hellingerDiscrete, hellingerNumeric } from '../../stats/divergence';
import { moderateSamples } from '../../stats/power-of-two-scale';
import { binnedPair, distanceOutcome } from './binned';
import { distanceMethod } from './method';

/**
 * Hellinger distance: Evidently's own histogram for numeric columns (unless `bins` is set), categories
 * otherwise. Evidently multiplies densities per unit of the column, so its value depends on the scale:
 * the product underflows around 1e300 (distance 1) and overflows around 1e-300 (NaN). Values beyond
 * 2^±400 are divided by a power of two first (exact), which gives Evidently's value at a moderate scale.
 */
export const hellingerMethod = distanceMethod({
  id: 'hellinger',
  label: 'Hellinger',
  kinds: ['numeric', 'categorical'],
  defaultThreshold: 0.1,
  definition: 'Hellinger distance sqrt(1 − Σ sqrt(p·q)) between the two distributions',
  compute(reference, current, context) {
    if (reference.kind === 'numeric' && current.kind === 'numeric' && context.bins.kind === 'sturges') {
      const [a, b] = moderateSamples(reference.sorted, current.sorted);
      return distanceOutcome(hellingerNumeric(a, b));
    }
    const pair = binnedPair(reference, current, context, false);
    return distanceOutcome(hellingerDiscrete(pair.reference, pair.current), pair);
  },
});

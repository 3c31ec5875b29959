import { hellingerDiscrete, hellingerNumeric } from '../../stats/divergence';
import { binnedPair, distanceOutcome } from './binned';
import { distanceMethod } from './method';

/** Hellinger distance: Evidently's own histogram for numeric columns (unless `bins` is set), categories otherwise. */
export const hellingerMethod = distanceMethod({
  id: 'hellinger',
  label: 'Hellinger',
  kinds: ['numeric', 'categorical'],
  defaultThreshold: 0.1,
  definition: 'Hellinger distance sqrt(1 − Σ sqrt(p·q)) between the two distributions',
  compute(reference, current, context) {
    if (reference.kind === 'numeric' && current.kind === 'numeric' && context.bins.kind === 'sturges') {
      return distanceOutcome(hellingerNumeric(reference.sorted, current.sorted));
    }
    const pair = binnedPair(reference, current, context, false);
    return distanceOutcome(hellingerDiscrete(pair.reference, pair.current), pair);
  },
});

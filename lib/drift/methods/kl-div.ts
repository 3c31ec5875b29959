import { klDivergence } from '../../stats/divergence';
import { binnedPair, distanceOutcome } from './binned';
import { distanceMethod } from './method';

/** Kullback–Leibler divergence scipy.stats.entropy(ref, cur) over Evidently's bins (zero bins filled). */
export const klDivMethod = distanceMethod({
  id: 'kl_div',
  label: 'Kullback–Leibler',
  kinds: ['numeric', 'categorical'],
  defaultThreshold: 0.1,
  definition: 'Kullback–Leibler divergence KL(ref ‖ cur) (scipy entropy) over shared bins, empty bins filled',
  compute(reference, current, context) {
    const pair = binnedPair(reference, current, context, true);
    return distanceOutcome(klDivergence(pair.reference, pair.current), pair);
  },
});

import { psi } from '../../stats/divergence';
import { binnedPair, distanceOutcome } from './binned';
import { distanceMethod } from './method';

/** Population Stability Index over Evidently's bins (zero bins filled): Σ (ref − cur)·ln(ref/cur). */
export const psiMethod = distanceMethod({
  id: 'psi',
  label: 'PSI',
  kinds: ['numeric', 'categorical'],
  defaultThreshold: 0.1,
  definition: 'population stability index Σ (ref − cur)·ln(ref/cur) over shared bins, empty bins filled as Evidently does',
  compute(reference, current, context) {
    const pair = binnedPair(reference, current, context, true);
    return distanceOutcome(psi(pair.reference, pair.current), pair);
  },
});

import { jensenShannon } from '../../stats/divergence';
import { binnedPair, distanceOutcome } from './binned';
import { distanceMethod } from './method';

/** Jensen–Shannon distance scipy.spatial.distance.jensenshannon (natural log) over Evidently's bins. */
export const jensenShannonMethod = distanceMethod({
  id: 'jensenshannon',
  label: 'Jensen–Shannon',
  kinds: ['numeric', 'categorical'],
  defaultThreshold: 0.1,
  definition: 'Jensen–Shannon distance (scipy, natural log) between the binned distributions',
  compute(reference, current, context) {
    const pair = binnedPair(reference, current, context, false);
    return distanceOutcome(jensenShannon(pair.reference, pair.current), pair);
  },
});

import { energyDistance } from '../../stats/energy-distance';
import { asNumeric, distanceMethod } from './method';

/** Energy distance (scipy.stats.energy_distance); drifted when > threshold, as Evidently. */
export const energyDistanceMethod = distanceMethod({
  id: 'ed',
  label: 'Energy distance',
  kinds: ['numeric'],
  defaultThreshold: 0.1,
  strict: true,
  definition: 'energy distance between the two samples (scipy energy_distance)',
  compute(reference, current) {
    const value = energyDistance(asNumeric(reference, 'ed').sorted, asNumeric(current, 'ed').sorted);
    return { score: value, test: { statistic: value } };
  },
});

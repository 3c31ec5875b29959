import { normedWasserstein } from '../../stats/wasserstein';
import { asNumeric, distanceMethod } from './method';

/** Evidently's normed Wasserstein: scipy wasserstein_distance / max(std(ref, ddof=0), 0.001). */
export const wassersteinMethod = distanceMethod({
  id: 'wasserstein',
  label: 'Wasserstein (normed)',
  kinds: ['numeric'],
  defaultThreshold: 0.1,
  definition: 'Wasserstein-1 distance divided by the reference standard deviation (at least 0.001)',
  compute(reference, current) {
    const value = normedWasserstein(asNumeric(reference, 'wasserstein').sorted, asNumeric(current, 'wasserstein').sorted);
    return { score: value, test: { statistic: value } };
  },
});

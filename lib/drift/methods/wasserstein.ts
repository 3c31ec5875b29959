import { moderateSamples } from '../../stats/power-of-two-scale';
import { normedWasserstein } from '../../stats/wasserstein';
import { sortedStd, wassersteinRuns } from '../../profile/sorted-stats';
import { asNumeric, distanceMethod } from './method';

/** Evidently's normed Wasserstein: scipy wasserstein_distance / max(std(ref, ddof=0), 0.001). */
export const wassersteinMethod = distanceMethod({
  id: 'wasserstein',
  label: 'Wasserstein (normed)',
  kinds: ['numeric'],
  defaultThreshold: 0.1,
  definition: 'Wasserstein-1 distance divided by the reference standard deviation (at least 0.001)',
  compute(reference, current) {
    // Values beyond 2^±400 divided by a power of two (exact): scipy's std overflows around 1e300 and the score became NaN.
    const [a, b, k] = moderateSamples(asNumeric(reference, 'wasserstein').sorted, asNumeric(current, 'wasserstein').sorted);
    const value = normedWasserstein(a, b, k, sortedStd(a), wassersteinRuns(a, b));
    return { score: value, test: { statistic: value } };
  },
});

import { ks2Samp } from '../../stats/ks';
import { asNumeric, pValueMethod } from './method';

/** Two-sample Kolmogorov–Smirnov (scipy.stats.ks_2samp, method='auto'); drifted when p ≤ threshold. */
export const ksMethod = pValueMethod({
  id: 'ks',
  label: 'Kolmogorov–Smirnov',
  kinds: ['numeric'],
  defaultThreshold: 0.05,
  inclusive: true,
  definition: 'two-sample Kolmogorov–Smirnov test (scipy ks_2samp; exact p-value up to 10,000 values per side)',
  compute(reference, current) {
    const [a, b] = [asNumeric(reference, 'ks').sorted, asNumeric(current, 'ks').sorted];
    // The location (first value where |F_ref − F_cur| is largest) comes from the test's own merge walk.
    const { statistic, pValue, location } = ks2Samp(a, b);
    return { score: pValue, test: { statistic, pValue, location } };
  },
});

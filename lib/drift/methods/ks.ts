import { ks2Samp } from '../../stats/ks';
import { AnalysisError } from '../../errors';
import type { DriftMethod } from './method';

/** Two-sample Kolmogorov–Smirnov (scipy.stats.ks_2samp, method='auto'); drifted when p ≤ threshold. */
export const ksMethod: DriftMethod = {
  id: 'ks',
  label: 'Kolmogorov–Smirnov',
  kinds: ['numeric'],
  defaultThreshold: 0.05,
  scoreKind: 'p-value',
  definition: 'two-sample Kolmogorov–Smirnov test (scipy ks_2samp, exact p-value up to 10,000 values per side)',
  isDrifted: (p, threshold) => p <= threshold,
  compute(reference, current) {
    if (reference.kind !== 'numeric' || current.kind !== 'numeric') {
      throw new AnalysisError('method-kind', 'ks: needs numeric columns — use chisquare for categorical ones');
    }
    const { statistic, pValue } = ks2Samp(reference.sorted, current.sorted);
    return { score: pValue, test: { statistic, pValue } };
  },
};

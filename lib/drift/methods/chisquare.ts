import { chiSquare } from '../../stats/chisquare';
import { AnalysisError } from '../../errors';
import type { DriftMethod } from './method';

/**
 * Evidently's chi-square: over the union of categories, observed = current counts and
 * expected = reference counts × n_cur / n_ref; scipy.stats.chisquare(observed, expected).
 */
export const chiSquareMethod: DriftMethod = {
  id: 'chisquare',
  label: 'Chi-square',
  kinds: ['categorical'],
  defaultThreshold: 0.05,
  scoreKind: 'p-value',
  definition: 'chi-square goodness of fit of current category counts to the reference proportions',
  isDrifted: (p, threshold) => p < threshold,
  compute(reference, current) {
    if (reference.kind !== 'categorical' || current.kind !== 'categorical') {
      throw new AnalysisError('method-kind', 'chisquare: needs categorical columns — use ks for numeric ones');
    }
    const refCounts = new Map(reference.categories.map((c, i) => [c, reference.counts[i]!]));
    const curCounts = new Map(current.categories.map((c, i) => [c, current.counts[i]!]));
    const keys = [...new Set([...reference.categories, ...current.categories])];
    const scale = current.count / reference.count;
    const observed = keys.map((k) => curCounts.get(k) ?? 0);
    const expected = keys.map((k) => (refCounts.get(k) ?? 0) * scale);
    const { statistic, pValue } = chiSquare(observed, expected);
    // A category absent from the reference makes the statistic infinite (JSON: null) and p = 0.
    return Number.isFinite(statistic)
      ? { score: pValue, test: { statistic, pValue } }
      : { score: 0, test: { statistic: null, pValue: 0 } };
  },
};

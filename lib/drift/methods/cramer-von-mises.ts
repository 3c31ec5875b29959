import { cramerVonMises2Samp } from '../../stats/cramer-von-mises';
import { asNumeric, pValueMethod } from './method';

/** Two-sample Cramér–von Mises, scipy.stats.cramervonmises_2samp; drifted when p ≤ threshold, as Evidently. */
export const cramerVonMisesMethod = pValueMethod({
  id: 'cramer_von_mises',
  label: 'Cramér–von Mises',
  kinds: ['numeric'],
  defaultThreshold: 0.1,
  inclusive: true,
  definition: 'two-sample Cramér–von Mises test (scipy cramervonmises_2samp)',
  compute(reference, current) {
    const { statistic, pValue } = cramerVonMises2Samp(asNumeric(reference, 'cramer_von_mises').sorted, asNumeric(current, 'cramer_von_mises').sorted);
    return { score: pValue, test: { statistic, pValue } };
  },
});

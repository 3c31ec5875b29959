import { andersonKSamp } from '../../stats/anderson-ksamp';
import { asNumeric, pValueMethod } from './method';

/** k-sample Anderson–Darling, scipy.stats.anderson_ksamp; its p-value is capped to [0.001, 0.25] as scipy does. */
export const andersonMethod = pValueMethod({
  id: 'anderson',
  label: 'Anderson–Darling',
  kinds: ['numeric'],
  defaultThreshold: 0.1,
  definition: 'Anderson–Darling k-sample test (scipy anderson_ksamp; p-value capped to [0.001, 0.25])',
  compute(reference, current) {
    const { statistic, pValue } = andersonKSamp([asNumeric(reference, 'anderson').sorted, asNumeric(current, 'anderson').sorted]);
    return { score: pValue, test: { statistic, pValue } };
  },
});

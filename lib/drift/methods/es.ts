import { AnalysisError } from '../../errors';
import { eppsSingleton2Samp } from '../../stats/epps-singleton';
import { moderateSamples } from '../../stats/power-of-two-scale';
import { asNumeric, pValueMethod } from './method';

/** Epps–Singleton test on the empirical characteristic functions, scipy.stats.epps_singleton_2samp. */
export const eppsSingletonMethod = pValueMethod({
  id: 'es',
  label: 'Epps–Singleton',
  kinds: ['numeric'],
  defaultThreshold: 0.05,
  definition: 'Epps–Singleton test on the empirical characteristic functions (scipy epps_singleton_2samp)',
  compute(reference, current) {
    try {
      // Scale-free (the test standardises by the IQR); subnormal values (around 1e-310) would lose it.
      const [a, b] = moderateSamples(asNumeric(reference, 'es').sorted, asNumeric(current, 'es').sorted);
      const { statistic, pValue } = eppsSingleton2Samp(a, b);
      return { score: pValue, test: { statistic, pValue } };
    } catch (error) {
      if (error instanceof RangeError && /scale|IQR/i.test(error.message)) {
        throw new AnalysisError(
          'iqr-zero',
          'es: the interquartile range of the pooled values is 0, so the test is undefined — choose ks or chisquare for this column',
        );
      }
      throw error;
    }
  },
});

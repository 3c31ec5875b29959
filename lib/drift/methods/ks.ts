import { ks2Samp } from '../../stats/ks';
import { asNumeric, pValueMethod } from './method';

/** Where |F_ref − F_cur| is largest (first such value), walking both sorted samples once. */
export function ksLocation(a: Float64Array, b: Float64Array): { x: number; reference: number; current: number } {
  let i = 0;
  let j = 0;
  let best = { x: a[0] ?? b[0] ?? 0, reference: 0, current: 0 };
  let gap = -1;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i]! : b[j]!;
    while (i < a.length && a[i] === x) i++;
    while (j < b.length && b[j] === x) j++;
    const [fa, fb] = [i / a.length, j / b.length];
    if (Math.abs(fa - fb) > gap) {
      gap = Math.abs(fa - fb);
      best = { x, reference: fa, current: fb };
    }
  }
  return best;
}

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
    const { statistic, pValue } = ks2Samp(a, b);
    return { score: pValue, test: { statistic, pValue, location: ksLocation(a, b) } };
  },
});

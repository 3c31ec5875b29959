import { NeumaierSum } from '../../stats/neumaier-sum';
import type { Moments } from './types';

/**
 * n, mean and M2 of finite values in row order: compensated (Neumaier) sums, two passes, with the
 * corrected two-pass term M2 = Σd² − (Σd)²/n (Chan, Golub & LeVeque 1983) so M2 is within a few
 * ulp of the exact value even when the mean is near zero relative to the spread.
 */
export function momentsOf(values: ArrayLike<number>): Moments {
  const n = values.length;
  if (!n) return { n: 0, mean: 0, M2: 0, meanResidual: 0 };
  const sum = new NeumaierSum();
  for (let i = 0; i < n; i++) sum.add(values[i]!);
  const mean = sum.value / n;
  const squares = new NeumaierSum();
  const deviations = new NeumaierSum();
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    squares.add(d * d);
    deviations.add(d);
  }
  const M2 = squares.value - (deviations.value * deviations.value) / n;
  return { n, mean, M2: M2 > 0 ? M2 : 0, meanResidual: deviations.value / n };
}

/** Knuth's TwoSum: s = fl(a + b) and the exact error a + b − s. */
function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

/**
 * Chan, Golub & LeVeque (1979) pairwise update: δ = mean_b − mean_a,
 * mean = mean_a + δ·n_b/n, M2 = M2_a + M2_b + δ²·n_a·n_b/n — with each mean carried as
 * mean + meanResidual, so δ keeps its low digits when the means are large and close.
 */
export function mergeMoments(a: Moments, b: Moments): Moments {
  if (!a.n) return { ...b };
  if (!b.n) return { ...a };
  const n = a.n + b.n;
  const ra = a.meanResidual ?? 0;
  const rb = b.meanResidual ?? 0;
  const delta = b.mean - a.mean + (rb - ra);
  const [mean, error] = twoSum(a.mean, ra + (delta * b.n) / n);
  return { n, mean, M2: a.M2 + b.M2 + (delta * delta * a.n * b.n) / n, meanResidual: error };
}

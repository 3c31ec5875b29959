import { NeumaierSum } from '../../stats/neumaier-sum';
import type { Moments } from './types';

/**
 * n, mean and M2 of finite values in row order: compensated (Neumaier) sums, two passes, with the
 * corrected two-pass term M2 = Σd² − (Σd)²/n (Chan, Golub & LeVeque 1983) so M2 is within a few
 * ulp of the exact value even when the mean is near zero relative to the spread.
 */
export function momentsOf(values: ArrayLike<number>): Moments {
  const n = values.length;
  if (!n) return { n: 0, mean: 0, M2: 0 };
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
  return { n, mean, M2: M2 > 0 ? M2 : 0 };
}

/**
 * Chan, Golub & LeVeque (1979) pairwise update: δ = mean_b − mean_a,
 * mean = mean_a + δ·n_b/n, M2 = M2_a + M2_b + δ²·n_a·n_b/n.
 */
export function mergeMoments(a: Moments, b: Moments): Moments {
  if (!a.n) return { ...b };
  if (!b.n) return { ...a };
  const n = a.n + b.n;
  const delta = b.mean - a.mean;
  // Weighted form of the mean keeps full precision when both shard means are near zero.
  const mean = (a.n * a.mean + b.n * b.mean) / n;
  return { n, mean, M2: a.M2 + b.M2 + (delta * delta * a.n * b.n) / n };
}

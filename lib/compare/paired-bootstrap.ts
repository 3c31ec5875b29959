/**
 * Bootstrap 95% intervals of each metric difference a − b, seeded like lib/metrics/bootstrap.ts
 * (numpy's legacy RandomState, percentile intervals), so numpy redoes them:
 * - shadow (same rows): per resample `idx = rs.randint(0, n, size=n)`, both models measured on
 *   rows[idx] — a paired bootstrap;
 * - canary (independent groups): per resample `rs.randint(0, n_a, size=n_a)` then
 *   `rs.randint(0, n_b, size=n_b)`, each model on its own group's draw.
 * Each pair starts from `RandomState(seed)`, so a pair's interval does not depend on the others.
 * The value is the difference of the full-data metrics; a resample where either metric is
 * undefined is left out (as the metric bootstrap does).
 */
import { resampleGroups, type BootstrapOptions } from '../metrics/bootstrap';
import type { CompareInput, ModelSide } from './compare-input';
import { sideResampler } from './model-metrics';
import type { PairComparison } from './types';

export type Deltas = PairComparison['deltas'];

export function pairDeltas(
  input: CompareInput,
  a: ModelSide,
  b: ModelSide,
  metrics: readonly string[],
  values: { a: Record<string, number | null>; b: Record<string, number | null> },
  options: BootstrapOptions,
): Deltas {
  const ra = sideResampler(input, a);
  const rb = sideResampler(input, b);
  const paired = input.mode === 'shadow';
  const sizes = paired ? [a.rows.length] : [a.rows.length, b.rows.length];
  const intervals = resampleGroups(sizes, metrics, options, (counts, indices) => {
    const ma = ra(counts[0]!, indices[0]!);
    const mb = paired ? rb(counts[0]!, indices[0]!) : rb(counts[1]!, indices[1]!);
    return Object.fromEntries(metrics.map((m) => [m, ma[m] === null || mb[m] === null ? null : ma[m]! - mb[m]!]));
  });
  const out: Deltas = {};
  for (const m of metrics) {
    const [va, vb] = [values.a[m] ?? null, values.b[m] ?? null];
    const ci = intervals[m as keyof typeof intervals];
    out[m] = {
      value: va === null || vb === null ? null : va - vb,
      ci: ci ? [ci.lower, ci.upper] : [null, null],
      ...(va === null || vb === null ? { reason: `${m} undefined for ${va === null ? a.name : b.name}` } : ci ? {} : { reason: 'no resample defined it' }),
    };
  }
  return out;
}

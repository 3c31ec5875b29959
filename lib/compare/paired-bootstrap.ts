/**
 * Bootstrap 95% intervals of each metric difference a − b, seeded like lib/metrics/bootstrap.ts
 * (numpy's legacy RandomState, percentile intervals), so numpy redoes them:
 * - shadow (same rows): per resample `idx = rs.randint(0, n, size=n)`, both models measured on
 *   rows[idx] — a paired bootstrap;
 * - canary (independent groups): per resample `rs.randint(0, n_a, size=n_a)` then
 *   `rs.randint(0, n_b, size=n_b)`, each model on its own group's draw.
 * Each pair starts from `RandomState(seed)`, so a pair's interval does not depend on the others
 * (shadow pairs share one run: their draws are the same, and each model is measured once per resample).
 * The value is the difference of the full-data metrics; a resample where either metric is
 * undefined is left out (as the metric bootstrap does).
 */
import { resampleGroups, type BootstrapIntervals, type BootstrapOptions } from '../metrics/bootstrap';
import type { CompareInput } from './compare-input';
import { sideResampler } from './model-metrics';
import type { PairComparison } from './types';

export type Deltas = PairComparison['deltas'];
type Values = Record<string, number | null>;

/** Index pairs (i, j), i < j, in the models' order. */
export function pairIndexes(count: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < count; i++) for (let j = i + 1; j < count; j++) out.push([i, j]);
  return out;
}

const key = (pair: number, metric: string) => `${pair}\u0000${metric}`;

function deltasOf(
  input: CompareInput,
  [i, j]: [number, number],
  pair: number,
  metrics: readonly string[],
  values: Values[],
  intervals: BootstrapIntervals<string>,
): Deltas {
  const out: Deltas = {};
  for (const m of metrics) {
    const [va, vb] = [values[i]![m] ?? null, values[j]![m] ?? null];
    const ci = intervals[key(pair, m)];
    const undefinedFor = va === null ? input.sides[i]!.name : vb === null ? input.sides[j]!.name : null;
    out[m] = {
      value: va === null || vb === null ? null : va - vb,
      ci: ci ? [ci.lower, ci.upper] : [null, null],
      ...(undefinedFor !== null ? { reason: `${m} undefined for ${undefinedFor}` } : ci ? {} : { reason: 'no resample defined it' }),
    };
  }
  return out;
}

const diff = (a: Values, b: Values, m: string) => (a[m] === null || b[m] === null ? null : a[m]! - b[m]!);

/** The deltas of every pair (pairIndexes order); `values` are each model's full-data metrics. */
export function allPairDeltas(input: CompareInput, metrics: readonly string[], values: Values[], options: BootstrapOptions): Deltas[] {
  const pairs = pairIndexes(input.sides.length);
  const resamplers = input.sides.map((side) => sideResampler(input, side));
  if (input.mode === 'shadow') {
    const names = pairs.flatMap((_, p) => metrics.map((m) => key(p, m)));
    const intervals = resampleGroups([input.sides[0]!.rows.length], names, options, ([counts], [indices]) => {
      const measured = resamplers.map((r) => r(counts!, indices!));
      return Object.fromEntries(pairs.flatMap(([i, j], p) => metrics.map((m) => [key(p, m), diff(measured[i]!, measured[j]!, m)])));
    });
    return pairs.map((pair, p) => deltasOf(input, pair, p, metrics, values, intervals));
  }
  return pairs.map(([i, j], p) => {
    const { onProgress } = options;
    const intervals = resampleGroups(
      [input.sides[i]!.rows.length, input.sides[j]!.rows.length],
      metrics.map((m) => key(p, m)),
      { ...options, ...(onProgress ? { onProgress: (d: number, t: number) => onProgress(p * t + d, pairs.length * t) } : {}) },
      (counts, indices) => {
        const [a, b] = [resamplers[i]!(counts[0]!, indices[0]!), resamplers[j]!(counts[1]!, indices[1]!)];
        return Object.fromEntries(metrics.map((m) => [key(p, m), diff(a, b, m)]));
      },
    );
    return deltasOf(input, [i, j], p, metrics, values, intervals);
  });
}

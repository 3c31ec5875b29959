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

/** Each model's 95% percentile interval per metric (null bounds where no resample defined it). */
export type ModelIntervals = Record<string, [number | null, number | null]>;

const modelKey = (model: number, metric: string) => `model\u0000${model}\u0000${metric}`;

const boundsOf = (intervals: BootstrapIntervals<string>, name: string): [number | null, number | null] => {
  const ci = intervals[name];
  return ci ? [ci.lower, ci.upper] : [null, null];
};

/**
 * The deltas of every pair (pairIndexes order) and each model's own interval per metric; `values` are each model's
 * full-data metrics. A model's interval is the one the model-quality cell's bootstrap gives for its rows alone
 * (`RandomState(seed).randint(0, n, size=n)` per resample): in shadow mode it comes from the pairs' shared run
 * (the same draws), in canary mode from a run over its own group.
 */
export function allPairDeltas(
  input: CompareInput,
  metrics: readonly string[],
  values: Values[],
  options: BootstrapOptions,
): { deltas: Deltas[]; models: ModelIntervals[] } {
  const pairs = pairIndexes(input.sides.length);
  const resamplers = input.sides.map((side) => sideResampler(input, side));
  const modelsOf = (intervals: BootstrapIntervals<string>, index: (i: number) => number) =>
    input.sides.map((_, i) => Object.fromEntries(metrics.map((m) => [m, boundsOf(intervals, modelKey(index(i), m))])));
  if (input.mode === 'shadow') {
    const names = [...pairs.flatMap((_, p) => metrics.map((m) => key(p, m))), ...input.sides.flatMap((_, i) => metrics.map((m) => modelKey(i, m)))];
    const intervals = resampleGroups([input.sides[0]!.rows.length], names, options, ([counts], [indices]) => {
      const measured = resamplers.map((r) => r(counts!, indices!));
      return Object.fromEntries([
        ...pairs.flatMap(([i, j], p) => metrics.map((m) => [key(p, m), diff(measured[i]!, measured[j]!, m)])),
        ...measured.flatMap((values, i) => metrics.map((m) => [modelKey(i, m), values[m] ?? null])),
      ]);
    });
    return { deltas: pairs.map((pair, p) => deltasOf(input, pair, p, metrics, values, intervals)), models: modelsOf(intervals, (i) => i) };
  }
  const deltas = pairs.map(([i, j], p) => {
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
  const models = input.sides.map((side, i) => {
    const intervals = resampleGroups(
      [side.rows.length],
      metrics.map((m) => modelKey(0, m)),
      { ...options, onProgress: undefined },
      (counts, indices) => {
        const measured = resamplers[i]!(counts[0]!, indices[0]!);
        return Object.fromEntries(metrics.map((m) => [modelKey(0, m), measured[m] ?? null]));
      },
    );
    return modelsOf(intervals, () => 0)[0]!;
  });
  return { deltas, models };
}

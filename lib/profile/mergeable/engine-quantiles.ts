/**
 * Engine quantiles (EngineQuantiles, from SQL/DuckDB profiles): their rank-error bound and their merge.
 *
 * Bound. Let v_i be the engine's p_i-quantile: its true rank interval [F(v_i⁻), F(v_i)] holds p_i up
 * to δ (the engine's documented error; 0 for exact quantile_disc/percentile_disc) plus 1/n (engines
 * differ in index convention: ⌈p·n⌉ − 1 or ⌊(n − 1)·p⌋). For v_j ≤ x < v_{j+1}, F(x) ≥ F(v_j) ≥ p_j − δ'
 * and F(x) ≤ F(v_{j+1}⁻) ≤ p_{j+1} + δ' (δ' = δ + 1/n), so the midpoint of [p_j, p_{j+1}] (sketch.ts)
 * is within (p_{j+1} − p_j)/2 + δ' of F(x); the ends use p_{−1} = 0 and p_{m+1} = 1. On the grid
 * i/m: ε = 1/(2m) + δ + 1/n.
 *
 * Merge. Quantiles of two tables do not combine exactly. The weighted CDF G = (n_a·F̂_a + n_b·F̂_b)/n is
 * within ε₀ = (n_a·ε_a + n_b·ε_b)/n of the merged table's CDF; taking as new p-quantile the smallest
 * step x of G with G(x) ≥ p gives values whose rank intervals hold p up to ε₀, so the merged step CDF
 * is within (largest half gap) + ε₀: each merge widens the bound by at most 1/(2m) (0.05 % at m = 1000).
 */
import { AnalysisError } from '../../errors';
import { cdfRank, sketchCdf } from './sketch';
import type { EngineQuantiles } from './types';

/**
 * Half the widest gap between consecutive probabilities, 0 and 1 included. With the values, a gap
 * between two equal values is skipped: no x lies in [v, v), so it bounds nothing.
 */
export function largestHalfGap(probs: readonly number[], values?: readonly number[]): number {
  let gap = Math.max(probs[0] ?? 1, 1 - (probs[probs.length - 1] ?? 0));
  for (let i = 1; i < probs.length; i++) if (!values || values[i] !== values[i - 1]) gap = Math.max(gap, probs[i]! - probs[i - 1]!);
  return gap / 2;
}

/** ε of engine quantiles over n values: half gap + engine error + 1/n; null when the engine states no error. */
export function engineRankError(probs: readonly number[], n: number, engineError: number | null, values?: readonly number[]): number | null {
  if (engineError === null) return null;
  return Math.min(1, largestHalfGap(probs, values) + engineError + (n > 0 ? 1 / n : 0));
}

const MERGED = ' (merged)';

function mergedMethod(a: string, b: string): string {
  const [x, y] = [a.replace(MERGED, ''), b.replace(MERGED, '')];
  return `${x === y ? x : `${x} + ${y}`}${MERGED}`;
}

/** Merged engine quantiles on a's probabilities, with the widened bound above (see the header). */
export function mergeEngineQuantiles(a: EngineQuantiles, b: EngineQuantiles, column: string): EngineQuantiles {
  if (!a.n) return { ...b, probs: [...b.probs], values: [...b.values] };
  if (!b.n) return { ...a, probs: [...a.probs], values: [...a.values] };
  if (!a.probs.length || !b.probs.length)
    throw new AnalysisError('incompatible-profiles', `column "${column}": engine quantiles without values cannot be merged`);
  const n = a.n + b.n;
  const [ca, cb] = [sketchCdf(a), sketchCdf(b)];
  const items = [...new Set([...ca.items, ...cb.items])].sort((x, y) => x - y);
  const g = items.map((x) => (a.n * cdfRank(ca, x) + b.n * cdfRank(cb, x)) / n);
  const values: number[] = [];
  let j = 0;
  for (const p of a.probs) {
    while (j < items.length - 1 && g[j]! < p) j++;
    values.push(items[j]!);
  }
  const base = a.rankError === null || b.rankError === null ? null : (a.n * a.rankError + b.n * b.rankError) / n;
  return {
    n,
    probs: [...a.probs],
    values,
    rankError: base === null ? null : Math.min(1, largestHalfGap(a.probs, values) + base),
    method: mergedMethod(a.method, b.method),
  };
}

/**
 * Kernel SHAP (Lundberg & Lee 2017): the Shapley values as the weighted least-squares fit of
 * v(S) − v(∅) on coalition indicators, with the SHAP kernel (M−1)/(C(M,|S|)·|S|·(M−|S|)) and the
 * constraint Σφ = f(x) − v(∅). Coalitions are chosen as shap's KernelExplainer.explain does
 * (shap/explainers/_kernel.py): per size pair (s, M−s), enumerate every coalition while the budget
 * covers that size's share of the kernel weight, then sample the remaining sizes with each
 * coalition's complement (paired sampling), counting repeats as weight. The budget is capped at
 * 2^M − 2 coalitions, where every size is enumerated and the result is exact.
 */
import { AnalysisError } from '../errors';
import type { FeatureBatch } from '../models/types';
import { randomInterval, type Rng } from '../stats/random';
import { coalitionValues, type CoalitionContext } from './coalitions';
import { solveLinear } from './linear-solve';

export interface KernelCoalitions {
  /** M bytes per coalition (1 = the row's value). */
  masks: Uint8Array;
  weights: Float64Array;
  count: number;
}

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return Math.round(c);
}

/** The coalition budget: `samples`, capped at 2^M − 2 (where enumeration is complete). */
export function kernelBudget(m: number, samples: number): number {
  if (!Number.isSafeInteger(samples) || samples < 2) throw new RangeError(`kernel SHAP: samples must be an integer ≥ 2, got ${samples}`);
  return m <= 30 ? Math.min(samples, 2 ** m - 2) : samples;
}

/** Coalitions and their kernel weights for M features (M ≥ 2) within the budget. */
export function kernelCoalitions(m: number, samples: number, rng: Rng): KernelCoalitions {
  const budget = kernelBudget(m, samples);
  const masks = new Uint8Array(budget * m);
  const weights = new Float64Array(budget);
  let count = 0;
  const add = (mask: Uint8Array, w: number) => {
    masks.set(mask, count * m);
    weights[count++] = w;
  };
  const complement = (mask: Uint8Array) => mask.map((x) => 1 - x);

  const sizes = Math.ceil((m - 1) / 2);
  const paired = Math.floor((m - 1) / 2);
  // Kernel weight of each size s (and its complement size M − s when distinct), normalised.
  const sizeWeight = Array.from({ length: sizes }, (_, i) => ((m - 1) / ((i + 1) * (m - i - 1))) * (i < paired ? 2 : 1));
  const total = sizeWeight.reduce((a, b) => a + b, 0);
  for (let i = 0; i < sizes; i++) sizeWeight[i]! /= total;

  let full = 0;
  let left = budget;
  const remaining = [...sizeWeight];
  for (let s = 1; s <= sizes; s++) {
    const n = binomial(m, s) * (s <= paired ? 2 : 1);
    if (left * remaining[s - 1]! < n * (1 - 1e-8)) break;
    full++;
    left -= n;
    const share = remaining[s - 1]!;
    if (share < 1) for (let i = 0; i < sizes; i++) remaining[i]! /= 1 - share;
    const w = sizeWeight[s - 1]! / n;
    forEachCombination(m, s, (mask) => {
      add(mask, w);
      if (s <= paired) add(complement(mask), w);
    });
  }

  const fixed = count;
  if (full < sizes) {
    // Each draw adds a coalition and (paired sizes) its complement: halve those sizes' odds.
    const odds = sizeWeight.slice(full).map((w, i) => (i + full < paired ? w / 2 : w));
    const oddsTotal = odds.reduce((a, b) => a + b, 0);
    const seen = new Map<string, number>();
    const pick = new Uint32Array(m);
    for (let draws = 0; count < budget && draws < 4 * (budget - fixed); draws++) {
      let u = rng.nextDouble() * oddsTotal;
      let idx = 0;
      while (idx < odds.length - 1 && u >= odds[idx]!) u -= odds[idx++]!;
      const s = idx + full + 1;
      const mask = randomSubset(m, s, rng, pick);
      const key = mask.join('');
      const at = seen.get(key);
      if (at === undefined) {
        seen.set(key, count);
        add(mask, 1);
      } else weights[at] = weights[at]! + 1;
      if (count < budget && s <= paired) {
        if (at === undefined) add(complement(mask), 1);
        else weights[at + 1] = weights[at + 1]! + 1;
      }
    }
    // The sampled coalitions share the kernel weight the enumerated sizes left.
    const weightLeft = sizeWeight.slice(full).reduce((a, b) => a + b, 0);
    let sampled = 0;
    for (let k = fixed; k < count; k++) sampled += weights[k]!;
    for (let k = fixed; k < count; k++) weights[k] = (weights[k]! * weightLeft) / sampled;
  }
  return { masks: masks.subarray(0, count * m), weights: weights.subarray(0, count), count };
}

/** Calls `visit` with a mask for each s-subset of M, in lexicographic order. */
function forEachCombination(m: number, s: number, visit: (mask: Uint8Array) => void): void {
  const idx = Array.from({ length: s }, (_, i) => i);
  for (;;) {
    const mask = new Uint8Array(m);
    for (const i of idx) mask[i] = 1;
    visit(mask);
    let i = s - 1;
    while (i >= 0 && idx[i] === m - s + i) i--;
    if (i < 0) return;
    idx[i]!++;
    for (let j = i + 1; j < s; j++) idx[j] = idx[j - 1]! + 1;
  }
}

/** A uniform random s-subset of M as a mask (partial Fisher–Yates). */
function randomSubset(m: number, s: number, rng: Rng, order: Uint32Array): Uint8Array {
  for (let i = 0; i < m; i++) order[i] = i;
  const mask = new Uint8Array(m);
  for (let i = 0; i < s; i++) {
    const j = i + randomInterval(rng, m - 1 - i);
    [order[i], order[j]] = [order[j]!, order[i]!];
    mask[order[i]!] = 1;
  }
  return mask;
}

/**
 * Weighted least squares under Σφ = f(x) − base: φ_last is eliminated (φ_last = Δ − Σ_{j<last} φ_j),
 * leaving Σ_k w_k (v_k − base − z_k,last·Δ − Σ_j (z_kj − z_k,last) φ_j)² to minimise.
 */
export function solveKernel(coalitions: KernelCoalitions, v: Float64Array, m: number, baseValue: number, prediction: number): Float64Array {
  const delta = prediction - baseValue;
  if (m === 1) return Float64Array.of(delta);
  const p = m - 1;
  const { masks, weights, count } = coalitions;
  const xtwx = new Float64Array(p * p);
  const xtwy = new Float64Array(p);
  const row = new Float64Array(p);
  for (let k = 0; k < count; k++) {
    const last = masks[k * m + p]!;
    for (let j = 0; j < p; j++) row[j] = masks[k * m + j]! - last;
    const y = v[k]! - baseValue - last * delta;
    const w = weights[k]!;
    for (let a = 0; a < p; a++) {
      if (row[a] === 0) continue;
      xtwy[a] = xtwy[a]! + w * row[a]! * y;
      for (let b = 0; b < p; b++) xtwx[a * p + b] = xtwx[a * p + b]! + w * row[a]! * row[b]!;
    }
  }
  const beta = solveLinear(xtwx, xtwy, 'kernel SHAP');
  const phi = new Float64Array(m);
  phi.set(beta);
  phi[p] = delta - beta.reduce((a, b) => a + b, 0);
  return phi;
}

/** Kernel SHAP for one row with the given coalitions (the same for every row of a run). */
export async function kernelShap(
  ctx: CoalitionContext,
  row: FeatureBatch,
  rowAt: number,
  coalitions: KernelCoalitions,
  baseValue: number,
  prediction: number,
): Promise<Float64Array> {
  if (coalitions.count < ctx.features.length - 1) {
    throw new AnalysisError('too-few-samples', `kernel SHAP: ${coalitions.count} coalitions for ${ctx.features.length} features — use more samples`);
  }
  const v = await coalitionValues(ctx, row, rowAt, coalitions.masks);
  return solveKernel(coalitions, v, ctx.features.length, baseValue, prediction);
}

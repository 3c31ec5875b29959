/**
 * Exact interventional Shapley values by enumerating every coalition (Lundberg & Lee 2017, eq. 4
 * with the interventional value function): φ_i = Σ_{S ⊆ M∖{i}} |S|!(M−|S|−1)!/M! · (v(S ∪ {i}) − v(S)).
 * 2^M coalitions, each over the whole background: practical up to 12 features.
 */
import { AnalysisError } from '../errors';
import type { FeatureBatch } from '../models/types';
import { coalitionValues, type CoalitionContext } from './coalitions';

export const MAX_EXACT_FEATURES = 12;

/** Every coalition but the empty and the full one: coalition k has feature j iff bit j of k is set (k = 1 … 2^M − 2). */
export function innerCoalitions(m: number): Uint8Array {
  const count = 2 ** m - 2;
  const masks = new Uint8Array(count * m);
  for (let k = 1; k <= count; k++) for (let j = 0; j < m; j++) masks[(k - 1) * m + j] = (k >> j) & 1;
  return masks;
}

/** Shapley weights by coalition size s: s!(M−s−1)!/M!. */
export function shapleyWeights(m: number): Float64Array {
  const w = new Float64Array(m);
  // s!(M−s−1)!/M! = 1 / (M · C(M−1, s)).
  let binom = 1;
  for (let s = 0; s < m; s++) {
    w[s] = 1 / (m * binom);
    binom = (binom * (m - 1 - s)) / (s + 1);
  }
  return w;
}

/** φ from v indexed by coalition bit mask (v[0] = base value, v[2^M − 1] = f(x)). */
export function shapleyFromValues(v: Float64Array, m: number): Float64Array {
  const weights = shapleyWeights(m);
  const phi = new Float64Array(m);
  const full = 2 ** m;
  for (let mask = 0; mask < full; mask++) {
    let size = 0;
    for (let j = 0; j < m; j++) size += (mask >> j) & 1;
    if (size === m) continue;
    const w = weights[size]!;
    const base = v[mask]!;
    for (let j = 0; j < m; j++) if (!((mask >> j) & 1)) phi[j] = phi[j]! + w * (v[mask | (1 << j)]! - base);
  }
  return phi;
}

/** Exact values for one row, given the base value and f(x) in the explained space. */
export async function exactShap(
  ctx: CoalitionContext,
  row: FeatureBatch,
  rowAt: number,
  baseValue: number,
  prediction: number,
  masks: Uint8Array = innerCoalitions(ctx.features.length),
): Promise<Float64Array> {
  const m = ctx.features.length;
  if (m > MAX_EXACT_FEATURES) {
    throw new AnalysisError('too-many-features', `exact SHAP: ${m} features, at most ${MAX_EXACT_FEATURES} — use the kernel method`);
  }
  const inner = await coalitionValues(ctx, row, rowAt, masks);
  const v = new Float64Array(2 ** m);
  v.set(inner, 1);
  v[0] = baseValue;
  v[2 ** m - 1] = prediction;
  return shapleyFromValues(v, m);
}

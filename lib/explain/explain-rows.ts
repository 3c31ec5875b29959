/**
 * Shapley values for a list of rows: the base value and predictions in the explained space, then
 * exact enumeration or Kernel SHAP per row (the same coalitions for every row of a run, so a row's
 * values depend only on the seed, not on the other rows explained).
 */
import { AnalysisError } from '../errors';
import type { FeatureBatch } from '../models/types';
import { xoshiro128ss } from '../stats/random';
import { predictInSpace, type CoalitionContext } from './coalitions';
import { valueAt } from './features';
import { exactShap, innerCoalitions, MAX_EXACT_FEATURES } from './shap-exact';
import { kernelCoalitions, kernelShap, type KernelCoalitions } from './shap-kernel';
import type { ExplainedRow, ShapMethod } from './types';

export interface ShapPlan {
  method: 'exact' | 'kernel';
  coalitions: number;
  run: (ctx: CoalitionContext, rows: FeatureBatch, at: number, base: number, prediction: number) => Promise<Float64Array>;
}

/** Exact up to 12 features under `auto`; the kernel's coalitions drawn once from the seed. */
export function planShap(m: number, method: ShapMethod, samples: number, seed: number): ShapPlan {
  const chosen = method === 'auto' ? (m <= MAX_EXACT_FEATURES ? 'exact' : 'kernel') : method;
  if (chosen === 'exact') {
    if (m > MAX_EXACT_FEATURES) throw new AnalysisError('too-many-features', `exact SHAP: ${m} features, at most ${MAX_EXACT_FEATURES} — use --method kernel`);
    const masks = innerCoalitions(m);
    return { method: 'exact', coalitions: 2 ** m, run: (ctx, rows, at, base, fx) => exactShap(ctx, rows, at, base, fx, masks) };
  }
  if (m === 1) return { method: 'kernel', coalitions: 0, run: async (_ctx, _rows, _at, base, fx) => Float64Array.of(fx - base) };
  const coalitions: KernelCoalitions = kernelCoalitions(m, samples, xoshiro128ss(seed));
  return { method: 'kernel', coalitions: coalitions.count, run: (ctx, rows, at, base, fx) => kernelShap(ctx, rows, at, coalitions, base, fx) };
}

/** Predictions of a batch in the explained space, `batchRows` rows per call. */
export async function predictRows(ctx: CoalitionContext, batch: FeatureBatch): Promise<Float64Array> {
  const out = new Float64Array(batch.rows);
  for (let from = 0; from < batch.rows; from += ctx.batchRows) {
    const to = Math.min(batch.rows, from + ctx.batchRows);
    const columns: FeatureBatch['columns'] = {};
    for (const [name, c] of Object.entries(batch.columns)) columns[name] = c.slice(from, to);
    out.set(await predictInSpace(ctx, { rows: to - from, columns }), from);
  }
  return out;
}

/** Mean model output over the background in the explained space: v(∅). */
export async function baseValueOf(ctx: CoalitionContext): Promise<number> {
  const out = await predictRows(ctx, ctx.background);
  let sum = 0;
  for (const v of out) sum += v;
  return sum / out.length;
}

/** Explains every row of `rows` (indices = their 0-based data rows), calling `tick` after each. */
export async function explainRows(
  ctx: CoalitionContext,
  plan: ShapPlan,
  rows: FeatureBatch,
  indices: readonly number[],
  baseValue: number,
  tick: () => void,
): Promise<ExplainedRow[]> {
  const predictions = await predictRows(ctx, rows);
  const out: ExplainedRow[] = [];
  for (let at = 0; at < rows.rows; at++) {
    const phi = await plan.run(ctx, rows, at, baseValue, predictions[at]!);
    const shap: Record<string, number> = {};
    const values: ExplainedRow['values'] = {};
    ctx.features.forEach((f, j) => {
      shap[f] = phi[j]!;
      values[f] = valueAt(rows.columns[f]!, at);
    });
    out.push({ index: indices[at]!, prediction: predictions[at]!, shap, values });
    tick();
  }
  return out;
}

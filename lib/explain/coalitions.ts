/**
 * The value function of interventional Shapley values: v(S) = mean over background rows b of
 * g(f(x_S, b_S̄)) — the row's values for the features in S, the background's for the rest — with g
 * the output space's link applied to each model call. Coalitions are evaluated in batches of up
 * to `batchRows` model rows (coalitions × background rows).
 */
import { AnalysisError } from '../errors';
import type { FeatureBatch, Predictor } from '../models/types';
import type { Link } from './output-space';

export interface CoalitionContext {
  features: readonly string[];
  background: FeatureBatch;
  predictor: Predictor;
  link: Link;
  batchRows: number;
  signal?: AbortSignal;
  /** Model outputs clipped by the log-odds link so far (reported as a warning). */
  clipped: number;
}

/** Calls the predictor and applies the link, checking the output's length and values. */
export async function predictInSpace(ctx: CoalitionContext, batch: FeatureBatch): Promise<Float64Array> {
  if (ctx.signal?.aborted) throw new AnalysisError('cancelled', 'explain: cancelled');
  const out = Float64Array.from(await ctx.predictor(batch, ctx.signal));
  if (out.length !== batch.rows) throw new AnalysisError('model-output', `explain: the model returned ${out.length} values for ${batch.rows} rows`);
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i]!)) throw new AnalysisError('model-output', `explain: the model returned ${out[i]} (row ${i % batch.rows} of a batch)`);
  }
  ctx.clipped += ctx.link.apply(out);
  return out;
}

/** A batch of coalitions `from`..`to` (masks: M bytes per coalition, 1 = the row's value) for one row. */
function coalitionBatch(ctx: CoalitionContext, row: FeatureBatch, rowAt: number, masks: Uint8Array, from: number, to: number): FeatureBatch {
  const m = ctx.features.length;
  const b = ctx.background.rows;
  const rows = (to - from) * b;
  const columns: FeatureBatch['columns'] = {};
  ctx.features.forEach((name, j) => {
    const bg = ctx.background.columns[name]!;
    const own = row.columns[name]!;
    if (bg instanceof Float64Array && own instanceof Float64Array) {
      const out = new Float64Array(rows);
      const x = own[rowAt]!;
      for (let k = from; k < to; k++) {
        const at = (k - from) * b;
        if (masks[k * m + j]) out.fill(x, at, at + b);
        else out.set(bg, at);
      }
      columns[name] = out;
    } else {
      const out = new Array<string | null>(rows);
      const x = own[rowAt]!;
      for (let k = from; k < to; k++) {
        const at = (k - from) * b;
        for (let i = 0; i < b; i++) out[at + i] = (masks[k * m + j] ? x : bg[i]!) as string | null;
      }
      columns[name] = out;
    }
  });
  return { rows, columns };
}

/** v(S) for every coalition in `masks` (M bytes each) and the row `rowAt` of `row`. */
export async function coalitionValues(ctx: CoalitionContext, row: FeatureBatch, rowAt: number, masks: Uint8Array): Promise<Float64Array> {
  const m = ctx.features.length;
  const count = masks.length / m;
  const b = ctx.background.rows;
  const perCall = Math.max(1, Math.floor(ctx.batchRows / b));
  const values = new Float64Array(count);
  for (let from = 0; from < count; from += perCall) {
    const to = Math.min(count, from + perCall);
    const out = await predictInSpace(ctx, coalitionBatch(ctx, row, rowAt, masks, from, to));
    for (let k = from; k < to; k++) {
      let sum = 0;
      for (let i = 0; i < b; i++) sum += out[(k - from) * b + i]!;
      values[k] = sum / b;
    }
  }
  return values;
}

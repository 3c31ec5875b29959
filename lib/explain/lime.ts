/**
 * A LIME-style local surrogate (Ribeiro et al. 2016; lime's LimeTabularExplainer with
 * discretize_continuous=False, sample_around_instance=True): perturbations z = x + σ·ε around the
 * row (ε standard normal, σ the background's std, ddof 0; the first sample is the row itself),
 * weights √exp(−d²/width²) with d the distance in σ units (default width 0.75·√M), and a weighted
 * ridge fit (α = 1) of the model's output on ε. Coefficients are per σ, as lime's; the intercept is
 * the surrogate's value at the row. Fidelity is the fit's weighted R² (lime's `score`).
 */
import type { FeatureBatch } from '../models/types';
import { xoshiro128ss, type Rng } from '../stats/random';
import { predictInSpace, type CoalitionContext } from './coalitions';
import type { LimeExplanation } from './types';
import { weightedRidge } from './weighted-ridge';

export interface LimeOptions {
  samples: number;
  kernelWidth?: number;
  alpha: number;
  seed: number;
}

/** Standard normal draws by Box–Muller on the seeded stream. */
function normalDraws(rng: Rng, count: number): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i += 2) {
    const u = 1 - rng.nextDouble();
    const r = Math.sqrt(-2 * Math.log(u));
    const t = 2 * Math.PI * rng.nextDouble();
    out[i] = r * Math.cos(t);
    if (i + 1 < count) out[i + 1] = r * Math.sin(t);
  }
  return out;
}

function stdOf(values: Float64Array): number {
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  return Math.sqrt(ss / values.length);
}

/** The surrogate for row `rowAt` of `row`; null when a feature is not numeric (reason returned). */
export async function limeExplanation(
  ctx: CoalitionContext,
  row: FeatureBatch,
  rowAt: number,
  rowIndex: number,
  options: LimeOptions,
): Promise<LimeExplanation | string> {
  const m = ctx.features.length;
  const x = new Float64Array(m);
  const sigma = new Float64Array(m);
  for (const [j, name] of ctx.features.entries()) {
    const own = row.columns[name]!;
    const bg = ctx.background.columns[name]!;
    if (!(own instanceof Float64Array) || !(bg instanceof Float64Array))
      return `LIME: feature "${name}" is not numeric — the surrogate perturbs numeric features only`;
    x[j] = own[rowAt]!;
    sigma[j] = stdOf(bg.filter((v) => !Number.isNaN(v)));
  }
  const { samples, alpha, seed } = options;
  const width = options.kernelWidth ?? 0.75 * Math.sqrt(m);
  const eps = normalDraws(xoshiro128ss(seed), samples * m);
  eps.fill(0, 0, m);
  for (let j = 0; j < m; j++) if (!(sigma[j]! > 0)) for (let k = 0; k < samples; k++) eps[k * m + j] = 0;
  const columns: FeatureBatch['columns'] = {};
  ctx.features.forEach((name, j) => {
    columns[name] = Float64Array.from({ length: samples }, (_, k) => x[j]! + sigma[j]! * eps[k * m + j]!);
  });
  const y = await predictInSpace(ctx, { rows: samples, columns });
  const w = new Float64Array(samples);
  for (let k = 0; k < samples; k++) {
    let d2 = 0;
    for (let j = 0; j < m; j++) d2 += eps[k * m + j]! ** 2;
    w[k] = Math.sqrt(Math.exp(-d2 / (width * width)));
  }
  const fit = weightedRidge(eps, y, w, alpha);
  return {
    row: rowIndex,
    samples,
    kernelWidth: width,
    alpha,
    intercept: fit.intercept,
    coefficients: Object.fromEntries(ctx.features.map((name, j) => [name, fit.coefficients[j]!])),
    localPrediction: fit.intercept,
    prediction: y[0]!,
    fidelity: fit.r2,
  };
}

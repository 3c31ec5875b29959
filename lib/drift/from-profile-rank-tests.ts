/**
 * Anderson–Darling (scipy anderson_ksamp, midrank) and Cramér–von Mises (scipy cramervonmises_2samp)
 * from two quantile sketches read as weighted samples: the raw-row formulas over the pooled distinct values,
 * ties as midranks — so equal to the raw-row values when the sketches kept every value.
 *
 * The bound (derived in README "Drift and quality from profiles"): with t = H(x) the pooled CDF and
 * G(t) = F₁(H⁻¹(t)), A² = (n₁N/n₂)∫(G − t)²/(t(1−t)) dt and T = (n₁N/n₂)∫(G − t)² dt. Both G and its
 * sketch estimate satisfy |G − t| ≤ r·min(t, 1 − t), r = max(1, n₂/n₁), and |Ĝ − G| ≤ γ₁ =
 * 2ε₁ + (n₂/n₁)ε₂ + (N/n₁)(ĵ + 1/N) (ĵ: the largest pooled item weight / N; 1/N: a raw step, no ties).
 * Hence |Â² − A²| ≤ 4N·c and |T̂ − T| ≤ N·c/2 with c = max(1, n₁/n₂)·γ₁, the smaller over which side is 1;
 * anderson reports A² normalised by its null σ_N, so its bound is 4N·c/σ_N.
 */

import { andersonFromA2akn } from '../stats/anderson-ksamp';
import { cramerVonMisesFromU } from '../stats/cramer-von-mises';
import { NeumaierSum } from '../stats/neumaier-sum';
import { pooledSteps, weightedSample, type PooledSteps, type SketchSource, type WeightedSample } from './from-profile-sketch';
import type { TestOutcome } from './types';

/** Each side's normalised rank error ε. */
export interface RankErrors {
  reference: number;
  current: number;
}

/** The statistic and p-value, the bound on the statistic and its text (`limit` is Infinity when a rank error is unknown). */
export interface SketchOutcome {
  test: TestOutcome;
  limit: number;
  bound: string;
  /** The largest p-value of any statistic within the bound: sketch error alone never reads as drift. */
  conservativePValue: number;
}

/** c of the module comment: the CDF-gap error scaled for the smaller of the two choices of side 1. */
export function cdfGapError(steps: PooledSteps, n: { reference: number; current: number }, eps: RankErrors): number {
  const N = n.reference + n.current;
  let jump = 0;
  for (let k = 0; k < steps.z.length; k++) jump = Math.max(jump, (steps.a[k]! + steps.b[k]!) / N);
  const side = (n1: number, e1: number, n2: number, e2: number) => Math.max(1, n1 / n2) * (2 * e1 + (n2 / n1) * e2 + (N / n1) * (jump + 1 / N));
  return Math.min(side(n.reference, eps.reference, n.current, eps.current), side(n.current, eps.current, n.reference, eps.reference));
}

function pooledOf(reference: SketchSource, current: SketchSource): { x: WeightedSample; y: WeightedSample; steps: PooledSteps } {
  const [x, y] = [weightedSample(reference), weightedSample(current)];
  const steps = pooledSteps(x, y);
  if (steps.z.length < 2) throw new RangeError('needs more than one distinct value over both sides');
  return { x, y, steps };
}

/** The bound's text, or why there is none (an engine that documents no rank error). */
function boundText(formula: string, value: number): string {
  return Number.isFinite(value) ? `${formula} = ${value.toPrecision(4)} here` : `${formula}: no bound (a side's rank error is unknown)`;
}

/** scipy anderson_ksamp([ref, cur], midrank=True) on the sketches' weighted samples (Scholz & Stephens eq. 7). */
export function andersonFromSketches(reference: SketchSource, current: SketchSource, eps: RankErrors): SketchOutcome {
  const { x, y, steps } = pooledOf(reference, current);
  const n = [x.n, y.n];
  const N = n[0]! + n[1]!;
  if (N < 3) throw new RangeError('anderson_ksamp needs at least 3 observations in total');
  const sums = [new NeumaierSum(), new NeumaierSum()];
  const pos = [0, 0];
  let below = 0;
  for (let k = 0; k < steps.z.length; k++) {
    const f = [steps.a[k]!, steps.b[k]!];
    const lj = f[0]! + f[1]!;
    const bj = below + lj / 2;
    const denom = bj * (N - bj) - (N * lj) / 4;
    for (let i = 0; i < 2; i++) {
      pos[i]! += f[i]!;
      const d = N * (pos[i]! - f[i]! / 2) - bj * n[i]!;
      sums[i]!.add(((lj / N) * (d * d)) / denom);
    }
    below += lj;
  }
  const a2akn = (sums[0]!.value / n[0]! + sums[1]!.value / n[1]!) * ((N - 1) / N);
  const { statistic, pValue } = andersonFromA2akn(a2akn, n);
  // The normalisation is affine in A²: one more unit of A² moves the statistic by 1/σ_N.
  const perUnit = andersonFromA2akn(a2akn + 1, n).statistic - statistic;
  const squared = 4 * N * cdfGapError(steps, { reference: n[0]!, current: n[1]! }, eps);
  const conservativePValue = andersonFromA2akn(a2akn - squared, n).pValue;
  const bound = squared * perUnit;
  return { test: { statistic, pValue }, limit: bound, bound: boundText('|A − A_rows| ≤ 4·N·c/σ_N', bound), conservativePValue };
}

/** Σ_{t=1..w} (d − t)²: w tied copies at within-sample ranks a+1 … a+w, d = midrank − a. */
function tiedSquares(d: number, w: number): number {
  if (w === 1) return (d - 1) * (d - 1);
  const centre = d - (w + 1) / 2;
  return w * centre * centre + (w * (w * w - 1)) / 12;
}

/** scipy cramervonmises_2samp(ref, cur) on the sketches' weighted samples (Anderson 1962, eq. 9/10). */
export function cramerVonMisesFromSketches(reference: SketchSource, current: SketchSource, eps: RankErrors): SketchOutcome {
  const { x, y, steps } = pooledOf(reference, current);
  const [nx, ny] = [x.n, y.n];
  if (nx <= 1 || ny <= 1) throw new RangeError('cramervonmises_2samp: each side needs at least two values');
  const [sx, sy] = [new NeumaierSum(), new NeumaierSum()];
  let [below, ix, iy] = [0, 0, 0];
  for (let k = 0; k < steps.z.length; k++) {
    const [wx, wy] = [steps.a[k]!, steps.b[k]!];
    const r = below + (wx + wy + 1) / 2;
    if (wx > 0) sx.add(tiedSquares(r - ix, wx));
    if (wy > 0) sy.add(tiedSquares(r - iy, wy));
    [below, ix, iy] = [below + wx + wy, ix + wx, iy + wy];
  }
  const { statistic, pValue } = cramerVonMisesFromU(nx * sx.value + ny * sy.value, nx, ny);
  const bound = ((nx + ny) * cdfGapError(steps, { reference: nx, current: ny }, eps)) / 2;
  // U of the smallest T within the bound (T = U/(k·N) − (4k − 1)/(6N), k = nx·ny), never below 0.
  const [k, N] = [nx * ny, nx + ny];
  const lowU = Math.max(0, (statistic - bound + (4 * k - 1) / (6 * N)) * k * N);
  const conservativePValue = Number.isFinite(lowU) ? cramerVonMisesFromU(lowU, nx, ny).pValue : 1;
  return { test: { statistic, pValue }, limit: bound, bound: boundText('|T − T_rows| ≤ N·c/2', bound), conservativePValue };
}

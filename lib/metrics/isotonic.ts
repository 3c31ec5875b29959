/**
 * Isotonic regression as sklearn 1.2's IsotonicRegression(increasing=True, out_of_bounds='clip'),
 * reproduced operation for operation so fitted thresholds and predictions match it bit for bit:
 * 1. drop zero-weight points; sort by (x, y) (np.lexsort, stable);
 * 2. merge x values closer than 1e-15 (np.finfo(float64).resolution) into one point whose y is
 *    the weighted mean (sklearn's _make_unique);
 * 3. pool adjacent violators, merging equal neighbours too (_inplace_contiguous_isotonic_regression,
 *    Best & Chakravarti 1990, section 3), then clip to [yMin, yMax];
 * 4. keep only the first and last point of each flat run (trim_duplicates);
 * predict: clip x to the fitted range and interpolate linearly (np.interp, which scipy's interp1d
 * delegates to for 1-D float64 data).
 * The model is plain data, so it can be stored or sent to a worker.
 */
import { AnalysisError } from '../errors';

export interface IsotonicModel {
  /** Strictly increasing x thresholds (sklearn's X_thresholds_). */
  x: number[];
  /** Fitted values at the thresholds, non-decreasing (y_thresholds_). */
  y: number[];
}

export interface IsotonicOptions {
  weights?: ArrayLike<number>;
  yMin?: number;
  yMax?: number;
}

const RESOLUTION = 1e-15;

function check(x: ArrayLike<number>, y: ArrayLike<number>, weights: ArrayLike<number> | undefined): void {
  if (x.length !== y.length) throw new AnalysisError('length-mismatch', `isotonic fit: ${x.length} x values for ${y.length} y values — give one y per x`);
  if (weights && weights.length !== x.length) {
    throw new AnalysisError('length-mismatch', `isotonic fit: ${weights.length} weights for ${x.length} values — give one weight per value`);
  }
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]!) || !Number.isFinite(y[i]!) || (weights && !(weights[i]! >= 0 && weights[i]! < Infinity))) {
      throw new AnalysisError('non-finite', `isotonic fit: non-finite value at index ${i} — drop missing values first`);
    }
  }
}

/** Pool adjacent violators in place on (y, w); returns the solution in y. */
function poolAdjacentViolators(y: Float64Array, w: Float64Array): void {
  const n = y.length;
  // Active blocks [i..j]: target[i] = j and target[j] = i; y[i], w[i] hold the block's mean and weight.
  const target = new Int32Array(n);
  for (let i = 0; i < n; i++) target[i] = i;
  let i = 0;
  while (i < n) {
    let k = target[i]! + 1;
    if (k === n) break;
    if (y[i]! < y[k]!) {
      i = k;
      continue;
    }
    let sumWy = w[i]! * y[i]!;
    let sumW = w[i]!;
    for (;;) {
      const prevY = y[k]!;
      sumWy += w[k]! * y[k]!;
      sumW += w[k]!;
      k = target[k]! + 1;
      if (k === n || prevY < y[k]!) {
        y[i] = sumWy / sumW;
        w[i] = sumW;
        target[i] = k - 1;
        target[k - 1] = i;
        // Step back to the previous block: a merged block may now violate it.
        if (i > 0) i = target[i - 1]!;
        break;
      }
    }
  }
  for (let b = 0; b < n;) {
    const k = target[b]! + 1;
    y.fill(y[b]!, b + 1, k);
    b = k;
  }
}

/** Fit y ≈ f(x) with f non-decreasing, as sklearn IsotonicRegression(increasing=True).fit(x, y, weights). */
export function fitIsotonic(x: ArrayLike<number>, y: ArrayLike<number>, { weights, yMin, yMax }: IsotonicOptions = {}): IsotonicModel {
  check(x, y, weights);
  const kept: number[] = [];
  for (let i = 0; i < x.length; i++) if (!weights || weights[i]! > 0) kept.push(i);
  if (kept.length === 0) throw new AnalysisError('empty-sample', 'isotonic fit: no values with a positive weight — give at least one');
  kept.sort((a, b) => x[a]! - x[b]! || y[a]! - y[b]! || a - b);

  // _make_unique: weighted mean of y over x values within 1e-15 of the group's first x.
  const ux: number[] = [];
  const uy: number[] = [];
  const uw: number[] = [];
  let currentX = x[kept[0]!]!;
  let currentY = 0;
  let currentW = 0;
  for (const j of kept) {
    const xj = x[j]!;
    const wj = weights ? weights[j]! : 1;
    if (xj - currentX >= RESOLUTION) {
      ux.push(currentX);
      uw.push(currentW);
      uy.push(currentY / currentW);
      currentX = xj;
      currentW = wj;
      currentY = y[j]! * wj;
    } else {
      currentW += wj;
      currentY += y[j]! * wj;
    }
  }
  ux.push(currentX);
  uw.push(currentW);
  uy.push(currentY / currentW);

  const fitted = Float64Array.from(uy);
  poolAdjacentViolators(fitted, Float64Array.from(uw));
  if (yMin !== undefined || yMax !== undefined) {
    const lo = yMin ?? -Infinity;
    const hi = yMax ?? Infinity;
    for (let i = 0; i < fitted.length; i++) fitted[i] = Math.min(Math.max(fitted[i]!, lo), hi);
  }

  // Keep the ends of each flat run: interior points of a run add nothing to the interpolation.
  const m = fitted.length;
  const model: IsotonicModel = { x: [], y: [] };
  for (let i = 0; i < m; i++) {
    if (i === 0 || i === m - 1 || fitted[i] !== fitted[i - 1] || fitted[i] !== fitted[i + 1]) {
      model.x.push(ux[i]!);
      model.y.push(fitted[i]!);
    }
  }
  return model;
}

/** Predictions of a fitted model at x, as sklearn's predict with out_of_bounds='clip' (NaN stays NaN). */
export function predictIsotonic(model: IsotonicModel, x: ArrayLike<number>): Float64Array {
  const { x: xs, y: ys } = model;
  const m = xs.length;
  const lo = xs[0]!;
  const hi = xs[m - 1]!;
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const t = Math.min(Math.max(x[i]!, lo), hi);
    if (Number.isNaN(x[i]!)) out[i] = NaN;
    else if (m === 1) out[i] = ys[0]!;
    else out[i] = interpolate(xs, ys, t);
  }
  return out;
}

/** np.interp(t, xs, ys) for t within [xs[0], xs[last]]. */
function interpolate(xs: number[], ys: number[], t: number): number {
  const m = xs.length;
  // Largest j with xs[j] <= t (numpy's binary_search_with_guess).
  let a = 0;
  let b = m;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (t >= xs[mid]!) a = mid + 1;
    else b = mid;
  }
  const j = a - 1;
  if (j >= m - 1) return ys[m - 1]!;
  if (xs[j] === t) return ys[j]!;
  const slope = (ys[j + 1]! - ys[j]!) / (xs[j + 1]! - xs[j]!);
  return slope * (t - xs[j]!) + ys[j]!;
}

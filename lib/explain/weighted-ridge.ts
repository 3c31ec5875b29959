/**
 * Weighted ridge regression as scikit-learn's `Ridge(alpha, fit_intercept=True).fit(X, y,
 * sample_weight=w)`: centre X and y on their weighted means, solve (XᵀWX + αI)β = XᵀWy, intercept
 * ȳ − x̄·β; and its `score(X, y, sample_weight=w)`, the weighted R².
 */
import { solveLinear } from './linear-solve';

export interface RidgeFit {
  coefficients: Float64Array;
  intercept: number;
  /** Weighted R² on the training rows (1 − Σw(y−ŷ)² / Σw(y−ȳ)²; 1 when y is constant and fitted exactly). */
  r2: number;
}

/** x: n rows × p columns, row-major. */
export function weightedRidge(x: Float64Array, y: Float64Array, w: Float64Array, alpha: number): RidgeFit {
  const n = y.length;
  const p = x.length / n;
  let wSum = 0;
  const xMean = new Float64Array(p);
  let yMean = 0;
  for (let i = 0; i < n; i++) {
    wSum += w[i]!;
    yMean += w[i]! * y[i]!;
    for (let j = 0; j < p; j++) xMean[j] = xMean[j]! + w[i]! * x[i * p + j]!;
  }
  yMean /= wSum;
  for (let j = 0; j < p; j++) xMean[j] = xMean[j]! / wSum;
  const a = new Float64Array(p * p);
  const b = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const yc = y[i]! - yMean;
    for (let j = 0; j < p; j++) {
      const xj = x[i * p + j]! - xMean[j]!;
      b[j] = b[j]! + w[i]! * xj * yc;
      for (let k = 0; k < p; k++) a[j * p + k] = a[j * p + k]! + w[i]! * xj * (x[i * p + k]! - xMean[k]!);
    }
  }
  for (let j = 0; j < p; j++) a[j * p + j] = a[j * p + j]! + alpha;
  const coefficients = solveLinear(a, b, 'ridge');
  let intercept = yMean;
  for (let j = 0; j < p; j++) intercept -= xMean[j]! * coefficients[j]!;
  let residual = 0;
  let spread = 0;
  for (let i = 0; i < n; i++) {
    let fit = intercept;
    for (let j = 0; j < p; j++) fit += coefficients[j]! * x[i * p + j]!;
    residual += w[i]! * (y[i]! - fit) ** 2;
    spread += w[i]! * (y[i]! - yMean) ** 2;
  }
  const r2 = spread === 0 ? (residual === 0 ? 1 : 0) : 1 - residual / spread;
  return { coefficients, intercept, r2 };
}

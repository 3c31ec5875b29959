/**
 * L2-penalised logistic regression, the optimum scikit-learn's LogisticRegression(C) finds:
 * minimise C · Σ log-loss + ½‖w‖² (the intercept not penalised), solved here by Newton's method
 * with step halving until the step is below 1e-12 (the objective is strictly convex, so the
 * optimum is unique and any converged solver reaches it).
 */
import { AnalysisError } from '../errors';

export interface LogisticModel {
  weights: Float64Array;
  intercept: number;
}

const MAX_ITERATIONS = 100;

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
/** log(1 + e^z) without overflow. */
const softplus = (z: number): number => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));

function objective(x: Float64Array, y: ArrayLike<number>, rows: Int32Array, f: number, beta: Float64Array, c: number): number {
  let loss = 0;
  for (const i of rows) {
    let z = beta[f]!;
    for (let j = 0; j < f; j++) z += x[i * f + j]! * beta[j]!;
    loss += softplus(z) - y[i]! * z;
  }
  let penalty = 0;
  for (let j = 0; j < f; j++) penalty += beta[j]! * beta[j]!;
  return c * loss + penalty / 2;
}

/** Solves the symmetric positive definite system A s = b (Cholesky, A m × m row-major, overwritten). */
function solveSpd(a: Float64Array, b: Float64Array, m: number): Float64Array {
  for (let j = 0; j < m; j++) {
    let d = a[j * m + j]!;
    for (let k = 0; k < j; k++) d -= a[j * m + k]! * a[j * m + k]!;
    if (!(d > 0)) throw new AnalysisError('singular', 'logistic regression: the Hessian is not positive definite — a feature may be constant or duplicated');
    const l = Math.sqrt(d);
    a[j * m + j] = l;
    for (let i = j + 1; i < m; i++) {
      let s = a[i * m + j]!;
      for (let k = 0; k < j; k++) s -= a[i * m + k]! * a[j * m + k]!;
      a[i * m + j] = s / l;
    }
  }
  const s = Float64Array.from(b);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < i; k++) s[i] = s[i]! - a[i * m + k]! * s[k]!;
    s[i] = s[i]! / a[i * m + i]!;
  }
  for (let i = m - 1; i >= 0; i--) {
    for (let k = i + 1; k < m; k++) s[i] = s[i]! - a[k * m + i]! * s[k]!;
    s[i] = s[i]! / a[i * m + i]!;
  }
  return s;
}

/** Fits on the rows `rows` of the n × f matrix x with labels y (0/1). */
export function fitLogistic(x: Float64Array, y: ArrayLike<number>, rows: Int32Array, f: number, c = 1): LogisticModel {
  const m = f + 1;
  let beta = new Float64Array(m);
  let current = objective(x, y, rows, f, beta, c);
  const row = new Float64Array(m);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const gradient = new Float64Array(m);
    const hessian = new Float64Array(m * m);
    for (const i of rows) {
      for (let j = 0; j < f; j++) row[j] = x[i * f + j]!;
      row[f] = 1;
      let z = 0;
      for (let j = 0; j < m; j++) z += row[j]! * beta[j]!;
      const p = sigmoid(z);
      const w = c * p * (1 - p);
      const r = c * (p - y[i]!);
      for (let a = 0; a < m; a++) {
        gradient[a] = gradient[a]! + r * row[a]!;
        const wa = w * row[a]!;
        for (let b = 0; b <= a; b++) hessian[a * m + b] = hessian[a * m + b]! + wa * row[b]!;
      }
    }
    for (let a = 0; a < m; a++) for (let b = 0; b < a; b++) hessian[b * m + a] = hessian[a * m + b]!;
    for (let j = 0; j < f; j++) {
      gradient[j] = gradient[j]! + beta[j]!;
      hessian[j * m + j] = hessian[j * m + j]! + 1;
    }
    const step = solveSpd(hessian, gradient, m);
    let scale = 1;
    let next = beta.map((b, j) => b - step[j]!);
    let value = objective(x, y, rows, f, next, c);
    while (value > current && scale > 1e-10) {
      scale /= 2;
      next = beta.map((b, j) => b - scale * step[j]!);
      value = objective(x, y, rows, f, next, c);
    }
    const size = Math.max(...Array.from(step, (s) => Math.abs(s * scale)));
    beta = next;
    current = value;
    if (size < 1e-12) break;
  }
  return { weights: beta.slice(0, f), intercept: beta[f]! };
}

/** P(y = 1) of row i of the n × f matrix x. */
export function predictLogistic(model: LogisticModel, x: Float64Array, i: number, f: number): number {
  let z = model.intercept;
  for (let j = 0; j < f; j++) z += x[i * f + j]! * model.weights[j]!;
  return sigmoid(z);
}

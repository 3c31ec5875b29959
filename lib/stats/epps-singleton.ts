/**
 * Epps-Singleton two-sample test matching
 * scipy.stats.epps_singleton_2samp(x, y) (t = (0.4, 0.8)) of scipy 1.10.1:
 * empirical characteristic functions at t / (IQR / 2), their biased 4x4
 * covariance, a pseudo-inverse, the small-sample correction when both samples
 * have < 25 values, and the chi2 tail with df = rank of the covariance.
 */

import { chi2Sf } from './chisquare';
import { NeumaierSum } from './neumaier-sum';

export interface EppsSingletonResult {
  statistic: number;
  pValue: number;
}

const T1 = 0.4;
const T2 = 0.8;
const DIM = 4;
/** numpy.linalg.pinv's default rcond: singular values <= 1e-15 * max are dropped. */
const RCOND = 1e-15;

/**
 * k-th smallest value (0-based), partially reordering `arr` so that
 * arr[..k] <= arr[k] <= arr[k+1..] (Numerical Recipes `select`, median of 3).
 * Falls back to sorting the remaining window if partitioning degenerates.
 */
function selectInPlace(arr: Float64Array, k: number): number {
  const swap = (p: number, q: number): void => {
    const t = arr[p]!;
    arr[p] = arr[q]!;
    arr[q] = t;
  };
  let l = 0;
  let ir = arr.length - 1;
  const maxRounds = 4 * Math.ceil(Math.log2(arr.length + 1)) + 16;
  for (let round = 0; ; round++) {
    if (ir <= l + 1) {
      if (ir === l + 1 && arr[ir]! < arr[l]!) swap(l, ir);
      return arr[k]!;
    }
    if (round > maxRounds) {
      arr.subarray(l, ir + 1).sort();
      return arr[k]!;
    }
    swap((l + ir) >>> 1, l + 1);
    if (arr[l]! > arr[ir]!) swap(l, ir);
    if (arr[l + 1]! > arr[ir]!) swap(l + 1, ir);
    if (arr[l]! > arr[l + 1]!) swap(l, l + 1);
    let i = l + 1;
    let j = ir;
    const pivot = arr[l + 1]!;
    for (;;) {
      do i++;
      while (arr[i]! < pivot);
      do j--;
      while (arr[j]! > pivot);
      if (j < i) break;
      swap(i, j);
    }
    arr[l + 1] = arr[j]!;
    arr[j] = pivot;
    if (j >= k) ir = j - 1;
    if (j <= k) l = i;
  }
}

/** np.percentile(values, q) with the default 'linear' method (Hyndman & Fan type 7, numpy _lerp); reorders `values`. */
function percentile(values: Float64Array, q: number): number {
  const n = values.length;
  const vi = (n - 1) * (q / 100);
  const prev = Math.floor(vi);
  const a = selectInPlace(values, Math.min(prev, n - 1));
  if (vi >= n - 1) return a;
  let b = Infinity;
  for (let i = prev + 1; i < n; i++) if (values[i]! < b) b = values[i]!;
  const t = vi - prev;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** Means of [cos t1x, cos t2x, sin t1x, sin t2x] and their biased covariance (np.cov(bias=True)). */
function ecfMoments(x: ArrayLike<number>, ts1: number, ts2: number): { mean: number[]; cov: number[][] } {
  const n = x.length;
  const f = [new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const [c1, c2, s1, s2] = f as [Float64Array, Float64Array, Float64Array, Float64Array];
  for (let i = 0; i < n; i++) {
    const a1 = ts1 * x[i]!;
    const a2 = ts2 * x[i]!;
    c1[i] = Math.cos(a1);
    c2[i] = Math.cos(a2);
    s1[i] = Math.sin(a1);
    s2[i] = Math.sin(a2);
  }
  const sums = f.map((fr) => {
    const acc = new NeumaierSum();
    for (let i = 0; i < n; i++) acc.add(fr[i]!);
    return acc;
  });
  const mean = sums.map((s) => s.value / n);
  for (let r = 0; r < DIM; r++) {
    const fr = f[r]!;
    const m = mean[r]!;
    for (let i = 0; i < n; i++) fr[i] = fr[i]! - m;
  }
  const cov: number[][] = [[], [], [], []];
  for (let r = 0; r < DIM; r++) {
    for (let c = r; c < DIM; c++) {
      const fr = f[r]!;
      const fc = f[c]!;
      const acc = new NeumaierSum();
      for (let i = 0; i < n; i++) acc.add(fr[i]! * fc[i]!);
      // np.cov multiplies by 1 / fact rather than dividing.
      cov[r]![c] = cov[c]![r] = acc.value * (1 / n);
    }
  }
  return { mean, cov };
}

/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations
 * (Numerical Recipes `jacobi`), accurate to a few ulp of the largest eigenvalue.
 * Returns eigenvalues d and eigenvectors as columns of v.
 */
function jacobiEigen(input: number[][]): { d: number[]; v: number[][] } {
  const n = input.length;
  const a = input.map((row) => row.slice());
  const v = a.map((_, i) => a.map((__, j) => (i === j ? 1 : 0)));
  const d = a.map((row, i) => row[i]!);
  const b = d.slice();
  const z = d.map(() => 0);
  const rot = (s: number, tau: number, i: number, j: number, k: number, l: number, m: number[][]): void => {
    const g = m[i]![j]!;
    const h = m[k]![l]!;
    m[i]![j] = g - s * (h + g * tau);
    m[k]![l] = h + s * (g - h * tau);
  };
  for (let sweep = 1; sweep <= 100; sweep++) {
    let sm = 0;
    for (let p = 0; p < n - 1; p++) for (let q = p + 1; q < n; q++) sm += Math.abs(a[p]![q]!);
    if (sm === 0) break;
    const tresh = sweep < 4 ? (0.2 * sm) / (n * n) : 0;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p]![q]!;
        const g = 100 * Math.abs(apq);
        if (sweep > 4 && Math.abs(d[p]!) + g === Math.abs(d[p]!) && Math.abs(d[q]!) + g === Math.abs(d[q]!)) {
          a[p]![q] = 0;
        } else if (Math.abs(apq) > tresh) {
          let h = d[q]! - d[p]!;
          let t: number;
          if (Math.abs(h) + g === Math.abs(h)) t = apq / h;
          else {
            const theta = (0.5 * h) / apq;
            t = 1 / (Math.abs(theta) + Math.sqrt(1 + theta * theta));
            if (theta < 0) t = -t;
          }
          const c = 1 / Math.sqrt(1 + t * t);
          const s = t * c;
          const tau = s / (1 + c);
          h = t * apq;
          z[p] = z[p]! - h;
          z[q] = z[q]! + h;
          d[p] = d[p]! - h;
          d[q] = d[q]! + h;
          a[p]![q] = 0;
          for (let j = 0; j < p; j++) rot(s, tau, j, p, j, q, a);
          for (let j = p + 1; j < q; j++) rot(s, tau, p, j, j, q, a);
          for (let j = q + 1; j < n; j++) rot(s, tau, p, j, q, j, a);
          for (let j = 0; j < n; j++) rot(s, tau, j, p, j, q, v);
        }
      }
    }
    for (let p = 0; p < n; p++) {
      b[p] = b[p]! + z[p]!;
      d[p] = b[p]!;
      z[p] = 0;
    }
  }
  return { d, v };
}

/**
 * scipy.stats.epps_singleton_2samp(x, y) with t = (0.4, 0.8). Throws
 * RangeError for fewer than 5 values in a sample, non-finite values (both
 * ValueError in scipy) and a zero interquartile range of the pooled sample
 * (scipy 1.10 then fails inside the SVD with LinAlgError).
 */
export function eppsSingleton2Samp(x: ArrayLike<number>, y: ArrayLike<number>): EppsSingletonResult {
  const nx = x.length;
  const ny = y.length;
  if (nx < 5 || ny < 5) {
    throw new RangeError(`epps_singleton_2samp: x and y should have at least 5 elements, but len(x) = ${nx} and len(y) = ${ny}`);
  }
  const n = nx + ny;
  const pooled = new Float64Array(n);
  for (let i = 0; i < nx; i++) pooled[i] = x[i]!;
  for (let i = 0; i < ny; i++) pooled[nx + i] = y[i]!;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(pooled[i]!)) throw new RangeError(`epps_singleton_2samp: ${i < nx ? 'x' : 'y'} must not contain non-finite values`);
  }
  // scipy scales t by the semi-interquartile range: sigma = iqr(pooled) / 2.
  const p75 = percentile(pooled, 75);
  const sigma = (p75 - percentile(pooled, 25)) / 2;
  if (!(sigma > 0)) {
    throw new RangeError('epps_singleton_2samp: estimated scale of the data is zero (interquartile range of the pooled sample is 0)');
  }
  const ts1 = T1 / sigma;
  const ts2 = T2 / sigma;
  const mx = ecfMoments(x, ts1, ts2);
  const my = ecfMoments(y, ts1, ts2);
  const wx = n / nx;
  const wy = n / ny;
  const estCov = mx.cov.map((row, r) => row.map((cxv, c) => wx * cxv + wy * my.cov[r]![c]!));
  const gDiff = mx.mean.map((m, r) => m - my.mean[r]!);

  // Symmetric pseudo-inverse: 1 / lambda on eigenvalues above rcond * max |lambda| (numpy.linalg.pinv).
  const { d, v } = jacobiEigen(estCov);
  const lmax = Math.max(...d.map(Math.abs));
  let rank = 0;
  let quad = 0;
  for (let e = 0; e < DIM; e++) {
    if (!(Math.abs(d[e]!) > RCOND * lmax)) continue;
    rank++;
    let proj = 0;
    for (let r = 0; r < DIM; r++) proj += v[r]![e]! * gDiff[r]!;
    quad += (proj * proj) / d[e]!;
  }
  let w = n * quad;
  if (Math.max(nx, ny) < 25) {
    // Small-sample correction of Epps & Singleton (1986).
    const corr = 1 / (1 + n ** -0.45 + 10.1 * (nx ** -1.7 + ny ** -1.7));
    w = corr * w;
  }
  return { statistic: w, pValue: chi2Sf(w, rank) };
}

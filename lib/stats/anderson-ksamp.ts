/**
 * k-sample Anderson-Darling test matching scipy.stats.anderson_ksamp(samples)
 * (midrank=True) of scipy 1.10.1: Scholz & Stephens (1987) A2akN (eq. 7),
 * normalised by its exact null variance, with the p-value interpolated from
 * their Table 2 critical values and capped to [0.001, 0.25].
 */

import { NeumaierSum } from './neumaier-sum';

export interface AndersonKSampResult {
  /** Normalised statistic (A2akN - (k - 1)) / sigma_N. */
  statistic: number;
  /** Critical values for significance levels 25%, 10%, 5%, 2.5%, 1%, 0.5%, 0.1%. */
  criticalValues: number[];
  /** Interpolated p-value; exactly 0.25 / 0.001 when outside the table (scipy caps and warns). */
  pValue: number;
}

/** Significance levels of the critical-value table. */
const SIG = [0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001];
// Table 2 of Scholz & Stephens 1987: critical = b0 + b1 / sqrt(m) + b2 / m.
const B0 = [0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085];
const B1 = [-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615];
const B2 = [-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154];

/**
 * Least-squares quadratic through (x, y), as numpy.polyfit(x, y, 2): columns
 * of the Vandermonde matrix scaled to unit norm, solved by Householder QR
 * (numpy uses an SVD; both are backward stable on this well-conditioned fit).
 * Returns [c2, c1, c0] (highest power first).
 */
function polyfit2(x: readonly number[], y: readonly number[]): number[] {
  const rows = x.length;
  const a: number[][] = x.map((xi) => [xi * xi, xi, 1]);
  const scale = [0, 1, 2].map((j) => Math.sqrt(a.reduce((s, r) => s + r[j]! * r[j]!, 0)));
  for (const r of a) for (let j = 0; j < 3; j++) r[j] = r[j]! / scale[j]!;
  const rhs = y.slice();
  for (let j = 0; j < 3; j++) {
    let norm = 0;
    for (let i = j; i < rows; i++) norm += a[i]![j]! * a[i]![j]!;
    norm = Math.sqrt(norm);
    const alpha = a[j]![j]! > 0 ? -norm : norm;
    const v = new Float64Array(rows);
    for (let i = j; i < rows; i++) v[i] = a[i]![j]!;
    v[j] = v[j]! - alpha;
    let vv = 0;
    for (let i = j; i < rows; i++) vv += v[i]! * v[i]!;
    if (vv === 0) continue;
    // Reflect the remaining columns and the right-hand side: z -= 2 v (v.z) / (v.v).
    for (let col = j; col <= 3; col++) {
      let dot = 0;
      for (let i = j; i < rows; i++) dot += v[i]! * (col < 3 ? a[i]![col]! : rhs[i]!);
      const f = (2 * dot) / vv;
      for (let i = j; i < rows; i++) {
        if (col < 3) a[i]![col] = a[i]![col]! - f * v[i]!;
        else rhs[i] = rhs[i]! - f * v[i]!;
      }
    }
  }
  const c = [0, 0, 0];
  for (let j = 2; j >= 0; j--) {
    let s = rhs[j]!;
    for (let l = j + 1; l < 3; l++) s -= a[j]![l]! * c[l]!;
    c[j] = s / a[j]![j]!;
  }
  return c.map((cj, j) => cj / scale[j]!);
}

/** Sorted copy of one sample; rejects NaN / infinities (scipy would return NaN). */
function sortedCopy(sample: ArrayLike<number>, index: number): Float64Array {
  const out = Float64Array.from(sample);
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i]!)) throw new RangeError(`anderson_ksamp: sample ${index} contains a non-finite value`);
  }
  return out.sort();
}

/**
 * scipy.stats.anderson_ksamp(samples, midrank=True). Throws RangeError where
 * scipy raises: fewer than 2 samples, fewer than 2 distinct values, an empty
 * sample, or only 2 observations in total (scipy hits an IndexError). With 3
 * observations scipy's variance is 0/0 and the result is NaN, as here.
 */
export function andersonKSamp(samples: ArrayLike<number>[]): AndersonKSampResult {
  const k = samples.length;
  if (k < 2) throw new RangeError('anderson_ksamp needs at least two samples');
  const sorted = samples.map(sortedCopy);
  const n = sorted.map((s) => s.length);
  const N = n.reduce((s, v) => s + v, 0);

  // Distinct values of the pooled sample, visited by a k-way merge; per-sample
  // sums of the eq. 7 terms are compensated (Neumaier) in sum/comp.
  const pos = new Float64Array(k);
  const f = new Float64Array(k);
  const sum = new Float64Array(k);
  const comp = new Float64Array(k);
  let distinct = 0;
  let below = 0; // pooled count of values < z
  for (;;) {
    let z = Infinity;
    for (let i = 0; i < k; i++) if (pos[i]! < n[i]! && sorted[i]![pos[i]!]! < z) z = sorted[i]![pos[i]!]!;
    if (z === Infinity) break;
    distinct++;
    let lj = 0;
    for (let i = 0; i < k; i++) {
      const s = sorted[i]!;
      const start = pos[i]!;
      let p = start;
      while (p < n[i]! && s[p] === z) p++;
      pos[i] = p;
      f[i] = p - start;
      lj += p - start;
    }
    const bj = below + lj / 2;
    // Scholz & Stephens eq. 7 term, in scipy's operation order.
    const denom = bj * (N - bj) - (N * lj) / 4;
    for (let i = 0; i < k; i++) {
      const mij = pos[i]! - f[i]! / 2;
      const d = N * mij - bj * n[i]!;
      const term = ((lj / N) * (d * d)) / denom;
      const t = sum[i]! + term;
      comp[i] = comp[i]! + (Math.abs(sum[i]!) >= Math.abs(term) ? sum[i]! - t + term : term - t + sum[i]!);
      sum[i] = t;
    }
    below += lj;
  }
  if (distinct < 2) throw new RangeError('anderson_ksamp needs more than one distinct observation');
  if (n.some((v) => v === 0)) throw new RangeError('anderson_ksamp encountered sample without observations');
  if (N < 3) throw new RangeError('anderson_ksamp needs at least 3 observations in total');

  let a2akn = 0;
  for (let i = 0; i < k; i++) a2akn += (sum[i]! + comp[i]!) / n[i]!;
  a2akn *= (N - 1) / N;
  return andersonFromA2akn(a2akn, n);
}

/**
 * The rest of anderson_ksamp once A2akN is known: normalised by its null variance, critical values and
 * the interpolated, capped p-value (also used by drift from profiles, lib/drift/from-profile-rank-tests.ts).
 */
export function andersonFromA2akn(a2akn: number, n: readonly number[]): AndersonKSampResult {
  const k = n.length;
  const N = n.reduce((s, v) => s + v, 0);
  // Null variance of A2akN (Scholz & Stephens eq. 4), with h = sum_{i<N} 1/i and g as in scipy.
  let H = 0;
  for (const v of n) H += 1 / v;
  let hsCs = 0;
  const gSum = new NeumaierSum();
  for (let j = 0; j <= N - 3; j++) {
    hsCs += 1 / (N - 1 - j);
    gSum.add(hsCs / (j + 2));
  }
  const h = hsCs + 1;
  const g = gSum.value;
  const k2 = k * k;
  const a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * H;
  const b = (2 * g - 4) * k2 + 8 * h * k + (2 * g - 14 * h - 4) * H - 8 * h + 4 * g - 6;
  const c = (6 * h + 2 * g - 2) * k2 + (4 * h - 4 * g + 6) * k + (2 * h - 6) * H + 4 * h;
  const d = (2 * h + 6) * k2 - 4 * h * k;
  const N3 = Number(BigInt(N) ** 3n); // exact integer, rounded once like Python's int -> float
  const sigmasq = (a * N3 + b * (N * N) + c * N + d) / ((N - 1) * (N - 2) * (N - 3));
  if (sigmasq < 0) throw new RangeError('anderson_ksamp: negative variance estimate (too few observations)');
  const m = k - 1;
  const statistic = (a2akn - m) / Math.sqrt(sigmasq);

  const criticalValues = B0.map((b0, i) => b0 + B1[i]! / Math.sqrt(m) + B2[i]! / m);
  const cMin = Math.min(...criticalValues);
  const cMax = Math.max(...criticalValues);
  let pValue: number;
  if (statistic < cMin) pValue = 0.25;
  else if (statistic > cMax) pValue = 0.001;
  else {
    // scipy: exp(polyval(polyfit(critical, log(sig), 2), A2)).
    const coef = polyfit2(criticalValues, SIG.map(Math.log));
    let y = 0;
    for (const cf of coef) y = y * statistic + cf;
    pValue = Math.exp(y);
  }
  return { statistic, criticalValues, pValue };
}

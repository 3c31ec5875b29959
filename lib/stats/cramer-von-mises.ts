/**
 * Two-sample Cramér-von Mises test matching
 * scipy.stats.cramervonmises_2samp(x, y, method='auto') of scipy 1.10.1:
 * T from midranks (Anderson 1962, eq. 9/10); exact p-value when both samples
 * have <= 20 values, else the limiting one-sample distribution (eq. 15).
 */

import { besselKQuarter } from './bessel-k-quarter';
import { logGamma } from './gamma';
import { NeumaierSum } from './neumaier-sum';

export interface CramerVonMisesResult {
  statistic: number;
  pValue: number;
}

/** numpy's np.pi**1.5 (C pow), hard-coded so the engine's Math.pow cannot differ by an ulp. */
const PI_1_5 = 5.568327996831708;

function sortedFinite(values: ArrayLike<number>, label: string): Float64Array {
  const out = Float64Array.from(values);
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i]!)) throw new RangeError(`cramervonmises_2samp: ${label} contains a non-finite value`);
  }
  return out.sort();
}

/**
 * Limiting CDF of the one-sample statistic, scipy _cdf_cvm_inf
 * (Csörgő & Faraway 1996, eq. 1.2/1.3), summed until a term drops below 1e-7.
 */
export function cdfCvmInf(x: number): number {
  let tot = 0;
  const pre = PI_1_5 * Math.sqrt(x);
  for (let k = 0; ; k++) {
    // As scipy (not a recurrence): the Cephes lgamma rounding is part of the value being reproduced.
    const u = Math.exp(logGamma(k + 0.5) - logGamma(k + 1)) / pre;
    const y = 4 * k + 1;
    const q = (y * y) / (16 * x);
    const z = u * Math.sqrt(y) * Math.exp(-q) * besselKQuarter(q);
    tot += z;
    if (!(Math.abs(z) >= 1e-7)) break;
  }
  return tot;
}

/** Python's float floor division a // b (CPython float_floor_div). */
function pyFloorDiv(a: number, b: number): number {
  let mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) {
    mod += b;
    div -= 1;
  }
  if (div === 0) {
    const q = a / b;
    return q < 0 || Object.is(q, -0) ? -0 : 0; // copysign(0, a / b)
  }
  let fl = Math.floor(div);
  if (div - fl > 0.5) fl += 1;
  return fl;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * Exact null tail P(U >= s) for sample sizes m, n: scipy
 * _pval_cvm_2samp_exact (Xiao, Gordon & Yakovlev 2006, Algorithm 1), with
 * each frequency table kept as parallel sorted arrays so merges are linear.
 */
function pvalCvmExact(s: number, m: number, n: number): number {
  const lcm = (m / gcd(m, n)) * n;
  const a = lcm / m;
  const b = lcm / n;
  const mn = m * n;
  const zeta = pyFloorDiv(lcm * lcm * (m + n) * (6 * s - mn * (4 * mn - 1)), 6 * mn * mn);
  type Table = { v: Float64Array; f: Float64Array };
  const empty: Table = { v: new Float64Array(0), f: new Float64Array(0) };
  let gs: Table[] = [{ v: Float64Array.of(0), f: Float64Array.of(1) }];
  for (let v = 1; v <= m; v++) gs.push(empty);
  for (let u = 0; u <= n; u++) {
    const next: Table[] = [];
    let tmp = empty;
    for (let v = 0; v <= m; v++) {
      // g(u, v) = shift(g(u, v - 1) (+) g(u - 1, v)), shift = (a v - b u)^2 (eq. 11).
      const g = gs[v]!;
      const out: Table = { v: new Float64Array(tmp.v.length + g.v.length), f: new Float64Array(tmp.v.length + g.v.length) };
      const dv = a * v - b * u;
      const shift = dv * dv;
      let i = 0;
      let j = 0;
      let o = 0;
      while (i < tmp.v.length || j < g.v.length) {
        const vi = i < tmp.v.length ? tmp.v[i]! : Infinity;
        const vj = j < g.v.length ? g.v[j]! : Infinity;
        if (vi === vj) {
          out.v[o] = vi + shift;
          out.f[o++] = tmp.f[i++]! + g.f[j++]!;
        } else if (vi < vj) {
          out.v[o] = vi + shift;
          out.f[o++] = tmp.f[i++]!;
        } else {
          out.v[o] = vj + shift;
          out.f[o++] = g.f[j++]!;
        }
      }
      tmp = { v: out.v.subarray(0, o), f: out.f.subarray(0, o) };
      next.push(tmp);
    }
    gs = next;
  }
  const last = gs[m]!;
  let hits = 0;
  let total = 0;
  for (let i = 0; i < last.v.length; i++) {
    total += last.f[i]!;
    if (last.v[i]! >= zeta) hits += last.f[i]!;
  }
  return hits / total; // total = comb(m + n, m), exact below 2^53 for m, n <= 20
}

/**
 * scipy.stats.cramervonmises_2samp(x, y) (method='auto'). Throws RangeError
 * when a sample has fewer than two values (scipy raises ValueError).
 */
export function cramerVonMises2Samp(x: ArrayLike<number>, y: ArrayLike<number>): CramerVonMisesResult {
  const xa = sortedFinite(x, 'x');
  const ya = sortedFinite(y, 'y');
  const nx = xa.length;
  const ny = ya.length;
  if (nx <= 1 || ny <= 1) throw new RangeError('cramervonmises_2samp: x and y must contain at least two observations');

  // Sum of (midrank - within-sample rank)^2 per sample (eq. 10), by merging.
  const sx = new NeumaierSum();
  const sy = new NeumaierSum();
  let i = 0;
  let j = 0;
  while (i < nx || j < ny) {
    const z = Math.min(i < nx ? xa[i]! : Infinity, j < ny ? ya[j]! : Infinity);
    let i2 = i;
    let j2 = j;
    while (i2 < nx && xa[i2] === z) i2++;
    while (j2 < ny && ya[j2] === z) j2++;
    const r = i + j + (i2 - i + (j2 - j) + 1) / 2; // average rank of the tie group
    for (; i < i2; i++) sx.add((r - (i + 1)) * (r - (i + 1)));
    for (; j < j2; j++) sy.add((r - (j + 1)) * (r - (j + 1)));
  }
  let u = nx * sx.value;
  u += ny * sy.value;
  return cramerVonMisesFromU(u, nx, ny);
}

/**
 * T and its p-value from U = nx·Σ(r_i − i)² + ny·Σ(s_j − j)² (Anderson 1962, eq. 9/10), as scipy:
 * exact when both samples have ≤ 20 values, else the limiting distribution (also used by drift from profiles).
 */
export function cramerVonMisesFromU(u: number, nx: number, ny: number): CramerVonMisesResult {
  const exact = Math.max(nx, ny) <= 20;
  const k = nx * ny;
  const N = nx + ny;
  const statistic = u / (k * N) - (4 * k - 1) / (6 * N);

  let pValue: number;
  if (exact) pValue = pvalCvmExact(u, nx, ny);
  else {
    // Mean and variance of T (eq. 11, 14), normalised statistic (eq. 15).
    const et = (1 + 1 / N) / 6;
    const vt = ((N + 1) * (4 * k * N - 3 * (nx * nx + ny * ny) - 2 * k)) / (45 * N * N * 4 * k);
    const tn = 1 / 6 + (statistic - et) / Math.sqrt(45 * vt);
    pValue = tn < 0.003 ? 1 : Math.max(0, 1 - cdfCvmInf(tn));
  }
  return { statistic, pValue };
}

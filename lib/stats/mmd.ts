/**
 * Empirical maximum mean discrepancy test, mirroring Evidently 0.7's `empirical_mmd`
 * (src/evidently/legacy/calculations/stattests/mmd_stattest.py):
 * - squared distances as numpy forms them, (y² − 2xy) + x²;
 * - RBF kernel exp(−γ d) with γ = 1/(2σ²), σ = sqrt(½ · median of the reference–reference squared
 *   distances), the median over all n² pairs (zero diagonal included) with
 *   np.percentile(q=50, interpolation='nearest'); σ = sqrt(½) when that median is 0;
 * - MMD² = Σ_{i≠j} Kxx / (n(n−1)) + Σ_{i≠j} Kyy / (m(m−1)) − 2 · mean(Kxy);
 * - p = #{MMD²_perm ≥ MMD²_obs} / permutations over relabellings of the pooled sample
 *   (Evidently: 100 permutations, no +1).
 * Permutations use numpy's legacy MT19937, so with `seed: s` and no subsampling the p-value is
 * that of `np.random.seed(s); mmd_pval(x, y)` for x, y in the order given here, with one
 * deliberate difference: permutations whose MMD² equals the observed one up to rounding count
 * as ≥. Evidently compares raw floats, so on tied data (repeated values) its p-value depends on
 * numpy's summation order and exp rounding; e.g. its own tests expect 0.955 and 0.96 where
 * every permutation is ≥ the observed value and the p-value is 1.
 *
 * Evidently keeps the whole (n+m)² kernel matrix; here each side is first subsampled without
 * replacement to at most `maxSamples` values (default 1000, seeded: permutation(n)[:maxSamples]),
 * which keeps the kernel at ≤ 2·10^6 entries (16 MB) and the test well under a second.
 */

import { roundHalfEven } from './ks';
import { mt19937, permutation, type Rng } from './random';

export interface MmdOptions {
  permutations?: number;
  seed?: number;
  /** Per-side cap; larger samples are subsampled (result.sampled = true). */
  maxSamples?: number;
}

export interface MmdResult {
  /** Unbiased MMD² of the (sub)samples. */
  statistic: number;
  pValue: number;
  permutations: number;
  seed: number;
  sampled: boolean;
}

export const MMD_MAX_SAMPLES = 1000;

/**
 * A permuted MMD² within this of the observed one counts as a tie (≥). Each term is at most 2
 * and its rounding error ~1e-15, so mathematically tied splits (swapping equal values) would
 * otherwise fall either side at random, as they do in Evidently (see the module comment).
 */
const TIE_TOLERANCE = 1e-12;

/** Wirth's selection: the k-th smallest value (0-based); reorders `a`. */
function selectKth(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    do {
      while (a[i]! < pivot) i++;
      while (pivot < a[j]!) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    } while (i <= j);
    if (j < k) lo = i;
    if (k < i) hi = j;
  }
  return a[k]!;
}

/** Squared distance as numpy's squared_paired_dist: doty.T − 2·dot(x, y.T) + dotx. */
function sqDist(xi: number, yj: number): number {
  return yj * yj - 2 * (xi * yj) + xi * xi;
}

/** Evidently's sigma_median on the reference sample. */
function sigmaMedian(x: Float64Array): number {
  const n = x.length;
  const dist = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) dist[i * n + j] = sqDist(x[i]!, x[j]!);
  // np.percentile(q=50, 'nearest'): index around((N − 1) · 0.5), ties to even
  const k = roundHalfEven(dist.length * 0.5 - 0.5);
  const sigma = Math.sqrt(0.5 * selectKth(dist, k));
  return sigma === 0 ? Math.sqrt(0.5) : sigma;
}

function subsample(values: Float64Array, cap: number, rng: Rng): Float64Array {
  if (values.length <= cap) return values;
  const idx = permutation(values.length, rng);
  const out = new Float64Array(cap);
  for (let i = 0; i < cap; i++) out[i] = values[idx[i]!]!;
  return out;
}

/** Upper triangle (row-major, a < b) of the pooled kernel matrix with the diagonal removed. */
function pooledKernel(z: Float64Array, gamma: number): Float64Array {
  const N = z.length;
  const k = new Float64Array((N * (N - 1)) / 2);
  let p = 0;
  for (let a = 0; a < N; a++) {
    const za = z[a]!;
    for (let b = a + 1; b < N; b++) k[p++] = Math.exp(-gamma * sqDist(za, z[b]!));
  }
  return k;
}

/** Evidently's mmd_2samp for the split given by inX (1 = reference side). */
function mmdOfSplit(kernel: Float64Array, inX: Float64Array, inY: Float64Array, n: number, m: number): number {
  const N = n + m;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  let p = 0;
  for (let a = 0; a < N - 1; a++) {
    let toX = 0;
    let toY = 0;
    for (let b = a + 1; b < N; b++) {
      const v = kernel[p++]!;
      toX += v * inX[b]!;
      toY += v * inY[b]!;
    }
    if (inX[a] === 1) {
      sxx += toX;
      sxy += toY;
    } else {
      sxy += toX;
      syy += toY;
    }
  }
  // Kxx and Kyy hold each pair twice; the Kxy block once.
  const A = 1 / (n * (n - 1));
  const B = 1 / (m * (m - 1));
  return A * (2 * sxx) + B * (2 * syy) - 2.0 * (sxy / (n * m));
}

function checkSample(values: Float64Array, side: string): void {
  if (values.length < 2) throw new RangeError(`empirical_mmd: ${side} needs at least 2 values, got ${values.length}`);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new RangeError(`empirical_mmd: ${side} value ${i} is ${values[i]}, values must be finite`);
  }
}

/** Empirical MMD test; inputs need not be sorted (the order only steers the permutation stream). */
export function empiricalMmd(
  sortedRef: Float64Array,
  sortedCur: Float64Array,
  { permutations = 100, seed = 42, maxSamples = MMD_MAX_SAMPLES }: MmdOptions = {},
): MmdResult {
  checkSample(sortedRef, 'reference');
  checkSample(sortedCur, 'current');
  if (!Number.isInteger(permutations) || permutations < 1) throw new RangeError(`empirical_mmd: permutations must be a positive integer, got ${permutations}`);
  if (!Number.isInteger(maxSamples) || maxSamples < 2) throw new RangeError(`empirical_mmd: maxSamples must be an integer ≥ 2, got ${maxSamples}`);
  const rng = mt19937(seed);
  const x = subsample(sortedRef, maxSamples, rng);
  const y = subsample(sortedCur, maxSamples, rng);
  const n = x.length;
  const m = y.length;
  const N = n + m;
  const sigma = sigmaMedian(x);
  const gamma = 1.0 / (2.0 * (sigma * sigma));
  const z = new Float64Array(N);
  z.set(x);
  z.set(y, n);
  const kernel = pooledKernel(z, gamma);

  const inX = new Float64Array(N);
  const inY = new Float64Array(N);
  const split = (isX: (position: number) => boolean): number => {
    for (let a = 0; a < N; a++) {
      const v = isX(a) ? 1 : 0;
      inX[a] = v;
      inY[a] = 1 - v;
    }
    return mmdOfSplit(kernel, inX, inY, n, m);
  };
  const statistic = split((a) => a < n);
  const rank = new Uint32Array(N);
  let exceed = 0;
  for (let r = 0; r < permutations; r++) {
    // Evidently permutes the kernel matrix with np.random.permutation(N); the first n become X.
    const idx = permutation(N, rng);
    for (let t = 0; t < N; t++) rank[idx[t]!] = t;
    if (split((a) => rank[a]! < n) >= statistic - TIE_TOLERANCE) exceed++;
  }
  return { statistic, pValue: exceed / permutations, permutations, seed, sampled: n < sortedRef.length || m < sortedCur.length };
}

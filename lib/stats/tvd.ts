/**
 * Total variation distance between two categorical samples and its permutation test.
 *
 * Two p-values are offered:
 * - tvdPermutationTest: ours. Counts in, B seeded relabellings drawn as multivariate
 *   hypergeometric compositions (xoshiro128**), p = (1 + #{TVD_perm ≥ TVD_obs}) / (1 + B).
 * - tvdPermutationTestEvidently: Evidently 0.7's tvd_stattest.py + utils.permutation_test
 *   replayed exactly: np.random.seed(0), 1000 × np.random.choice(pooled rows, n_ref,
 *   replace=False), p = #{TVD_obs ≤ |TVD_perm|} / 1000. It needs the rows in their order
 *   (the draw picks row positions) and costs O(1000 · rows).
 */

import { permutationPValue, sampleWithoutReplacement } from './permutation';
import { numpySum } from './numpy-sum';
import { maskFor, mt19937, xoshiro128ss } from './random';

export interface TvdTestOptions {
  permutations?: number;
  seed?: number;
}

export interface TvdTestResult {
  /** ½ Σ |p − q| over the categories present on either side. */
  statistic: number;
  pValue: number;
  permutations: number;
  seed: number;
}

function sideTotal(counts: ArrayLike<number>, side: string): number {
  let n = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    if (!Number.isSafeInteger(c) || c < 0) throw new RangeError(`tvd: ${side} count ${i} is ${c}, counts must be non-negative integers`);
    n += c;
  }
  if (n === 0) throw new RangeError(`tvd: ${side} has no values`);
  return n;
}

/**
 * ½ Σ |ref/n_ref − cur/n_cur| over categories with a value on either side, summed as numpy does
 * (Evidently tvd_stattest.py _total_variation_distance). Counts are aligned by index.
 */
export function totalVariation(refCounts: ArrayLike<number>, curCounts: ArrayLike<number>): number {
  if (refCounts.length !== curCounts.length) throw new RangeError(`tvd: reference has ${refCounts.length} categories, current ${curCounts.length}`);
  const nr = sideTotal(refCounts, 'reference');
  const nc = sideTotal(curCounts, 'current');
  const terms: number[] = [];
  for (let i = 0; i < refCounts.length; i++) {
    const r = refCounts[i]!;
    const c = curCounts[i]!;
    if (r + c > 0) terms.push(Math.abs(r / nr - c / nc));
  }
  return 0.5 * numpySum(terms);
}

function checkRuns(permutations: number, seed: number): void {
  if (!Number.isInteger(permutations) || permutations < 1) throw new RangeError(`tvd: permutations must be a positive integer, got ${permutations}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`tvd: seed must be an integer, got ${seed}`);
}

/**
 * Permutation test of TVD on aligned category counts. Each permutation draws the reference
 * composition of a random split of the pooled labels (exact multivariate hypergeometric), so
 * the cost is independent of the row count. Ties are compared exactly on the integer
 * numerator Σ |r·n_cur − c·n_ref| while it fits in 2^53.
 */
export function tvdPermutationTest(
  refCounts: ArrayLike<number>,
  curCounts: ArrayLike<number>,
  { permutations = 1000, seed = 42 }: TvdTestOptions = {},
): TvdTestResult {
  checkRuns(permutations, seed);
  const statistic = totalVariation(refCounts, curCounts);
  const nr = sideTotal(refCounts, 'reference');
  const nc = sideTotal(curCounts, 'current');
  const totals = Float64Array.from(refCounts, (r, i) => r + curCounts[i]!);
  const exact = 2 * nr * nc <= Number.MAX_SAFE_INTEGER;
  const numerator = (ref: ArrayLike<number>): number => {
    let d = 0;
    for (let i = 0; i < ref.length; i++) d += Math.abs(ref[i]! * nc - (totals[i]! - ref[i]!) * nr);
    return d;
  };
  const observed = exact ? numerator(refCounts) : statistic;
  const rng = xoshiro128ss(seed);
  let exceed = 0;
  const ref = new Float64Array(totals.length);
  for (let b = 0; b < permutations; b++) {
    sampleWithoutReplacement(totals, nr, rng, ref);
    if (exact) {
      if (numerator(ref) >= observed) exceed++;
    } else {
      const cur = totals.map((t, i) => t - ref[i]!);
      if (totalVariation(ref, cur) >= observed * (1 - 1e-12)) exceed++;
    }
  }
  return { statistic, pValue: permutationPValue(exceed, permutations), permutations, seed };
}

/**
 * Evidently's TVD p-value, bit for bit: rows as category codes (0..k−1) in row order. Codes
 * stand in for Evidently's keys, whose order is Python's set order (ascending for small
 * non-negative integers; hash-dependent for strings, where Evidently itself may differ in the
 * last bit of the sum).
 */
export function tvdPermutationTestEvidently(
  refCodes: ArrayLike<number>,
  curCodes: ArrayLike<number>,
  { permutations = 1000, seed = 0 }: TvdTestOptions = {},
): TvdTestResult {
  checkRuns(permutations, seed);
  const nr = refCodes.length;
  const n = nr + curCodes.length;
  const pooled = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const code = i < nr ? refCodes[i]! : curCodes[i - nr]!;
    if (!Number.isInteger(code) || code < 0 || code > 0x7fffffff) throw new RangeError(`tvd: row ${i} has code ${code}, codes must be non-negative integers`);
    pooled[i] = code;
    if (code >= k) k = code + 1;
  }
  const totals = new Float64Array(k);
  const cur = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    totals[pooled[i]!]!++;
    if (i >= nr) cur[pooled[i]!]!++;
  }
  const split = (): [Float64Array, Float64Array] => [totals.map((t, c) => t - cur[c]!), cur];
  const statistic = totalVariation(...split());

  // utils.permutation_test: np.random.seed(seed) then choice(pooled, n_ref, replace=False),
  // i.e. permutation(n)[:n_ref]. Position i ≥ n_ref is final once step i has swapped it, and the
  // steps below n_ref only reorder the reference block, so those just consume their draws.
  const rng = mt19937(seed);
  const work = new Int32Array(n);
  let exceed = 0;
  for (let b = 0; b < permutations; b++) {
    work.set(pooled);
    cur.fill(0);
    let mask = maskFor(n - 1);
    for (let i = n - 1; i > 0; i--) {
      // randomInterval(rng, i), inlined with the mask narrowed as i falls
      if (i <= mask >>> 1) mask >>>= 1;
      let j: number;
      do j = (rng.nextUint32() & mask) >>> 0;
      while (j > i);
      if (i < nr) continue;
      const t = work[i]!;
      work[i] = work[j]!;
      work[j] = t;
      cur[work[i]!]!++;
    }
    if (statistic <= Math.abs(totalVariation(...split()))) exceed++;
  }
  return { statistic, pValue: exceed / permutations, permutations, seed };
}

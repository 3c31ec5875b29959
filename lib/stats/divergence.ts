/**
 * Distances between two binned distributions, as Evidently 0.7's stattests compute them
 * (src/evidently/legacy/calculations/stattests/): psi.py, kl_div.py, jensenshannon.py and
 * hellinger_distance.py. Inputs are per-bin proportions aligned by index (see
 * lib/drift/binning.ts); psi and kl_div expect Evidently's zero filling to have been applied.
 */

import { histogramCounts, sturgesEdgesOfRange } from './histogram';

function checkPair(ref: ArrayLike<number>, cur: ArrayLike<number>, what: string): void {
  if (ref.length !== cur.length) throw new RangeError(`${what}: reference has ${ref.length} bins, current ${cur.length}`);
}

function total(p: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += p[i]!;
  return s;
}

/** scipy.special.rel_entr(x, y): x·log(x/y), 0 when x = 0 ≤ y, +Infinity otherwise. */
function relEntr(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x > 0 && y > 0) return x * Math.log(x / y);
  if (x === 0 && y >= 0) return 0;
  return Infinity;
}

/**
 * Population stability index Σ (ref − cur)·ln(ref/cur) (Evidently psi.py _psi). An empty bin
 * gives Infinity (or NaN when empty on both sides), as numpy does: fill zeroes first.
 */
export function psi(ref: ArrayLike<number>, cur: ArrayLike<number>): number {
  checkPair(ref, cur, 'psi');
  let s = 0;
  for (let i = 0; i < ref.length; i++) s += (ref[i]! - cur[i]!) * Math.log(ref[i]! / cur[i]!);
  return s;
}

/**
 * Kullback–Leibler divergence KL(ref ‖ cur) = scipy.stats.entropy(ref, cur) (Evidently kl_div.py):
 * both sides are renormalised to sum 1 first, natural log.
 */
export function klDivergence(ref: ArrayLike<number>, cur: ArrayLike<number>): number {
  checkPair(ref, cur, 'kl_div');
  const sp = total(ref);
  const sq = total(cur);
  let s = 0;
  for (let i = 0; i < ref.length; i++) s += relEntr((1.0 * ref[i]!) / sp, (1.0 * cur[i]!) / sq);
  return s;
}

/**
 * Jensen–Shannon distance, natural log (scipy.spatial.distance.jensenshannon(p, q), base=None;
 * Evidently jensenshannon.py, without zero filling): sqrt((KL(p‖m) + KL(q‖m)) / 2), m = (p+q)/2.
 */
export function jensenShannon(ref: ArrayLike<number>, cur: ArrayLike<number>): number {
  checkPair(ref, cur, 'jensenshannon');
  const sp = total(ref);
  const sq = total(cur);
  let left = 0;
  let right = 0;
  for (let i = 0; i < ref.length; i++) {
    const p = ref[i]! / sp;
    const q = cur[i]! / sq;
    const m = (p + q) / 2.0;
    left += relEntr(p, m);
    right += relEntr(q, m);
  }
  return Math.sqrt((left + right) / 2.0);
}

/** sqrt(1 − clip(Σ terms, 0, 1)): Evidently's final step for both Hellinger variants. */
function hellingerFromAffinity(affinity: number): number {
  return Math.sqrt(1 - Math.min(1, Math.max(0, affinity)));
}

/**
 * Hellinger distance of two categorical distributions, sqrt(1 − Σ sqrt(p·q)) with the
 * Bhattacharyya coefficient clipped to [0, 1] (Evidently hellinger_distance.py, categorical branch).
 */
export function hellingerDiscrete(ref: ArrayLike<number>, cur: ArrayLike<number>): number {
  checkPair(ref, cur, 'hellinger');
  let s = 0;
  for (let i = 0; i < ref.length; i++) s += Math.sqrt(ref[i]! * cur[i]!);
  return hellingerFromAffinity(s);
}

/** Distinct values of two ascending arrays: their count, min and max. */
function distinctUnion(a: Float64Array, b: Float64Array): { count: number; min: number; max: number } {
  let i = 0;
  let j = 0;
  let count = 0;
  let last = NaN;
  while (i < a.length || j < b.length) {
    const v = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (count === 0 || v !== last) count++;
    last = v;
  }
  const min = Math.min(a[0] ?? Infinity, b[0] ?? Infinity);
  const max = Math.max(a[a.length - 1] ?? -Infinity, b[b.length - 1] ?? -Infinity);
  return { count, min, max };
}

/**
 * Evidently's numeric Hellinger distance (hellinger_distance.py, numerical branch), which bins on
 * its own: Sturges edges over the *distinct* values of ref ∪ cur (so the bin count follows the
 * number of distinct values, not the sample size), np.histogram(density=True) on each side, and
 * Σ sqrt(d_ref·d_cur) · mean bin width as the Bhattacharyya coefficient.
 */
export function hellingerNumeric(sortedRef: Float64Array, sortedCur: Float64Array): number {
  for (const [side, xs] of [
    ['reference', sortedRef],
    ['current', sortedCur],
  ] as const) {
    if (xs.length === 0) throw new RangeError(`hellinger: ${side} has no values`);
    for (let i = 0; i < xs.length; i++) {
      if (!Number.isFinite(xs[i]) || (i > 0 && !(xs[i]! >= xs[i - 1]!))) {
        throw new RangeError(`hellinger: ${side} value ${i} is ${xs[i]}, values must be finite and sorted ascending`);
      }
    }
  }
  const keys = distinctUnion(sortedRef, sortedCur);
  const edges = sturgesEdgesOfRange(keys.min, keys.max, keys.count);
  const nb = edges.length - 1;
  // np.histogram(density=True): counts / diff(edges) / counts.sum()
  const density = (sorted: Float64Array): Float64Array => {
    const counts = histogramCounts(sorted, edges);
    const n = total(counts);
    return counts.map((k, i) => k / (edges[i + 1]! - edges[i]!) / n);
  };
  const d1 = density(sortedRef);
  const d2 = density(sortedCur);
  const binWidth = (edges[nb]! - edges[0]!) / nb;
  let s = 0;
  for (let i = 0; i < nb; i++) s += Math.sqrt(d1[i]! * d2[i]!) * binWidth;
  return hellingerFromAffinity(s);
}

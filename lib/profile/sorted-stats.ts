/**
 * Statistics of a profile's sorted values that do not depend on the other side of a comparison,
 * computed once per array and remembered: a timeline tests every window against the same reference
 * profile, and re-deriving the reference's standard deviation or distinct count per window was most
 * of its cost. Keyed by the array itself (a WeakMap, so nothing outlives the profile). A profile's
 * `sorted` array is never written after profiling (profiles are plain data, cached and shared).
 */
import { sortedRuns as runsOf, type SortedRuns } from '../stats/ecdf-distance';
import { populationStd } from '../stats/wasserstein';
import { isPairWalkRemembered } from '../stats/ecdf-pair-walk';

const stds = new WeakMap<Float64Array, number>();
const runs = new WeakMap<Float64Array, SortedRuns>();
const distincts = new WeakMap<Float64Array, number>();

/** numpy.std(sorted) (ddof = 0), as lib/stats/wasserstein.ts computes it, once per array. */
export function sortedStd(sorted: Float64Array): number {
  let std = stds.get(sorted);
  if (std === undefined) {
    std = populationStd(sorted);
    stds.set(sorted, std);
  }
  return std;
}

/** The array's runs of equal values (checked ascending and NaN-free, as wasserstein_distance checks), once per array. */
export function sortedRuns(sorted: Float64Array): SortedRuns {
  let r = runs.get(sorted);
  if (r === undefined) {
    r = runsOf(sorted, 'wasserstein_distance', 'first');
    runs.set(sorted, r);
  }
  return r;
}

/**
 * Whether one sample is much smaller than the other (a window against its reference): then what is
 * remembered per array of the larger one (its runs, its distinct count) pays, rather than a walk over both.
 */
export function sizesApart(a: Float64Array, b: Float64Array): boolean {
  return Math.min(a.length, b.length) * 8 < Math.max(a.length, b.length);
}

const askedOnce = new WeakSet<Float64Array>();

/**
 * The reference's runs for wasserstein where they pay, else undefined (the plain merge walk; the same
 * bits either way). Against a much smaller sample (a window against its reference) the runs are walked
 * instead of every tie each time; against a comparable one, used once, building them costs more than
 * they save (measured on the 1M-row bench pair: 9 ms to build, 5 ms to walk, 7 ms for the plain walk),
 * and the plain walk is the one ks and the default method's distinct count share. A reference asked for
 * a second time (a timeline's next window) gets its runs.
 */
export function wassersteinRuns(reference: Float64Array, current: Float64Array): SortedRuns | undefined {
  const built = runs.get(reference);
  if (built) return built;
  if (isPairWalkRemembered(reference, current)) return undefined;
  if (sizesApart(reference, current) || askedOnce.has(reference)) return sortedRuns(reference);
  askedOnce.add(reference);
  return undefined;
}

/** Distinct values of an ascending array (−0 and 0 are one value, as `!==` compares), once per array. */
export function sortedDistinct(sorted: Float64Array): number {
  let n = distincts.get(sorted);
  if (n === undefined) {
    n = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) n++;
    distincts.set(sorted, n);
  }
  return n;
}

/**
 * How many distinct values of the ascending `small` are not in the ascending `large` (−0 equals 0),
 * walking `large` once by galloping from the last position: O(s · log(l / s)) for s ≪ l.
 */
export function sortedMissing(large: Float64Array, small: Float64Array): number {
  let missing = 0;
  let at = 0;
  for (let k = 0; k < small.length; k++) {
    const x = small[k]!;
    if (k > 0 && x === small[k - 1]) continue;
    // Gallop: the first index ≥ at whose value is ≥ x lies in (at + step/2, at + step].
    let step = 1;
    while (at + step <= large.length && large[at + step - 1]! < x) step *= 2;
    let lo = at + (step >> 1);
    let hi = Math.min(at + step, large.length);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (large[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    at = lo;
    if (!(at < large.length && large[at] === x)) missing++;
  }
  return missing;
}

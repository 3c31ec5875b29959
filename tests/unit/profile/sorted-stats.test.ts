import { describe, expect, it } from 'vitest';
import { distinctCount } from '../../../lib/drift/categories';
import { summarizeNumeric } from '../../../lib/drift/distribution';
import type { NumericProfile } from '../../../lib/profile/column-profile';
import { sortedDistinct, sortedMissing, sortedRuns, sortedStd } from '../../../lib/profile/sorted-stats';
import { ecdfLpIntegral, ecdfLpIntegralRuns } from '../../../lib/stats/ecdf-distance';
import { normedWasserstein, populationStd } from '../../../lib/stats/wasserstein';

// The shortcuts a timeline takes for a reference met again in every window (memoised std and
// distinct count, binary-search histogram, distinct count by search) give exactly the loops' results.

function random(seed: number) {
  let state = seed;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const profile = (values: Float64Array): NumericProfile => {
  const sorted = values.slice().sort();
  return { kind: 'numeric', count: sorted.length, missing: 0, nonFinite: 0, sorted, min: sorted[0]!, max: sorted[sorted.length - 1]!, mean: 0 };
};

/** numpy.histogram's loop, as countInBins ran before. */
function loopCounts(sorted: Float64Array, edges: readonly number[]): number[] {
  const bins = edges.length - 1;
  const counts = new Array<number>(bins).fill(0);
  const width = (edges[bins]! - edges[0]!) / bins;
  for (const x of sorted) counts[Math.min(bins - 1, Math.max(0, Math.floor((x - edges[0]!) / width)))]!++;
  return counts;
}

/** Distinct values of both sides by a Set (−0 and 0 are one key there too). */
const setDistinct = (a: Float64Array, b: Float64Array) => new Set([...a, ...b]).size;

function samples(rand: () => number, n: number, kind: number): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = rand();
    x[i] =
      kind === 0
        ? Math.round(u * 1000) / 100 // many ties
        : kind === 1
          ? (u - 0.5) * 1e-3 // values near 0, both signs
          : kind === 2
            ? u < 0.1
              ? -0
              : u < 0.2
                ? 0
                : u // signed zeros
            : kind === 3
              ? 1 + u * 2 ** -40 // a tiny range: bin edges at the last bits
              : (u - 0.5) * 1e300; // huge magnitudes
  }
  return x;
}

describe("a reference's sorted statistics, computed once", () => {
  it('std and distinct count equal the direct computations and are remembered per array', () => {
    const rand = random(7);
    for (let kind = 0; kind < 5; kind++) {
      const { sorted } = profile(samples(rand, 5000, kind));
      expect(sortedStd(sorted)).toBe(populationStd(sorted));
      expect(sortedStd(sorted)).toBe(sortedStd(sorted));
      expect(sortedDistinct(sorted)).toBe(new Set(sorted).size);
    }
    const sorted = Float64Array.from([-1, -0, 0, 0, 2]);
    expect(sortedDistinct(sorted)).toBe(3);
    expect(sortedMissing(sorted, Float64Array.from([-2, -1, -0, 0, 0, 1, 2, 3, 3]))).toBe(3);
    expect(sortedMissing(sorted, new Float64Array(0))).toBe(0);
    expect(sortedMissing(new Float64Array(0), Float64Array.from([1, 1]))).toBe(1);
  });

  it('histogram counts by binary search equal the loop over every value, window against reference', () => {
    const rand = random(11);
    for (let trial = 0; trial < 200; trial++) {
      const kind = trial % 5;
      const reference = profile(samples(rand, 2000 + Math.floor(rand() * 3000), kind));
      const window = profile(samples(rand, 1 + Math.floor(rand() * 300), (kind + (trial % 2)) % 5));
      const d = summarizeNumeric(reference, window);
      if (d.kind !== 'histogram') throw new Error('kind');
      expect(d.reference, `trial ${trial}`).toEqual(loopCounts(reference.sorted, d.edges));
      expect(d.current, `trial ${trial}`).toEqual(loopCounts(window.sorted, d.edges));
    }
  });

  it('distinct values of both sides by search equal the merge, whichever side is larger', () => {
    const rand = random(13);
    for (let trial = 0; trial < 200; trial++) {
      const kind = trial % 5;
      const a = profile(samples(rand, 1000 + Math.floor(rand() * 4000), kind));
      const b = profile(samples(rand, 1 + Math.floor(rand() * 200), kind === 4 ? 4 : trial % 3));
      expect(distinctCount(a, b), `trial ${trial}`).toBe(setDistinct(a.sorted, b.sorted));
      expect(distinctCount(b, a), `trial ${trial}`).toBe(setDistinct(a.sorted, b.sorted));
    }
  });

  it("the Wasserstein and energy integrals over a reference's runs equal the plain merge bit for bit", () => {
    const rand = random(17);
    for (let trial = 0; trial < 300; trial++) {
      const kind = trial % 5;
      const reference = profile(samples(rand, 1 + Math.floor(rand() * 3000), kind)).sorted;
      const window = profile(samples(rand, 1 + Math.floor(rand() * 300), (kind + (trial % 3)) % 5)).sorted;
      const runs = sortedRuns(reference);
      expect(sortedRuns(reference)).toBe(runs);
      expect(runs.values.length).toBe(sortedDistinct(reference));
      for (const p of [1, 2] as const) {
        expect(Object.is(ecdfLpIntegralRuns(runs, window, p), ecdfLpIntegral(reference, window, p)), `trial ${trial}, p ${p}`).toBe(true);
      }
      expect(Object.is(normedWasserstein(reference, window, 0, sortedStd(reference), runs), normedWasserstein(reference, window)), `trial ${trial}`).toBe(true);
    }
    // The same checks and messages as wasserstein_distance's.
    expect(() => sortedRuns(new Float64Array(0))).toThrow("wasserstein_distance: first distribution can't be empty");
    expect(() => sortedRuns(Float64Array.from([2, 1]))).toThrow('wasserstein_distance: first sample must be sorted ascending and free of NaN (index 1)');
    const ok = Float64Array.from([1, 2]);
    expect(() => normedWasserstein(ok, Float64Array.from([3, NaN]), 0, sortedStd(ok), sortedRuns(ok))).toThrow(
      'wasserstein_distance: second sample must be sorted ascending and free of NaN (index 1)',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { createKll, kllQuantile, kllRank, kllRankErrorBound, mergeKll, updateKll } from '../../../../lib/profile/mergeable/kll';
import type { KllSketch } from '../../../../lib/profile/mergeable/types';
import { mulberry32 as random } from '../../../support';

/** Heavy-tailed, with ties: exp of a normal, rounded to 3 decimals. */
function values(n: number, seed: number): Float64Array {
  const r = random(seed);
  return Float64Array.from({ length: n }, () => Math.round(Math.exp(Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r())) * 1000) / 1000);
}

/** Largest |estimated rank − true rank| over 999 evenly spaced quantiles, and the same for kllQuantile. */
function maxRankError(sketch: KllSketch, data: Float64Array): number {
  const sorted = Float64Array.from(data).sort();
  const n = sorted.length;
  // True fraction of values ≤ x (upper bound by binary search).
  const trueRank = (x: number): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo / n;
  };
  let worst = 0;
  for (let i = 1; i < 1000; i++) {
    const q = i / 1000;
    const x = sorted[Math.floor(q * (n - 1))]!;
    worst = Math.max(worst, Math.abs(kllRank(sketch, x) - trueRank(x)));
    // The returned quantile's true rank interval [rank(<x), rank(≤x)] must come within ε of q.
    const y = kllQuantile(sketch, q);
    const below = trueRank(y - Math.max(Math.abs(y) * 1e-12, 1e-12));
    const distance = q < below ? below - q : Math.max(0, q - trueRank(y));
    worst = Math.max(worst, distance);
  }
  return worst;
}

describe('KLL sketch (kll.ts)', () => {
  it('documents its bound: 2.296 / k^0.9723 (DataSketches KllHelper.getNormalizedRankError, single rank)', () => {
    expect(kllRankErrorBound(200)).toBeCloseTo(0.0133, 4);
  });

  it('one sketch of 1e6 values: rank error within the bound (k = 200 and k = 50), bounded size', () => {
    const data = values(1_000_000, 7);
    for (const k of [200, 50]) {
      const sketch = createKll(k);
      updateKll(sketch, data);
      expect(sketch.n).toBe(data.length);
      const retained = sketch.levels.reduce((s, l) => s + l.length, 0);
      expect(retained).toBeLessThan(3 * k + 8 * sketch.levels.length);
      const error = maxRankError(sketch, data);
      expect(error).toBeLessThan(kllRankErrorBound(k));
    }
  });

  it('10 shards of 1e5 merged: rank error within the bound, weights sum to n, deterministic', () => {
    const shards = Array.from({ length: 10 }, (_, i) => values(100_000, 100 + i));
    const build = (): KllSketch =>
      shards
        .map((shard) => {
          const s = createKll(200);
          updateKll(s, shard);
          return s;
        })
        .reduce((a, b) => mergeKll(a, b));
    const merged = build();
    const all = new Float64Array(1_000_000);
    shards.forEach((s, i) => all.set(s, i * 100_000));
    expect(merged.levels.reduce((w, l, h) => w + l.length * 2 ** h, 0)).toBe(all.length);
    expect(maxRankError(merged, all)).toBeLessThan(kllRankErrorBound(200));
    expect(build()).toEqual(merged);
  });

  it('small inputs are exact, an empty sketch answers NaN / 0', () => {
    const s = createKll(200);
    expect(kllQuantile(s, 0.5)).toBeNaN();
    expect(kllRank(s, 1)).toBe(0);
    updateKll(s, [3, 1, 2, 5, 4]);
    expect([kllQuantile(s, 0), kllQuantile(s, 0.5), kllQuantile(s, 1)]).toEqual([1, 3, 5]);
    expect(kllRank(s, 2)).toBe(0.4);
    expect(() => createKll(4)).toThrow(/sketch k: 4/);
  });
});

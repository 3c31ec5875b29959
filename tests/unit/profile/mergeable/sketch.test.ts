import { describe, expect, it } from 'vitest';
import { createKll, kllRank, kllRankErrorBound, updateKll } from '../../../../lib/profile/mergeable/kll';
import { cdfRank, sketchCdf, sketchCount, sketchItems, sketchMethod, sketchRank, sketchRankError } from '../../../../lib/profile/mergeable/sketch';
import type { EngineQuantiles, ProfileColumn } from '../../../../lib/profile/mergeable/types';

// Deterministic heavy-tailed values with ties (a Lehmer generator, so no fixture is needed).
function values(n: number, seed = 7): number[] {
  let s = seed;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    s = (s * 48271) % 2147483647;
    const u = s / 2147483647;
    out.push(i % 10 === 0 ? Math.round(u * 20) : Math.tan((u - 0.5) * 3));
  }
  return out;
}

/** The exact fraction of xs ≤ x (the definition sketchRank estimates). */
const exactRank = (sorted: number[], x: number) => {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo / sorted.length;
};

/** Quantiles on the grid i/m by an index convention: inverse CDF (Postgres percentile_disc) or floor((n−1)p). */
function engineQuantiles(sorted: number[], m: number, index: (p: number, n: number) => number): EngineQuantiles {
  const probs = Array.from({ length: m + 1 }, (_, i) => i / m);
  const n = sorted.length;
  return { n, probs, values: probs.map((p) => sorted[index(p, n)]!), rankError: 1 / (2 * m) + 1 / n, method: 'test' };
}

const probesOf = (sorted: number[]) => [...sorted, ...sorted.slice(1).map((v, i) => (v + sorted[i]!) / 2), -1e9, 1e9];

describe('sketch.ts over a KLL sketch', () => {
  it('ranks as kllRank does, within the 99 % bound of the exact rank (1e5 values, compacted)', () => {
    const xs = values(100_000);
    const sketch = createKll(200);
    updateKll(sketch, xs);
    const sorted = [...xs].sort((a, b) => a - b);
    const probes = [...sketchItems(sketch).slice(0, 500), -3, -0.5, 0, 0.5, 3, 7];
    let worst = 0;
    for (const x of probes) {
      expect(sketchRank(sketch, x)).toBe(kllRank(sketch, x));
      worst = Math.max(worst, Math.abs(sketchRank(sketch, x) - exactRank(sorted, x)));
    }
    expect(worst).toBeLessThanOrEqual(kllRankErrorBound(200));
    expect(sketchRankError(sketch)).toBe(kllRankErrorBound(200));
    expect(sketchCount(sketch)).toBe(100_000);
    expect(sketchMethod(sketch)).toBe('KLL sketch, k = 200');
  });

  it('is the exact empirical CDF when nothing was compacted (150 values with ties)', () => {
    const xs = values(150);
    const sketch = createKll(200);
    updateKll(sketch, xs);
    const sorted = [...xs].sort((a, b) => a - b);
    expect(sketchItems(sketch)).toEqual([...new Set(sorted)]);
    for (const x of probesOf(sorted)) expect(sketchRank(sketch, x)).toBe(exactRank(sorted, x));
    expect(sketchCdf(sketch).below).toBe(0);
  });
});

describe('sketch.ts over engine quantiles', () => {
  const xs = values(20_011).sort((a, b) => a - b);
  const conventions = {
    'inverse CDF (percentile_disc)': (p: number, n: number) => Math.max(0, Math.ceil(p * n) - 1),
    'floor((n − 1)·p)': (p: number, n: number) => Math.floor((n - 1) * p),
  };

  it.each(Object.entries(conventions))('stays within 1/(2m) + 1/n of the exact CDF everywhere — %s', (_name, index) => {
    for (const m of [10, 200, 1000]) {
      const q = engineQuantiles(xs, m, index);
      const cdf = sketchCdf(q);
      let worst = 0;
      for (const x of probesOf(xs)) worst = Math.max(worst, Math.abs(cdfRank(cdf, x) - exactRank(xs, x)));
      expect(worst, `m = ${m}`).toBeLessThanOrEqual(q.rankError!);
      // The bound is not loose by more than a factor of 2 at a coarse grid.
      if (m === 10) expect(worst).toBeGreaterThan(q.rankError! / 2);
    }
  });

  it('steps once per distinct value (ties), 0 below the minimum, 1 from the maximum on', () => {
    const q = engineQuantiles(xs, 1000, conventions['inverse CDF (percentile_disc)']);
    const items = sketchItems(q);
    expect(items).toEqual([...new Set(q.values)]);
    expect(sketchRank(q, xs[0]! - 1)).toBe(0);
    expect(sketchRank(q, xs[xs.length - 1]!)).toBe(1);
    expect(sketchRankError(q)).toBe(1 / 2000 + 1 / xs.length);
    expect(sketchMethod(q)).toBe('test');
  });

  it('reads a profile column (KLL first, else quantiles) and names a column that has neither', () => {
    const q = engineQuantiles(xs, 100, conventions['floor((n − 1)·p)']);
    const column: ProfileColumn = { name: 'amount', type: 'numeric', count: q.n, missing: 0, nonFinite: 0, min: xs[0]!, max: xs[xs.length - 1]!, quantiles: q };
    expect(sketchRank(column, 0)).toBe(sketchRank(q, 0));
    expect(sketchCount(column)).toBe(q.n);
    expect(() => sketchRank({ ...column, quantiles: undefined }, 0)).toThrow('column "amount": the profile has no quantile sketch');
  });
});

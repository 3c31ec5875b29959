import { describe, expect, it } from 'vitest';
import { engineRankError, largestHalfGap, mergeEngineQuantiles } from '../../../../lib/profile/mergeable/engine-quantiles';
import { createKll, updateKll } from '../../../../lib/profile/mergeable/kll';
import { mergeProfiles } from '../../../../lib/profile/mergeable/merge';
import { cdfRank, sketchCdf } from '../../../../lib/profile/mergeable/sketch';
import type { DbProfile, EngineQuantiles, ProfileColumn } from '../../../../lib/profile/mergeable/types';

// Deterministic values with ties and a heavy tail (Lehmer generator).
function values(n: number, seed: number): number[] {
  let s = seed;
  return Array.from({ length: n }, (_, i) => {
    s = (s * 48271) % 2147483647;
    const u = s / 2147483647;
    return i % 7 === 0 ? Math.round(u * 10) : Math.tan((u - 0.5) * 3) + seed / 1e4;
  });
}

/** Postgres percentile_disc on the grid i/m: the value at 1-based rank ⌈p·n⌉ (the exact inverse CDF). */
function percentileDisc(xs: number[], m: number): EngineQuantiles {
  const sorted = [...xs].sort((a, b) => a - b);
  const n = sorted.length;
  const probs = Array.from({ length: m + 1 }, (_, i) => i / m);
  return { n, probs, values: probs.map((p) => sorted[Math.max(1, Math.ceil(p * n)) - 1]!), rankError: engineRankError(probs, n, 0), method: 'exact' };
}

/** Largest |F̂ − F| at every value and midpoint of xs (F the exact CDF of xs). */
function worst(q: EngineQuantiles, xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const cdf = sketchCdf(q);
  let w = 0;
  sorted.forEach((x, j) => {
    if (sorted[j + 1] === x) return;
    const F = (j + 1) / sorted.length;
    w = Math.max(w, Math.abs(cdfRank(cdf, x) - F));
    if (j + 1 < sorted.length) w = Math.max(w, Math.abs(cdfRank(cdf, (x + sorted[j + 1]!) / 2) - F));
  });
  return w;
}

const numeric = (name: string, extra: Partial<ProfileColumn>): ProfileColumn => ({
  name,
  type: 'numeric',
  count: 0,
  missing: 0,
  nonFinite: 0,
  min: null,
  max: null,
  ...extra,
});
const profile = (column: ProfileColumn): DbProfile => ({
  format: 'driftbook-profile',
  version: 1,
  rows: column.count,
  source: { names: ['t'] },
  columns: [column],
});

describe('engine quantiles: bound and merge', () => {
  it('states the bound: half the widest probability gap (0 and 1 included) + engine error + 1/n, null without an engine bound', () => {
    expect(largestHalfGap([0, 0.5, 1])).toBe(0.25);
    expect(largestHalfGap([0.25, 0.5, 0.6])).toBe(0.2);
    expect(engineRankError([0, 0.5, 1], 8, 0.01)).toBe(0.25 + 0.01 + 1 / 8);
    expect(engineRankError([0, 0.5, 1], 8, null)).toBeNull();
    // Ties: no x lies between two equal values, so their gap bounds nothing (60 % zeros: 0.1, not 0.3).
    expect(largestHalfGap([0, 0.6, 0.8, 1], [0, 0, 5, 9])).toBeCloseTo(0.1, 15);
    expect(largestHalfGap([0, 0.6, 0.8, 1])).toBe(0.3);
  });

  it('merges 10 uneven shards one after another within the widened bound of the exact CDF of all their values', () => {
    const shards = Array.from({ length: 10 }, (_, k) => values(2000 + 537 * k, k + 1));
    let merged = percentileDisc(shards[0]!, 200);
    const steps = [merged.rankError!];
    for (const shard of shards.slice(1)) {
      merged = mergeEngineQuantiles(merged, percentileDisc(shard, 200), 'x');
      steps.push(merged.rankError!);
    }
    const all = shards.flat();
    expect(merged.n).toBe(all.length);
    expect(merged.method).toBe('exact (merged)');
    // Each merge adds at most 1/(2m) to the weighted shard bound.
    steps.slice(1).forEach((e, i) => expect(e).toBeLessThanOrEqual(Math.max(steps[i]!, 1 / 400 + 1 / 2000) + 1 / 400 + 1e-15));
    const error = worst(merged, all);
    expect(error).toBeLessThanOrEqual(merged.rankError!);
    expect(error).toBeGreaterThan(0);
  });

  it('merges through mergeProfiles, keeps an empty side out, refuses a KLL sketch against engine quantiles naming the column', () => {
    const [a, b] = [values(3000, 3), values(1000, 4)];
    const qa = numeric('x', { count: a.length, quantiles: percentileDisc(a, 100) });
    const qb = numeric('x', { count: b.length, quantiles: percentileDisc(b, 100) });
    const m = mergeProfiles([profile(qa), profile(qb)]).columns[0]!;
    expect(worst(m.quantiles!, [...a, ...b])).toBeLessThanOrEqual(m.quantiles!.rankError!);
    const sketch = createKll(200);
    const empty = numeric('x', { sketch });
    expect(mergeProfiles([profile(empty), profile(qa)]).columns[0]!.quantiles).toEqual(qa.quantiles);
    updateKll(sketch, a);
    expect(() => mergeProfiles([profile(numeric('x', { count: a.length, sketch })), profile(qb)])).toThrow(
      'column "x": one profile has a KLL sketch (built from rows), the other engine quantiles (SQL)',
    );
    const unbounded = mergeEngineQuantiles(qa.quantiles!, { ...qb.quantiles!, rankError: null, method: 'bigquery' }, 'x');
    expect([unbounded.rankError, unbounded.method]).toEqual([null, 'exact + bigquery (merged)']);
  });
});

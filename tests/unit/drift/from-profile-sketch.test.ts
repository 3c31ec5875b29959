import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { andersonFromSketches, cramerVonMisesFromSketches } from '../../../lib/drift/from-profile-rank-tests';
import { energyDistanceFromSketches, ksFromSketches, ksPValue, wassersteinFromSketches } from '../../../lib/drift/from-profile-sketch';
import { createKll, kllRankErrorBound, updateKll } from '../../../lib/profile/mergeable/kll';
import type { EngineQuantiles, KllSketch } from '../../../lib/profile/mergeable/types';
import { populationStd } from '../../../lib/stats/wasserstein';
import { expectClose } from '../../support';

// Raw-row values from scipy 1.10.1 on the same samples: tests/fixtures/generate_profile_sketch.py.
interface Side {
  seed: number;
  n: number;
  shift: number;
}
interface Case {
  name: string;
  reference: Side;
  current: Side;
  decimals: number | null;
  ks: { statistic: number; pValue: number };
  anderson: { statistic: number; pValue: number };
  cramer_von_mises: { statistic: number; pValue: number };
  wasserstein: number;
  ed: number;
  min: number;
  max: number;
}
const fixture = JSON.parse(readFileSync(join(__dirname, '../../fixtures/profile-sketch/scipy.json'), 'utf8')) as { cases: Case[] };

/** The generator's LCG: the same doubles in the same order as the Python script. */
function sample({ seed, n, shift }: Side, decimals: number | null): Float64Array {
  let s = seed;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return Float64Array.from({ length: n }, () => {
    let total = 0;
    for (let i = 0; i < 3; i++) total += next();
    const x = total + shift;
    return decimals === null ? x : Math.round(x * 10 ** decimals) / 10 ** decimals;
  });
}

const K = 200;
function sketchOf(values: Float64Array): KllSketch {
  const sketch = createKll(K);
  updateKll(sketch, values);
  return sketch;
}

/** Exact when the sketch kept every value: the same formula as the raw rows, summed in another order. */
const SAME = 1e-12;

describe('drift statistics from two KLL sketches vs scipy on the raw rows', () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const [ref, cur] = [sample(c.reference, c.decimals), sample(c.current, c.decimals)];
      const [a, b] = [sketchOf(ref), sketchOf(cur)];
      const eps = kllRankErrorBound(K);
      const kept = a.levels.length === 1 && b.levels.length === 1;
      const std = populationStd(Float64Array.from(ref).sort());
      const ks = ksFromSketches(a, b);
      const ad = andersonFromSketches(a, b, { reference: eps, current: eps });
      const cvm = cramerVonMisesFromSketches(a, b, { reference: eps, current: eps });
      const w = wassersteinFromSketches(a, b, std).statistic!;
      const ed = energyDistanceFromSketches(a, b).statistic!;
      if (kept) {
        expectClose(ks.statistic, c.ks.statistic, SAME, 'ks');
        expectClose(ad.test.statistic, c.anderson.statistic, SAME, 'anderson');
        expectClose(ad.test.pValue, c.anderson.pValue, SAME, 'anderson p');
        expectClose(cvm.test.statistic, c.cramer_von_mises.statistic, SAME, 'cramér–von mises');
        expectClose(cvm.test.pValue, c.cramer_von_mises.pValue, SAME, 'cramér–von mises p');
        expectClose(w, c.wasserstein, SAME, 'wasserstein');
        expectClose(ed, c.ed, SAME, 'ed');
        return;
      }
      const range = c.max - c.min;
      expect(Math.abs(ks.statistic! - c.ks.statistic), 'ks').toBeLessThanOrEqual(2 * eps);
      expect(Math.abs(w - c.wasserstein), 'wasserstein').toBeLessThanOrEqual((2 * eps * range) / std);
      expect(Math.abs(ed ** 2 - c.ed ** 2), 'ed²').toBeLessThanOrEqual(4 * 2 * eps * range);
      expect(Math.abs(ad.test.statistic! - c.anderson.statistic), `anderson (bound ${ad.limit})`).toBeLessThanOrEqual(ad.limit);
      expect(Math.abs(cvm.test.statistic! - c.cramer_von_mises.statistic), `cramér–von mises (bound ${cvm.limit})`).toBeLessThanOrEqual(cvm.limit);
      expect(ad.bound).toMatch(/^\|A − A_rows\| ≤ 4·N·c\/σ_N = [\d.e+]+ here/);
      // The p-values drift from profiles reports are the largest within the bound: never below the raw rows'.
      expect(ksPValue(Math.max(ks.statistic! - 2 * eps, 0), c.reference.n, c.current.n), 'ks conservative p').toBeGreaterThanOrEqual(c.ks.pValue);
      expect(ad.conservativePValue, 'anderson conservative p').toBeGreaterThanOrEqual(c.anderson.pValue);
      expect(cvm.conservativePValue, 'cramér–von mises conservative p').toBeGreaterThanOrEqual(c.cramer_von_mises.pValue);
    });
  }

  it('engine quantiles (quantile_disc on a 201-point grid, ε = 1/(2m) + 1/n) give ks within ε_ref + ε_cur of scipy', () => {
    const c = fixture.cases.find((x) => x.name === 'large-small-shift')!;
    const m = 200;
    const quantiles = (side: Side): EngineQuantiles => {
      const sorted = sample(side, null).sort();
      const probs = Array.from({ length: m + 1 }, (_, j) => j / m);
      // quantile_disc(p): the smallest value whose share of values ≤ it reaches p.
      const values = probs.map((p) => sorted[Math.max(Math.ceil(p * sorted.length), 1) - 1]!);
      return { n: sorted.length, probs, values, rankError: 1 / (2 * m) + 1 / sorted.length, method: 'quantile_disc (exact) on a grid' };
    };
    const [a, b] = [quantiles(c.reference), quantiles(c.current)];
    expect(Math.abs(ksFromSketches(a, b).statistic! - c.ks.statistic)).toBeLessThanOrEqual(a.rankError! + b.rankError!);
  });
});

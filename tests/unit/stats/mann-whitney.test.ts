import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mannWhitneyU } from '../../../lib/stats/mann-whitney';
import { expectClose, num, type Num, relFloor } from '../../support';

interface Case {
  name: string;
  x: string;
  y: string;
  method: 'exact' | 'asymptotic';
  statistic: Num;
  pvalue: Num;
}
type SampleSpec = { values: Num[] } | { recipe: { n: number; a: number; c: number; p: number; scale: number; shift: number } };

function load<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/stats-tests/${name}`, import.meta.url), 'utf8')) as T;
}

const fixture = load<{
  scipy: string;
  cases: Case[];
  exact_truth: { counts: number[]; big: number; pvalue: Num }[];
}>('mann-whitney.json');
const samples = load<Record<string, SampleSpec>>('samples.json');

/** Rebuild a stored sample; recipes use the generator's exact integer/IEEE operations. */
function sample(name: string): Float64Array {
  const spec = samples[name];
  if (!spec) throw new Error(`unknown sample ${name}`);
  if ('values' in spec) return Float64Array.from(spec.values, num);
  const { n, a, c, p, scale, shift } = spec.recipe;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = ((a * i + c) % p) / scale + shift;
  return out;
}

describe(`mannWhitneyU vs scipy ${fixture.scipy} stats.mannwhitneyu (two-sided, method='auto')`, () => {
  for (const c of fixture.cases) {
    it(`${c.name} [${c.method}]`, () => {
      const res = mannWhitneyU(sample(c.x), sample(c.y));
      expect(res.method, `${c.name}: method`).toBe(c.method);
      expectClose(res.statistic, num(c.statistic), relFloor(1e-9), `${c.name} statistic vs scipy`);
      expectClose(res.pValue, num(c.pvalue), relFloor(1e-6), `${c.name} p-value vs scipy`);
    });
  }

  it('fixtures exercise both paths, tiny p-values and a million values', () => {
    expect(fixture.cases.filter((c) => c.method === 'exact').length).toBeGreaterThan(15);
    expect(fixture.cases.filter((c) => c.method === 'asymptotic').length).toBeGreaterThan(10);
    expect(fixture.cases.some((c) => num(c.pvalue) > 0 && num(c.pvalue) < 1e-190)).toBe(true);
    expect(fixture.cases.some((c) => sample(c.x).length >= 1e6)).toBe(true);
  });
});

describe('mannWhitneyU exact path vs exact integer arithmetic (sizes beyond scipy)', () => {
  // y = 0.5, 1.5, ..., big - 0.5 and x_i = counts[i] + i/32 (distinct, no ties), so x_i lies
  // above exactly counts[i] of the y values and U1 = sum(counts).
  for (const { counts, big, pvalue } of fixture.exact_truth) {
    it(`${counts.length} vs ${big}, U1 = ${counts.reduce((s, c) => s + c, 0)}`, () => {
      const y = new Float64Array(big);
      for (let i = 0; i < big; i++) y[i] = i + 0.5;
      const res = mannWhitneyU(
        counts.map((c, i) => c + i / 32),
        y,
      );
      expect(res.method).toBe('exact');
      expect(res.statistic).toBe(counts.reduce((s, c) => s + c, 0));
      expectClose(res.pValue, num(pvalue), relFloor(1e-12), 'exact p vs integer arithmetic');
    });
  }
});

describe('mannWhitneyU properties', () => {
  it('is order-independent and reports U of the first sample', () => {
    const x = [3.5, 1.25, 9.0, 4.75, 2.0, 8.5, 7.0, 6.25, 5.5, 0.5];
    const y = [2.5, 6.0, 1.0, 7.5, 3.0, 4.0, 9.5, 8.0, 5.0];
    const a = mannWhitneyU(x, y);
    const b = mannWhitneyU([...x].reverse(), [...y].reverse());
    const c = mannWhitneyU(y, x);
    expect(b).toEqual(a);
    expect(c.statistic).toBe(x.length * y.length - a.statistic);
    expect(c.pValue).toBe(a.pValue);
  });

  it('rejects empty samples and NaN like scipy', () => {
    expect(() => mannWhitneyU([], [1, 2])).toThrow(RangeError);
    expect(() => mannWhitneyU([1, NaN], [1, 2])).toThrow(RangeError);
  });

  it('keeps the exact path fast for a tiny sample against a huge one', () => {
    // Exact method (no ties, min size <= 8): O(8 * U) work, U <= 4e6 here.
    const n = 1_000_000;
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) y[i] = i + 0.5;
    const t0 = performance.now();
    const res = mannWhitneyU([-3, -2, -1, -0.5, 1e7, 2e7, 3e7, 4e7], y);
    expect(res.method).toBe('exact');
    expect(res.statistic).toBe(4 * n);
    // U sits exactly at the mean n1*n2/2, so the two-sided p is clipped to 1.
    expect(res.pValue).toBe(1);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

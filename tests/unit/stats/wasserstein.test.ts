import { describe, expect, it } from 'vitest';
import { normedWasserstein, wassersteinDistance } from '../../../lib/stats/wasserstein';
import { expectClose, loadNumericFixture, num, type Num, type SampleSpec, sortedSample } from '../../support';

interface DistanceCase {
  name: string;
  a: SampleSpec;
  b: SampleSpec;
  wasserstein: Num;
  energy: Num;
  normedWasserstein: Num;
}

const fixture = loadNumericFixture<{ scipy: string; cases: DistanceCase[] }>('distances.json');
const RTOL = 1e-9;

const A = Float64Array.from([38.7, 41.5, 43.8, 44.5, 45.5, 46.0, 47.7, 58.0]);
const B = Float64Array.from([39.2, 39.3, 39.7, 41.4, 41.8, 42.9, 43.3, 45.8]);

describe('wassersteinDistance basics', () => {
  it('is |shift| for a shifted sample and symmetric', () => {
    expectClose(
      wassersteinDistance(
        A,
        A.map((v) => v + 5),
      ),
      5,
      1e-15,
      'W(A, A + 5)',
    );
    expect(wassersteinDistance(A, B)).toBe(wassersteinDistance(B, A));
    expect(wassersteinDistance(A, A)).toBe(0);
  });

  it('normedWasserstein divides by the reference std, floored at 0.001', () => {
    const ref = Float64Array.from([1, 1, 1, 1]);
    const cur = Float64Array.from([1, 1, 1, 3]);
    expect(normedWasserstein(ref, cur)).toBeCloseTo(0.5 / 0.001, 9);
    // std(B) uses the first argument only.
    expect(normedWasserstein(B, A)).not.toBe(normedWasserstein(A, B));
  });

  it('rejects empty, unsorted and NaN input (scipy raises on empty)', () => {
    const ok = Float64Array.from([1, 2]);
    expect(() => wassersteinDistance(new Float64Array(0), ok)).toThrow(new RangeError("wasserstein_distance: first distribution can't be empty"));
    expect(() => wassersteinDistance(ok, Float64Array.from([2, 1]))).toThrow(RangeError);
    expect(() => wassersteinDistance(Float64Array.from([1, NaN]), ok)).toThrow(RangeError);
    expect(() => normedWasserstein(ok, new Float64Array(0))).toThrow(RangeError);
  });
});

describe(`wassersteinDistance vs scipy ${fixture.scipy} wasserstein_distance`, () => {
  it('fixture covers n = 1, ties, the std floor and 100k-value samples', () => {
    expect(fixture.cases.some((c) => c.a.enc === 'values' && c.a.values.length === 1)).toBe(true);
    const constantRef = (c: DistanceCase): boolean => c.a.enc === 'values' && c.a.values.length > 1 && new Set(c.a.values).size === 1;
    expect(fixture.cases.some(constantRef)).toBe(true);
    expect(fixture.cases.some((c) => c.a.enc === 'minstd' && c.a.n >= 100000)).toBe(true);
  });

  let maxW = 0;
  let maxN = 0;
  for (const c of fixture.cases) {
    it(c.name, () => {
      const a = sortedSample(c.a);
      const b = sortedSample(c.b);
      maxW = Math.max(maxW, expectClose(wassersteinDistance(a, b), num(c.wasserstein), RTOL, 'wasserstein'));
      maxN = Math.max(maxN, expectClose(normedWasserstein(a, b), num(c.normedWasserstein), RTOL, 'normed wasserstein'));
    });
  }
  it('reports the worst relative errors', () => {
    console.info(`wasserstein max relative error: distance ${maxW.toExponential(2)}, normed ${maxN.toExponential(2)}`);
  });
});

import { describe, expect, it } from 'vitest';
import { delongTest } from '../../../lib/stats/delong';
import { mt19937 } from '../../../lib/stats/random';
import { expectClose, expectCloseOrNull, readJson } from '../../support';

interface Case {
  name: string;
  positive: number[];
  a: number[];
  b: number[];
  aucA: number;
  aucB: number;
  variance: number;
  z: number | null;
  pValue: number | null;
}
// numpy Sun & Xu, asserted there against an O(m·n) loop and sklearn roc_auc_score (tests/fixtures/generate_compare.py).
const cases = readJson<{ delong: Case[] }>('tests/fixtures/compare/stats.json').delong;

/** The structural-components definition, O(m·n): ψ(x, y) = 1 if x > y, ½ if equal, 0 otherwise (DeLong et al. 1988). */
function delongQuadratic(positive: number[], sa: number[], sb: number[]) {
  const pos = positive.flatMap((p, i) => (p ? [i] : []));
  const neg = positive.flatMap((p, i) => (p ? [] : [i]));
  const psi = (x: number, y: number) => (x > y ? 1 : x === y ? 0.5 : 0);
  const comps = (s: number[]) => ({
    v10: pos.map((i) => neg.reduce((t, j) => t + psi(s[i]!, s[j]!), 0) / neg.length),
    v01: neg.map((j) => pos.reduce((t, i) => t + psi(s[i]!, s[j]!), 0) / pos.length),
  });
  const cov = (x: number[], y: number[]) => {
    const mx = x.reduce((t, v) => t + v, 0) / x.length;
    const my = y.reduce((t, v) => t + v, 0) / y.length;
    return x.reduce((t, v, i) => t + (v - mx) * (y[i]! - my), 0) / (x.length - 1);
  };
  const a = comps(sa);
  const b = comps(sb);
  const auc = (c: { v10: number[] }) => c.v10.reduce((t, v) => t + v, 0) / pos.length;
  const variance =
    (cov(a.v10, a.v10) + cov(b.v10, b.v10) - 2 * cov(a.v10, b.v10)) / pos.length + (cov(a.v01, a.v01) + cov(b.v01, b.v01) - 2 * cov(a.v01, b.v01)) / neg.length;
  return { aucA: auc(a), aucB: auc(b), variance };
}

describe('delongTest (Sun & Xu 2014)', () => {
  it.each(cases)('$name matches numpy', (c) => {
    const r = delongTest(c.positive, c.a, c.b);
    expectClose(r.aucA, c.aucA, 1e-12, 'aucA');
    expectClose(r.aucB, c.aucB, 1e-12, 'aucB');
    expectClose(r.variance, c.variance, 1e-9, 'variance');
    expectCloseOrNull(r.z, c.z, 1e-9, 'z');
    expectCloseOrNull(r.pValue, c.pValue, 1e-6, 'p');
  });

  it('equals the O(m·n) structural-components definition on small random data with ties', () => {
    const rng = mt19937(7);
    for (let trial = 0; trial < 40; trial++) {
      const n = 8 + (rng.nextUint32() % 40);
      const positive = Array.from({ length: n }, (_, i) => (i < 2 ? i : rng.nextUint32() % 2));
      // Scores on a coarse grid, so ties within and across classes are common.
      const a = positive.map((p) => p * 2 + (rng.nextUint32() % 5));
      const b = positive.map((p) => p + (rng.nextUint32() % 7));
      const fast = delongTest(positive, a, b);
      const slow = delongQuadratic(positive, a, b);
      expectClose(fast.aucA, slow.aucA, 1e-12, `trial ${trial} aucA`);
      expectClose(fast.aucB, slow.aucB, 1e-12, `trial ${trial} aucB`);
      expectClose(fast.variance, slow.variance, { rel: 1e-9, abs: 1e-15 }, `trial ${trial} variance`);
    }
  });

  it('is null with a reason when the two score columns are identical (zero variance)', () => {
    const r = delongTest([0, 1, 0, 1, 1], [0.1, 0.9, 0.3, 0.2, 0.8], [0.1, 0.9, 0.3, 0.2, 0.8]);
    expect(r.z).toBeNull();
    expect(r.reason).toMatch(/zero variance/);
  });
});

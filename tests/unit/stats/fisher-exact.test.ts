import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fisherExact2x2, type Table2x2 } from '../../../lib/stats/fisher-exact';
import { expectClose, num, type Num, relFloor } from '../../support';

// cases: [table, scipy odds ratio, scipy p-value].
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/stats-tests/fisher-exact.json', import.meta.url), 'utf8')) as {
  scipy: string;
  public: Table2x2;
  cases: [Table2x2, Num, Num][];
};

describe('fisherExact2x2 public vector (Evidently fisher_exact_test)', () => {
  it('ref "abbaab"x15 vs cur "bbabba"x15 as [[cur_b, cur_a], [ref_b, ref_a]] gives p = 0.033972', () => {
    const ref = 'abbaab'.repeat(15);
    const cur = 'bbabba'.repeat(15);
    const count = (s: string, ch: string): number => s.split('').filter((c) => c === ch).length;
    const table: Table2x2 = [
      [count(cur, 'b'), count(cur, 'a')],
      [count(ref, 'b'), count(ref, 'a')],
    ];
    expect(table).toEqual(fixture.public);
    const res = fisherExact2x2(table);
    expect(Math.abs(res.pValue - 0.033972)).toBeLessThanOrEqual(1e-6);
    expect(res.statistic).toBe(2);
  });
});

describe(`fisherExact2x2 vs scipy ${fixture.scipy} stats.fisher_exact (two-sided)`, () => {
  for (const [table, oddsRatio, p] of fixture.cases) {
    it(JSON.stringify(table), () => {
      const res = fisherExact2x2(table);
      expectClose(res.statistic, num(oddsRatio), relFloor(1e-9), 'odds ratio vs scipy');
      expectClose(res.pValue, num(p), relFloor(1e-6), 'p-value vs scipy');
    });
  }

  it('covers zero cells, zero margins, symmetric tables and cells of a million', () => {
    const flat = fixture.cases.map(([t]) => t.flat());
    expect(flat.some((c) => c.includes(0))).toBe(true);
    expect(flat.some((c) => Math.max(...c) >= 1e6)).toBe(true);
    expect(fixture.cases.some(([, s]) => s === 'NaN')).toBe(true);
    expect(fixture.cases.some(([, s]) => s === 'Infinity')).toBe(true);
  });

  it('is fast for cells of a million', () => {
    const t0 = performance.now();
    for (let k = 0; k < 20; k++)
      fisherExact2x2([
        [1_000_000 + k, 999_000],
        [998_500, 1_000_000],
      ]);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('rejects negative or non-integer counts', () => {
    expect(() =>
      fisherExact2x2([
        [1, -1],
        [2, 3],
      ]),
    ).toThrow(RangeError);
    expect(() =>
      fisherExact2x2([
        [1, 1.5],
        [2, 3],
      ]),
    ).toThrow(RangeError);
    expect(() =>
      fisherExact2x2([
        [1, NaN],
        [2, 3],
      ]),
    ).toThrow(RangeError);
  });
});

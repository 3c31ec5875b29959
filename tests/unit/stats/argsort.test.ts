import { describe, expect, it } from 'vitest';
import { numpyArgsort } from '../../../lib/stats/argsort';
import { readJson } from '../../support';

const fixture = readJson<{ numpy: string; cases: { name: string; values: (number | null)[]; order: number[] }[] }>('tests/fixtures/cbpe/argsort.json');

describe(`numpyArgsort vs numpy ${fixture.numpy} np.argsort (introsort, ties in numpy's order)`, () => {
  for (const c of fixture.cases) {
    it(`${c.name} (${c.values.length} values)`, () => {
      const values = Float64Array.from(c.values, (v) => (v === null ? NaN : v));
      expect(Array.from(numpyArgsort(values))).toEqual(c.order);
    });
  }

  it('differs from a stable sort on ties, as numpy does', () => {
    const big = fixture.cases.find((c) => c.name === 'n1000-levels7')!;
    const stable = Array.from(big.order.keys()).sort((a, b) => big.values[a]! - big.values[b]! || a - b);
    expect(big.order).not.toEqual(stable);
  });
});

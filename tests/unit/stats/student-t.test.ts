import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normSf } from '../../../lib/stats/normal';
import { tCdf, tSf } from '../../../lib/stats/student-t';
import { expectClose, num, type Num, relFloor } from '../../support';

// t rows: [t, df, scipy t.sf, scipy t.cdf, mpmath sf]; huge rows: [t, df, mpmath sf].
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/stats-tests/student-t.json', import.meta.url), 'utf8')) as {
  scipy: string;
  t: [number, number, Num, Num, Num][];
  huge: [number, number, Num][];
};

describe(`tSf / tCdf vs scipy ${fixture.scipy} stats.t and mpmath`, () => {
  it(`matches mpmath at ${fixture.t.length} points, df from 1 to 1e6, tails to 1e-300`, () => {
    for (const [t, df, , , truth] of fixture.t) {
      // Conditioning: one ulp in t^2/df moves the tail by ~df/2 ulps, and exp(-L) carries the
      // ~L ulps of rounding in its exponent L = -ln(sf); the tolerance tracks both.
      const rtol = 1e-14 + 4e-16 * (df + Math.abs(Math.log(num(truth))));
      expectClose(tSf(t, df), num(truth), relFloor(rtol), `tSf(${t}, ${df}) vs mpmath`);
      expectClose(tCdf(-t, df), num(truth), relFloor(rtol), `tCdf(${-t}, ${df}) vs mpmath`);
    }
  });

  it('matches scipy t.sf and t.cdf to 1e-9', () => {
    for (const [t, df, sf, cdf] of fixture.t) {
      expectClose(tSf(t, df), num(sf), relFloor(1e-9), `tSf(${t}, ${df}) vs scipy`);
      expectClose(tCdf(t, df), num(cdf), relFloor(1e-9), `tCdf(${t}, ${df}) vs scipy`);
    }
  });

  it('stays accurate where scipy (cdflib) overflows t^2 and returns 0', () => {
    for (const [t, df, truth] of fixture.huge) {
      expectClose(tSf(t, df), num(truth), relFloor(1e-13), `tSf(${t}, ${df}) vs mpmath`);
    }
  });

  it('handles special values', () => {
    expect(tSf(0, 3)).toBe(0.5);
    expect(tSf(Infinity, 3)).toBe(0);
    expect(tSf(-Infinity, 3)).toBe(1);
    expect(tSf(2, Infinity)).toBe(normSf(2));
    expect(tSf(1, 0)).toBeNaN();
    expect(tSf(NaN, 3)).toBeNaN();
    expect(tCdf(1, -2)).toBeNaN();
  });
});

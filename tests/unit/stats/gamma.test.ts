import { describe, expect, it } from 'vitest';
import { gammaP, gammaQ, logGamma } from '../../../lib/stats/gamma';
import { expectClose, loadStatsFixture, num, type Num, relFloor } from '../../support';

// Rows: gammaln [x, scipy, mpmath]; incomplete [a, x, scipy P, scipy Q, mpmath P, mpmath Q].
const fixture = loadStatsFixture<{
  scipy: string;
  gammaln: [Num, Num, Num][];
  incomplete: [Num, Num, Num, Num, Num, Num][];
}>('gamma.json');

describe(`logGamma vs scipy ${fixture.scipy} special.gammaln and mpmath`, () => {
  it(`matches ${fixture.gammaln.length} points including negative arguments and poles`, () => {
    for (const [x, scipy, truth] of fixture.gammaln) {
      expectClose(logGamma(num(x)), num(scipy), relFloor(1e-14), `gammaln(${x}) vs scipy`);
      expectClose(logGamma(num(x)), num(truth), relFloor(1e-14), `gammaln(${x}) vs mpmath`);
    }
  });

  it('agrees with known closed forms', () => {
    expectClose(logGamma(0.5), Math.log(Math.sqrt(Math.PI)), relFloor(1e-15), 'lgamma(1/2)');
    expect(logGamma(1)).toBe(0);
    expect(logGamma(2)).toBe(0);
    expectClose(logGamma(11), Math.log(3628800), relFloor(1e-15), 'lgamma(11)');
  });
});

describe(`gammaP / gammaQ vs scipy ${fixture.scipy} special.gammainc / gammaincc and mpmath`, () => {
  it(`matches ${fixture.incomplete.length} (a, x) points from a = 1e-3 to 1e6`, () => {
    for (const [aRaw, xRaw, sp, sq, tp, tq] of fixture.incomplete) {
      const a = num(aRaw);
      const x = num(xRaw);
      const P = gammaP(a, x);
      const Q = gammaQ(a, x);
      // scipy itself is off by up to 2.1e-10 (gammainc(1e6, 9.9e5): Cephes stops its series
      // after 2000 terms), hence the looser tolerance against scipy than against mpmath.
      expectClose(P, num(sp), relFloor(1e-9), `gammainc(${a}, ${x}) vs scipy`);
      expectClose(Q, num(sq), relFloor(1e-9), `gammaincc(${a}, ${x}) vs scipy`);
      expectClose(P, num(tp), relFloor(1e-12), `gammainc(${a}, ${x}) vs mpmath`);
      expectClose(Q, num(tq), relFloor(1e-12), `gammaincc(${a}, ${x}) vs mpmath`);
    }
  });

  it('P + Q = 1 away from underflow', () => {
    for (const a of [0.3, 1, 7.5, 120, 5000]) {
      for (const r of [0.2, 0.9, 1, 1.1, 3]) {
        const x = a * r;
        expect(Math.abs(gammaP(a, x) + gammaQ(a, x) - 1)).toBeLessThan(1e-14);
      }
    }
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { betaInc, logBeta } from '../../../lib/stats/beta';
import { expectClose, num, type Num, relFloor } from '../../support';

// betainc rows: [a, b, x, scipy, mpmath]; betaln rows: [a, b, scipy, mpmath].
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/stats-tests/beta.json', import.meta.url), 'utf8')) as {
  scipy: string;
  betainc: [number, number, number, Num, Num][];
  betaln: [number, number, Num, Num][];
};

describe(`betaInc vs scipy ${fixture.scipy} special.betainc and mpmath`, () => {
  it(`matches mpmath at ${fixture.betainc.length} points with a, b from 1e-3 to 5e5`, () => {
    for (const [a, b, x, , truth] of fixture.betainc) {
      // The prefactor x^a (1-x)^b is ill-conditioned: relative error ~ eps (a |log x| + b |log(1-x)|),
      // up to ~1e-12 for a, b ~ 1e4; scipy's Cephes is worse there (up to ~2e-10).
      expectClose(betaInc(a, b, x), num(truth), relFloor(5e-12), `betaInc(${a}, ${b}, ${x}) vs mpmath`);
    }
  });

  it('matches scipy to 1e-9', () => {
    for (const [a, b, x, scipy] of fixture.betainc) {
      expectClose(betaInc(a, b, x), num(scipy), relFloor(1e-9), `betaInc(${a}, ${b}, ${x}) vs scipy`);
    }
  });

  it('handles domain edges like scipy', () => {
    expect(betaInc(2, 3, 0)).toBe(0);
    expect(betaInc(2, 3, 1)).toBe(1);
    expect(betaInc(2, 3, -0.1)).toBeNaN();
    expect(betaInc(2, 3, 1.1)).toBeNaN();
    expect(betaInc(0, 3, 0.5)).toBeNaN();
    expect(betaInc(2, -1, 0.5)).toBeNaN();
    expect(betaInc(2, 3, NaN)).toBeNaN();
  });
});

describe('logBeta vs scipy special.betaln and mpmath', () => {
  it(`matches mpmath to 2e-15 at ${fixture.betaln.length} points`, () => {
    for (const [a, b, scipy, truth] of fixture.betaln) {
      expectClose(logBeta(a, b), num(truth), relFloor(2e-15), `logBeta(${a}, ${b}) vs mpmath`);
      // scipy's betaln cancels lgamma terms for large arguments (1.5e-10 at a = 1e6).
      expectClose(logBeta(a, b), num(scipy), relFloor(1e-9), `logBeta(${a}, ${b}) vs scipy`);
    }
  });

  it('is symmetric and handles the edges', () => {
    expect(logBeta(3.5, 0.25)).toBe(logBeta(0.25, 3.5));
    expect(logBeta(0, 2)).toBe(Infinity);
    expect(logBeta(-1, 2)).toBeNaN();
  });
});

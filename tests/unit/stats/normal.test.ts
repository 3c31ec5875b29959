import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normCdf, normPpf, normSf } from '../../../lib/stats/normal';
import { expectClose, num, type Num, relFloor } from '../../support';

// cdf rows: [x, scipy ndtr, scipy norm.sf, mpmath cdf, mpmath sf]; ppf rows: [p, scipy, mpmath].
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/stats-tests/normal.json', import.meta.url), 'utf8')) as {
  scipy: string;
  cdf: [number, Num, Num, Num, Num][];
  ppf: [number, Num, Num][];
};

describe(`normCdf / normSf vs scipy ${fixture.scipy} and mpmath`, () => {
  it(`matches mpmath to 2e-15 relative at ${fixture.cdf.length} points, tails down to 1e-300`, () => {
    for (const [x, , , cdf, sf] of fixture.cdf) {
      expectClose(normCdf(x), num(cdf), relFloor(2e-15), `normCdf(${x}) vs mpmath`);
      expectClose(normSf(x), num(sf), relFloor(2e-15), `normSf(${x}) vs mpmath`);
    }
    expect(fixture.cdf.filter(([, , , c]) => num(c) > 0 && num(c) < 1e-290).length).toBeGreaterThan(5);
  });

  it('matches scipy ndtr / norm.sf (Cephes, itself ~2e-13 off in the far tail)', () => {
    for (const [x, cdf, sf] of fixture.cdf) {
      // A floor of 1e-290: Cephes underflows to 0 for x < -37.52 where the true value is < 1e-307.
      expectClose(normCdf(x), num(cdf), relFloor(1e-12, 1e-290), `normCdf(${x}) vs scipy`);
      expectClose(normSf(x), num(sf), relFloor(1e-12, 1e-290), `normSf(${x}) vs scipy`);
    }
  });

  it('handles special values', () => {
    expect(normCdf(0)).toBe(0.5);
    expect(normCdf(-Infinity)).toBe(0);
    expect(normCdf(Infinity)).toBe(1);
    expect(normSf(Infinity)).toBe(0);
    expect(normCdf(NaN)).toBeNaN();
  });
});

describe('normPpf vs scipy norm.ppf and mpmath', () => {
  it(`inverts the cdf at ${fixture.ppf.length} probabilities from 1e-300 to 1 - 1e-10`, () => {
    for (const [p, scipy, truth] of fixture.ppf) {
      expectClose(normPpf(p), num(truth), relFloor(4e-15), `normPpf(${p}) vs mpmath`);
      expectClose(normPpf(p), num(scipy), relFloor(1e-13), `normPpf(${p}) vs scipy`);
    }
  });

  it('handles the endpoints', () => {
    expect(normPpf(0)).toBe(-Infinity);
    expect(normPpf(1)).toBe(Infinity);
    expect(normPpf(0.5)).toBe(0);
    expect(normPpf(-0.1)).toBeNaN();
    expect(normPpf(1.5)).toBeNaN();
  });
});

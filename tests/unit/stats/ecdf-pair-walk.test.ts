import { describe, expect, it } from 'vitest';
import { ecdfPairWalk, isPairWalkRemembered } from '../../../lib/stats/ecdf-pair-walk';
import { ecdfLpIntegral } from '../../../lib/stats/ecdf-distance';
import { ks2Samp } from '../../../lib/stats/ks';
import { isSealedSorted, sealSorted } from '../../../lib/stats/sealed-sorted';
import { wassersteinDistance } from '../../../lib/stats/wasserstein';
import { profileColumn, type NumericProfile } from '../../../lib/profile/column-profile';
import { tableFromArrays } from 'apache-arrow';
import { mulberry32 as rng } from '../../support';

/** A sorted sample with ties (values rounded to `step`), signed zeros and, when asked, infinities. */
function sample(random: () => number, n: number, step: number, shift: number, infinities: boolean): Float64Array {
  const values = Array.from({ length: n }, () => {
    const u = random();
    if (u < 0.05) return random() < 0.5 ? -0 : 0;
    if (infinities && u > 0.97) return random() < 0.5 ? -Infinity : Infinity;
    return Math.round(((random() - 0.5) * 10 + shift) / step) * step;
  });
  return Float64Array.from(values).sort();
}

/** scipy's definitions, computed the slow way: ECDFs by counting at every pooled value, np.unique for the distinct count. */
function naive(a: Float64Array, b: Float64Array) {
  const pooled = [...a, ...b].sort((x, y) => x - y);
  const atOrBelow = (xs: Float64Array, v: number) => xs.filter((x) => x <= v).length;
  let minDiff = 0;
  let maxDiff = 0;
  for (const v of pooled) {
    const d = atOrBelow(a, v) / a.length - atOrBelow(b, v) / b.length;
    minDiff = Math.min(minDiff, d);
    maxDiff = Math.max(maxDiff, d);
  }
  const distinct = new Set(pooled.map((v) => (v === 0 ? 0 : v))).size;
  return { minDiff, maxDiff, distinct };
}

describe('ecdfPairWalk: one walk for the distinct count, the KS extremes and the wasserstein integral', () => {
  it('equals the slow definitions and ecdfLpIntegral bit for bit (ties, signed zeros, infinities, unequal sizes)', () => {
    const random = rng(20261206);
    let cases = 0;
    for (const [na, nb] of [
      [1, 1],
      [1, 7],
      [13, 5],
      [200, 200],
      [300, 41],
      [57, 400],
    ] as const) {
      for (const step of [1, 0.25, 1e-3]) {
        for (const infinities of [false, true]) {
          const a = sample(random, na, step, 0, infinities);
          const b = sample(random, nb, step, random() * 2, infinities);
          const walked = ecdfPairWalk(a, b);
          const slow = naive(a, b);
          expect(walked.distinct).toBe(slow.distinct);
          // Same float operations (i/n1 − j/n2) at the same pooled values: exactly equal.
          expect(walked.minDiff).toBe(slow.minDiff);
          expect(walked.maxDiff).toBe(slow.maxDiff);
          // Infinite values make scipy's integral NaN or ∞; the same either way.
          expect(Object.is(walked.l1, ecdfLpIntegral(a, b, 1))).toBe(true);
          cases++;
        }
      }
    }
    expect(cases).toBe(36);
  });

  it('is remembered for sealed arrays only, and ks/wasserstein give the same results sealed or not', () => {
    const random = rng(7);
    const a = sample(random, 500, 0.01, 0, false);
    const b = sample(random, 450, 0.01, 0.3, false);
    const [sa, sb] = [sealSorted(a.slice()), sealSorted(b.slice())];
    expect(isPairWalkRemembered(sa, sb)).toBe(false);
    const ksSealed = ks2Samp(sa, sb);
    expect(isPairWalkRemembered(sa, sb)).toBe(true);
    expect(ecdfPairWalk(sa, sb)).toBe(ecdfPairWalk(sa, sb));
    expect(ks2Samp(a, b)).toEqual(ksSealed);
    expect(isPairWalkRemembered(a, b)).toBe(false);
    expect(Object.is(wassersteinDistance(sa, sb), wassersteinDistance(a, b))).toBe(true);
    // The location is the caller's own copy: changing it does not change the remembered walk.
    ksSealed.location.x = 123;
    expect(ks2Samp(sa, sb).location.x).not.toBe(123);
  });

  it('unsealed arrays are still checked: out of order or NaN is refused', () => {
    const unsorted = Float64Array.from([3, 1, 2]);
    expect(() => ks2Samp(unsorted, Float64Array.from([1, 2]))).toThrow(/sorted ascending/);
    expect(() => wassersteinDistance(Float64Array.from([1, NaN]), Float64Array.from([1]))).toThrow(/sorted ascending/);
  });

  it('a numeric profile seals its sorted values', () => {
    const table = tableFromArrays({ x: Float64Array.from([3, -1, 2, NaN, Infinity]) });
    const profile = profileColumn(table, 'x', 'numeric') as NumericProfile;
    expect([...profile.sorted]).toEqual([-1, 2, 3]);
    expect(isSealedSorted(profile.sorted)).toBe(true);
  });
});

/**
 * The two terms of Loader's saddle-point form for binomial and hypergeometric probabilities
 * (C. Loader, "Fast and Accurate Computation of Binomial Probabilities", 2000; R's stirlerr and
 * bd0), shared by lib/stats/binomial-pmf.ts and lib/stats/hypergeom.ts.
 */

// stirlerr(n) = log n! - log(sqrt(2 pi n) (n/e)^n), n = 1..15, from mpmath at 40 digits.
const STIRLERR = [
  0, 0.08106146679532726, 0.0413406959554093, 0.02767792568499834, 0.020790672103765093, 0.016644691189821193, 0.013876128823070748, 0.01189670994589177,
  0.010411265261972096, 0.009255462182712733, 0.00833056343336287, 0.007573675487951841, 0.00694284010720953, 0.006408994188004207, 0.0059513701127588475,
  0.005554733551962801,
];

/** Stirling-series remainder for integer n >= 1 (R stirlerr). */
export function stirlerr(n: number): number {
  if (n <= 15) return STIRLERR[n]!;
  const nn = n * n;
  const S0 = 1 / 12;
  const S1 = 1 / 360;
  const S2 = 1 / 1260;
  const S3 = 1 / 1680;
  const S4 = 1 / 1188;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/** bd0(x, m) = x log(x/m) + m - x >= 0, by a series when x ~ m (R bd0). */
export function bd0(x: number, m: number): number {
  if (x === 0) return m;
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let s = (x - m) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}

/**
 * Student t distribution cdf / survival function (scipy.stats.t.cdf / t.sf,
 * i.e. scipy.special.stdtr, which scipy 1.10 evaluates with cdflib cdft via
 * TOMS 708 bratio). We use the incomplete beta identity instead:
 *   P(T > t) = I_x(df/2, 1/2) / 2,  x = df / (df + t^2),  t > 0,
 * passing x, 1 - x and their logs computed from r = df / t^2 without
 * cancellation, so tiny tails keep full relative accuracy.
 */

import { betaIncParts } from './beta';
import { normSf } from './normal';

/**
 * Upper tail for t > 0: 0.5 I_x(df/2, 1/2). With `complement`, returns the
 * central mass P(|T| < t) = I_{1-x}(1/2, df/2) instead.
 */
function tailParts(t: number, df: number, complement: boolean): number {
  // r = df / t^2; for huge t work from log r, since r itself may underflow.
  const r = t > 1e150 ? df / t / t : df / (t * t);
  const lr = t > 1e150 ? Math.log(df) - 2 * Math.log(t) : Math.log(r);
  const x = r / (1 + r); // df / (df + t^2)
  const xc = 1 / (1 + r); // t^2 / (df + t^2)
  const lx = r < 1 ? lr - Math.log1p(r) : -Math.log1p(1 / r);
  const lxc = -Math.log1p(r);
  return complement ? betaIncParts(0.5, df / 2, xc, x, lxc, lx) : 0.5 * betaIncParts(df / 2, 0.5, x, xc, lx, lxc);
}

/** P(T > t) for T ~ Student t with df > 0 degrees of freedom (non-integer df allowed). */
export function tSf(t: number, df: number): number {
  if (Number.isNaN(t) || Number.isNaN(df) || !(df > 0)) return NaN;
  if (df === Infinity) return normSf(t);
  if (t === 0) return 0.5;
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  if (t > 0) return tailParts(t, df, false);
  return 0.5 + 0.5 * tailParts(-t, df, true);
}

/** P(T <= t) for T ~ Student t with df > 0 degrees of freedom. */
export function tCdf(t: number, df: number): number {
  return tSf(-t, df);
}

/**
 * Drift statistics approximated from two profiles' KLL sketches (issue 19), within a stated bound.
 * ks: each sketch's CDF is a step function that changes only at its retained items, so the largest
 * gap between the two estimated CDFs is at one of those items; each estimated CDF is within ε of the
 * true one (kllRankErrorBound, 99 % per query), so |D̂ − D| ≤ ε_ref + ε_cur.
 */

import { kllRank } from '../profile/mergeable/kll';
import type { KllSketch } from '../profile/mergeable/types';
import { kstwoSf } from '../stats/kolmogorov';
import { roundHalfEven } from '../stats/ks';
import type { TestOutcome } from './types';

/** Two-sample KS from sketches: D̂ at the retained items, p from scipy's asymptotic kstwo(D̂, round(n·m/(n+m))). */
export function ksFromSketches(reference: KllSketch, current: KllSketch): TestOutcome {
  const points = [...new Set([...reference.levels.flat(), ...current.levels.flat()])].sort((a, b) => a - b);
  let d = 0;
  let location = { x: points[0] ?? 0, reference: 0, current: 0 };
  for (const x of points) {
    const [fr, fc] = [kllRank(reference, x), kllRank(current, x)];
    if (Math.abs(fr - fc) > d) {
      d = Math.abs(fr - fc);
      location = { x, reference: fr, current: fc };
    }
  }
  const [n, m] = [reference.n, current.n];
  const pValue = Math.min(Math.max(kstwoSf(d, roundHalfEven((n * m) / (n + m))), 0), 1);
  return { statistic: d, pValue, location };
}

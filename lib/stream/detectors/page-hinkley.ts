/**
 * Page-Hinkley test after River 0.26 (river/drift/page_hinkley.py, class PageHinkley): a fading
 * cumulative sum of deviations from the running mean, tested against its running extreme.
 *   m_t = running mean of x_1..x_t            (River's stats.Mean: m += (1/n)·(x − m))
 *   U_t = α·U_{t−1} + (x_t − m_t) − δ,  D_t = α·D_{t−1} + (x_t − m_t) + δ
 *   drift when n ≥ min_instances and (mode up) U_t − min U > λ, (down) max D − D_t > λ, (both) either.
 * River's quirks kept: min U starts at +∞ but max D starts at −1 (not −∞), so a downward test
 * compares against max(−1, D_1, …); the reset is lazy and complete (next update).
 */
import { DRIFT, NO_CHANGE, type Detector, type DetectorParams, type DetectorSpec, type DetectorState } from './types';

export type PageHinkleyMode = 'up' | 'down' | 'both';

export interface PageHinkleyOptions {
  min_instances: number;
  delta: number;
  threshold: number;
  alpha: number;
  mode: PageHinkleyMode;
}

export function pageHinkley({
  min_instances = 30,
  delta = 0.005,
  threshold = 50,
  alpha = 1 - 0.0001,
  mode = 'both',
}: Partial<PageHinkleyOptions> = {}): Detector {
  let n = 0;
  let mean = 0;
  let sumIncrease = 0;
  let sumDecrease = 0;
  let minIncrease = Infinity;
  let maxDecrease = -1;
  let drift = false;

  const reset = (): void => {
    n = 0;
    mean = 0;
    sumIncrease = 0;
    sumDecrease = 0;
    minIncrease = Infinity;
    maxDecrease = -1;
    drift = false;
  };

  return {
    update(x: number): DetectorState {
      if (drift) reset();
      // stats.Mean.update with w = 1: n += w; mean += (w / n) * (x - mean).
      n += 1;
      mean += (1 / n) * (x - mean);
      const dev = x - mean;
      sumIncrease = alpha * sumIncrease + dev - delta;
      sumDecrease = alpha * sumDecrease + dev + delta;
      if (sumIncrease < minIncrease) minIncrease = sumIncrease;
      if (sumDecrease > maxDecrease) maxDecrease = sumDecrease;
      // Before min_instances River leaves drift_detected as it was (false after a reset).
      if (n >= min_instances) {
        const up = sumIncrease - minIncrease > threshold;
        const down = maxDecrease - sumDecrease > threshold;
        drift = mode === 'up' ? up : mode === 'down' ? down : up || down;
      }
      return drift ? DRIFT : NO_CHANGE;
    },
  };
}

export const pageHinkleySpec: DetectorSpec = {
  id: 'page_hinkley',
  label: 'Page-Hinkley',
  binary: false,
  warnings: false,
  definition:
    'Fading cumulative sum of deviations from the running mean (minus/plus delta); drift when it moves more than threshold from its running minimum (up) or maximum (down).',
  params: {
    min_instances: { kind: 'int', default: 30, min: 1, description: 'Updates since the last reset before a drift can be signalled.' },
    delta: { kind: 'number', default: 0.005, min: 0, description: 'Magnitude of change tolerated, subtracted from (up) or added to (down) each deviation.' },
    threshold: { kind: 'number', default: 50, min: 0, minExclusive: true, description: 'Change detection threshold (lambda).' },
    alpha: { kind: 'number', default: 1 - 0.0001, min: 0, max: 1, description: 'Forgetting factor applied to the cumulative sums.' },
    mode: { kind: 'enum', default: 'both', values: ['up', 'down', 'both'], description: 'Detect increases (up), decreases (down) or both.' },
  },
  create: (p: DetectorParams) =>
    pageHinkley({
      min_instances: p.min_instances as number,
      delta: p.delta as number,
      threshold: p.threshold as number,
      alpha: p.alpha as number,
      mode: p.mode as PageHinkleyMode,
    }),
};

/**
 * Tabular two-sided CUSUM (Page 1954; Montgomery, Introduction to Statistical Quality Control,
 * §9.1, in standardized form): with z_t = (x_t − mu) / sigma for the target (reference) mean and
 * standard deviation,
 *   S⁺_t = max(0, S⁺_{t−1} + z_t − k),   S⁻_t = max(0, S⁻_{t−1} − z_t − k),   S⁺_0 = S⁻_0 = 0,
 * and a drift when S⁺_t > h or S⁻_t > h (Montgomery's K = k·σ, H = h·σ on the raw scale).
 * After a drift both sums restart at 0 on the next update, the lazy complete reset of River's
 * detectors, so every detection index is one update and a sustained shift signals again.
 */
import { DRIFT, NO_CHANGE, type Detector, type DetectorParams, type DetectorSpec, type DetectorState } from './types';

export interface CusumOptions {
  /** Allowance (slack) in standard deviations: half the shift the chart is tuned to detect. */
  k: number;
  /** Decision interval in standard deviations. */
  h: number;
  /** Target mean (the reference's). */
  mu: number;
  /** Target standard deviation (the reference's), > 0. */
  sigma: number;
}

export function cusum({ k = 0.5, h = 5, mu = 0, sigma = 1 }: Partial<CusumOptions> = {}): Detector {
  if (!(sigma > 0) || !Number.isFinite(sigma)) throw new RangeError(`cusum: sigma must be a positive finite number, got ${sigma}`);
  let upper = 0;
  let lower = 0;
  let drift = false;
  return {
    update(x: number): DetectorState {
      if (drift) {
        upper = 0;
        lower = 0;
      }
      const z = (x - mu) / sigma;
      upper = Math.max(0, upper + z - k);
      lower = Math.max(0, lower - z - k);
      drift = upper > h || lower > h;
      return drift ? DRIFT : NO_CHANGE;
    },
  };
}

export const cusumSpec: DetectorSpec = {
  id: 'cusum',
  label: 'CUSUM',
  binary: false,
  warnings: false,
  definition: 'Tabular two-sided CUSUM on z = (x − mu)/sigma: S⁺ = max(0, S⁺ + z − k), S⁻ = max(0, S⁻ − z − k); drift when either exceeds h.',
  params: {
    k: { kind: 'number', default: 0.5, min: 0, description: 'Allowance in standard deviations (half the shift to detect).' },
    h: { kind: 'number', default: 5, min: 0, minExclusive: true, description: 'Decision interval in standard deviations.' },
    mu: { kind: 'number', default: 0, description: 'Target mean: the reference mean.' },
    sigma: { kind: 'number', default: 1, min: 0, minExclusive: true, description: 'Target standard deviation: the reference standard deviation.' },
  },
  create: (p: DetectorParams) => cusum({ k: p.k as number, h: p.h as number, mu: p.mu as number, sigma: p.sigma as number }),
};

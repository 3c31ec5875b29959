import { checkBinary, emptyMean, updateMean, type RunningMean } from './binary-input';
import type { DetectorStep } from './ddm';

/** River's HDDMA constructor arguments (river/drift/binary/hddm_a.py, HDDMA.__init__), with its defaults. */
export interface HddmAParams {
  drift_confidence: number;
  warning_confidence: number;
  two_sided_test: boolean;
}

export const HDDM_A_DEFAULTS: HddmAParams = { drift_confidence: 0.001, warning_confidence: 0.005, two_sided_test: false };

/**
 * HDDM_A (Frías-Blanco et al. 2014, moving-average test with Hoeffding's bound) as River 0.26 runs it
 * (river/drift/binary/hddm_a.py, HDDMA.update, _mean_incr, _mean_decr). z is the mean of everything since
 * the last reset; the cut points x_min / x_max are snapshots of z taken while z + ε(n) (resp. z − ε(n))
 * keeps falling (rising), ε(n) = sqrt(1/(2n) · ln(1/drift_confidence)). An increase is significant at
 * confidence c when z − x_min ≥ sqrt(m/2 · ln(2/c)), m = (n_z − n_x)/n_x · (1/n_z); drift at
 * drift_confidence, else warning at warning_confidence. With two_sided_test, decreases count too. The
 * update after a drift starts again from the empty state (River's lazy reset).
 */
export function createHddmA(params: Partial<HddmAParams> = {}): { update(x: number): DetectorStep } {
  const { drift_confidence, warning_confidence, two_sided_test } = { ...HDDM_A_DEFAULTS, ...params };
  let z: RunningMean = emptyMean();
  let xMin: RunningMean = emptyMean();
  let xMax: RunningMean = emptyMean();
  let drift = false;
  let warning = false;
  let index = 0;

  const hoeffdingBound = (n: number): number => Math.sqrt((1.0 / (2 * n)) * Math.log(1.0 / drift_confidence));
  const meanIncreased = (confidence: number): boolean => {
    if (xMin.n === z.n) return false;
    const m = ((z.n - xMin.n) / xMin.n) * (1.0 / z.n);
    return z.mean - xMin.mean >= Math.sqrt((m / 2) * Math.log(2.0 / confidence));
  };
  const meanDecreased = (confidence: number): boolean => {
    if (xMax.n === z.n) return false;
    const m = ((z.n - xMax.n) / xMax.n) * (1.0 / z.n);
    return xMax.mean - z.mean >= Math.sqrt((m / 2) * Math.log(2.0 / confidence));
  };

  return {
    update(x: number): DetectorStep {
      checkBinary('hddm_a', x, index++);
      if (drift) {
        z = emptyMean();
        xMin = emptyMean();
        xMax = emptyMean();
        drift = warning = false;
      }
      updateMean(z, x);
      if (xMin.n === 0) xMin = { ...z };
      if (xMax.n === 0) xMax = { ...z };

      const epsZ = hoeffdingBound(z.n);
      if (xMin.mean + hoeffdingBound(xMin.n) >= z.mean + epsZ) xMin = { ...z };
      if (xMax.mean - hoeffdingBound(xMax.n) <= z.mean - epsZ) xMax = { ...z };

      if (meanIncreased(drift_confidence)) {
        warning = false;
        drift = true;
      } else {
        warning = meanIncreased(warning_confidence);
        drift = false;
      }
      if (two_sided_test) {
        if (meanDecreased(drift_confidence)) drift = true;
        else if (meanDecreased(warning_confidence)) warning = true;
      }
      return { drift, warning };
    },
  };
}

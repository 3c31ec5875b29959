/**
 * HDDM_A (Frías-Blanco et al. 2014: moving averages, Hoeffding's bound) after River 0.26
 * (river/drift/binary/hddm_a.py, HDDMA.update, _hoeffding_bound, _mean_incr, _mean_decr):
 *   z = mean since the last reset; the cut points x_min (x_max) become a copy of z whenever
 *   x_min + ε(n_xmin) ≥ z + ε(n_z) (x_max − ε(n_xmax) ≤ z − ε(n_z)), ε(n) = sqrt(1/(2n) · ln(1/drift_confidence));
 *   increase at confidence c when z − x_min ≥ sqrt(m/2 · ln(2/c)), m = (n_z − n_xmin)/n_xmin · (1/n_z);
 *   drift at drift_confidence, else warning at warning_confidence; two_sided_test adds decreases.
 * The reset is lazy and complete (the next update starts from the empty state).
 */
import { binaryValueProblem, checkBinary, CONFIDENCE, emptyMean, updateMean, type RunningMean } from './binary-input';
import type { Detector, DetectorParams, DetectorSpec, DetectorState } from './types';

export interface HddmAOptions {
  drift_confidence: number;
  warning_confidence: number;
  two_sided_test: boolean;
}

export function hddmA({ drift_confidence = 0.001, warning_confidence = 0.005, two_sided_test = false }: Partial<HddmAOptions> = {}): Detector {
  let z: RunningMean = emptyMean();
  let xMin: RunningMean = emptyMean();
  let xMax: RunningMean = emptyMean();
  let drift = false;
  let warning = false;
  let index = 0;

  const hoeffdingBound = (n: number): number => Math.sqrt((1.0 / (2 * n)) * Math.log(1.0 / drift_confidence));
  // Significance of a mean difference between the cut point (n_cut values) and now (n_z values).
  const bound = (nCut: number, confidence: number): number => {
    const m = ((z.n - nCut) / nCut) * (1.0 / z.n);
    return Math.sqrt((m / 2) * Math.log(2.0 / confidence));
  };
  const increased = (confidence: number): boolean => xMin.n !== z.n && z.mean - xMin.mean >= bound(xMin.n, confidence);
  const decreased = (confidence: number): boolean => xMax.n !== z.n && xMax.mean - z.mean >= bound(xMax.n, confidence);

  return {
    update(x: number): DetectorState {
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

      if (increased(drift_confidence)) {
        drift = true;
        warning = false;
      } else {
        drift = false;
        warning = increased(warning_confidence);
      }
      if (two_sided_test) {
        if (decreased(drift_confidence)) drift = true;
        else if (decreased(warning_confidence)) warning = true;
      }
      return { drift, warning };
    },
  };
}

export const hddmASpec: DetectorSpec = {
  id: 'hddm_a',
  label: 'HDDM_A',
  binary: true,
  warnings: true,
  definition:
    "Running error rate against the cut point where mean + Hoeffding bound was lowest: drift (warning) when the increase exceeds Hoeffding's bound at drift_confidence (warning_confidence).",
  params: {
    drift_confidence: { ...CONFIDENCE, default: 0.001, description: 'Confidence level of a drift.' },
    warning_confidence: { ...CONFIDENCE, default: 0.005, description: 'Confidence level of a warning.' },
    two_sided_test: { kind: 'bool', default: false, description: 'Also signal decreases of the error rate.' },
  },
  checkValue: binaryValueProblem,
  create: (p: DetectorParams) =>
    hddmA({ drift_confidence: p.drift_confidence as number, warning_confidence: p.warning_confidence as number, two_sided_test: p.two_sided_test as boolean }),
};

/**
 * Drift Detection Method (Gama et al. 2004) after River 0.26 (river/drift/binary/ddm.py, DDM.update):
 *   p = running error rate (stats.Mean), s = sqrt(p(1 − p)/n)
 *   once n > warm_start: (p_min, s_min) ← (p, s) whenever p + s ≤ p_min + s_min;
 *   warning when p + s > p_min + warning_threshold·s_min, drift when p + s > p_min + drift_threshold·s_min
 *   (a drift clears the warning). Before warm_start both stay as they were (false after a reset).
 * The reset is lazy and complete (the next update starts from the empty state).
 */
import { binaryValueProblem, checkBinary, emptyMean, updateMean } from './binary-input';
import type { Detector, DetectorParams, DetectorSpec, DetectorState } from './types';

export interface DdmOptions {
  warm_start: number;
  warning_threshold: number;
  drift_threshold: number;
}

export function ddm({ warm_start = 30, warning_threshold = 2, drift_threshold = 3 }: Partial<DdmOptions> = {}): Detector {
  let p = emptyMean();
  let pMin = Infinity;
  let sMin = Infinity;
  let psMin = Infinity;
  let drift = false;
  let warning = false;
  let index = 0;

  return {
    update(x: number): DetectorState {
      checkBinary('ddm', x, index++);
      if (drift) {
        p = emptyMean();
        pMin = sMin = psMin = Infinity;
        drift = warning = false;
      }
      updateMean(p, x);
      const pI = p.mean;
      const sI = Math.sqrt((pI * (1 - pI)) / p.n);
      if (p.n > warm_start) {
        if (pI + sI <= psMin) {
          pMin = pI;
          sMin = sI;
          psMin = pMin + sMin;
        }
        warning = pI + sI > pMin + warning_threshold * sMin;
        if (pI + sI > pMin + drift_threshold * sMin) {
          drift = true;
          warning = false;
        }
      }
      return { drift, warning };
    },
  };
}

export const ddmSpec: DetectorSpec = {
  id: 'ddm',
  label: 'DDM',
  binary: true,
  warnings: true,
  definition:
    'Error rate p plus its standard deviation s = sqrt(p(1 − p)/n) against the smallest p + s seen: warning above p_min + warning_threshold·s_min, drift above p_min + drift_threshold·s_min.',
  params: {
    warm_start: { kind: 'int', default: 30, min: 0, description: 'Values since the last reset before a warning or drift can be signalled.' },
    warning_threshold: { kind: 'number', default: 2, min: 0, description: 'Standard deviations above the minimum for a warning.' },
    drift_threshold: { kind: 'number', default: 3, min: 0, description: 'Standard deviations above the minimum for a drift.' },
  },
  checkValue: binaryValueProblem,
  create: (p: DetectorParams) =>
    ddm({ warm_start: p.warm_start as number, warning_threshold: p.warning_threshold as number, drift_threshold: p.drift_threshold as number }),
};

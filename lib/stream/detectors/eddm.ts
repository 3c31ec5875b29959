/**
 * Early Drift Detection Method (Baena-García et al. 2006) after River 0.26 (river/drift/binary/eddm.py,
 * EDDM.update). Only errors (x = 1) move it: each adds its distance to the previous error to a running mean
 * p' and sample variance s'² (river/stats/var.py, Var with ddof = 1: S += (d − mean_old)(d − mean_new),
 * s'² = S/(n − 1)). Once past warm_start values, a new maximum of p' + 2s' is recorded; otherwise, past
 * warm_start errors, level = (p' + 2s') / max gives a drift below beta, a warning below alpha, and clears
 * the warning at or above alpha. A correct prediction leaves the warning as it was, and so does a drift.
 * The reset is lazy and complete (the next update starts from the empty state).
 */
import { binaryValueProblem, checkBinary, emptyMean, updateMean } from './binary-input';
import type { Detector, DetectorParams, DetectorSpec, DetectorState } from './types';

export interface EddmOptions {
  warm_start: number;
  alpha: number;
  beta: number;
}

export function eddm({ warm_start = 30, alpha = 0.95, beta = 0.9 }: Partial<EddmOptions> = {}): Detector {
  let distances = emptyMean();
  let sumSquares = 0;
  let n = 0;
  let lastError = 0;
  let nErrors = 0;
  let p2sMax = -1;
  let drift = false;
  let warning = false;
  let index = 0;

  return {
    update(x: number): DetectorState {
      checkBinary('eddm', x, index++);
      if (drift) {
        distances = emptyMean();
        sumSquares = 0;
        n = lastError = nErrors = 0;
        p2sMax = -1;
        drift = warning = false;
      }
      n += 1;
      if (x === 1) {
        nErrors += 1;
        const distance = n - lastError;
        const meanOld = distances.mean;
        updateMean(distances, distance);
        sumSquares += (distance - meanOld) * (distance - distances.mean);
        if (n > warm_start) {
          // River takes var ** 0.5 (C pow); sqrt is the correctly rounded value pow approximates to 0.52 ulp.
          const p2s = distances.mean + 2 * Math.sqrt(distances.n > 1 ? sumSquares / (distances.n - 1) : 0);
          if (p2s > p2sMax) {
            p2sMax = p2s;
          } else if (nErrors > warm_start) {
            const level = p2s / p2sMax;
            if (level < beta) drift = true;
            else warning = level < alpha;
          }
        }
        lastError = n;
      }
      return { drift, warning };
    },
  };
}

export const eddmSpec: DetectorSpec = {
  id: 'eddm',
  label: 'EDDM',
  binary: true,
  warnings: true,
  definition:
    "Mean p' and standard deviation s' of the distance between errors against their largest p' + 2s': warning when (p' + 2s')/max < alpha, drift when < beta.",
  params: {
    warm_start: { kind: 'int', default: 30, min: 0, description: 'Values, and then errors, since the last reset before a warning or drift can be signalled.' },
    alpha: { kind: 'number', default: 0.95, min: 0, max: 1, description: 'Warning when (p′ + 2s′)/max falls below alpha.' },
    beta: { kind: 'number', default: 0.9, min: 0, max: 1, description: 'Drift when (p′ + 2s′)/max falls below beta.' },
  },
  // EDDM.__init__ refuses alpha < beta.
  checkParams: (p) =>
    (p.alpha as number) < (p.beta as number) ? `alpha (${String(p.alpha)}) must be greater than or equal to beta (${String(p.beta)})` : undefined,
  checkValue: binaryValueProblem,
  create: (p: DetectorParams) => eddm({ warm_start: p.warm_start as number, alpha: p.alpha as number, beta: p.beta as number }),
};

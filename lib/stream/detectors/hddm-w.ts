/**
 * HDDM_W (Frías-Blanco et al. 2014: EWMA, McDiarmid's bound) after River 0.26 (river/drift/binary/hddm_w.py,
 * HDDMW.update, _update_incr_stats, _update_decr_stats, _has_mean_changed, SampleInfo):
 *   a sample is an EWMA (river/stats/ewmean.py; since River 0.24 the first update takes x, later ones
 *   λx + (1 − λ)·ewma) with ibc ← λ² + (1 − λ)²·ibc from 1; bound(ibc, c) = sqrt(ibc · ln(1/c) / 2).
 *   The whole-stream sample `total` plus (minus) its bound at drift_confidence sets the increase (decrease)
 *   cut point when it reaches a new minimum (maximum): the sample before is a copy of total, the one after
 *   a fresh EWMA of the values since. Increase at confidence c when ewma_after − ewma_before > bound(ibc sum, c):
 *   drift at drift_confidence, else warning at warning_confidence; two_sided_test adds decreases.
 * The reset is lazy and complete (the next update starts from the empty state).
 */
import { binaryValueProblem, checkBinary, CONFIDENCE } from './binary-input';
import type { Detector, DetectorParams, DetectorSpec, DetectorState } from './types';

export interface HddmWOptions {
  drift_confidence: number;
  warning_confidence: number;
  lambda_val: number;
  two_sided_test: boolean;
}

interface Sample {
  ewma: number;
  initialized: boolean;
  ibc: number;
}

const emptySample = (): Sample => ({ ewma: 0, initialized: false, ibc: 1.0 });

export function hddmW({
  drift_confidence = 0.001,
  warning_confidence = 0.005,
  lambda_val = 0.05,
  two_sided_test = false,
}: Partial<HddmWOptions> = {}): Detector {
  const lambdaSq = lambda_val * lambda_val;
  const complementSq = (1 - lambda_val) * (1 - lambda_val);
  const complement = 1.0 - lambda_val;
  let total = emptySample();
  let beforeIncr = emptySample();
  let afterIncr = emptySample();
  let beforeDecr = emptySample();
  let afterDecr = emptySample();
  let incrCutpoint = Infinity;
  let decrCutpoint = -Infinity;
  let drift = false;
  let warning = false;
  let index = 0;

  const updateSample = (s: Sample, x: number): void => {
    s.ewma = s.initialized ? lambda_val * x + complement * s.ewma : x;
    s.initialized = true;
    s.ibc = lambdaSq + complementSq * s.ibc;
  };
  const mcdiarmidBound = (ibc: number, confidence: number): number => Math.sqrt((ibc * Math.log(1 / confidence)) / 2);
  const changed = (from: Sample, to: Sample, confidence: number): boolean =>
    from.initialized && to.initialized && to.ewma - from.ewma > mcdiarmidBound(from.ibc + to.ibc, confidence);

  return {
    update(x: number): DetectorState {
      checkBinary('hddm_w', x, index++);
      if (drift) {
        total = emptySample();
        beforeIncr = emptySample();
        afterIncr = emptySample();
        beforeDecr = emptySample();
        afterDecr = emptySample();
        incrCutpoint = Infinity;
        decrCutpoint = -Infinity;
        drift = warning = false;
      }
      updateSample(total, x);
      // River computes this bound twice (incr and decr stats); total does not change in between.
      const eps = mcdiarmidBound(total.ibc, drift_confidence);

      if (total.ewma + eps < incrCutpoint) {
        incrCutpoint = total.ewma + eps;
        beforeIncr = { ...total };
        afterIncr = emptySample();
      } else {
        updateSample(afterIncr, x);
      }
      if (changed(beforeIncr, afterIncr, drift_confidence)) {
        drift = true;
        warning = false;
      } else {
        drift = false;
        warning = changed(beforeIncr, afterIncr, warning_confidence);
      }

      if (total.ewma - eps > decrCutpoint) {
        decrCutpoint = total.ewma - eps;
        beforeDecr = { ...total };
        afterDecr = emptySample();
      } else {
        updateSample(afterDecr, x);
      }
      if (two_sided_test) {
        if (changed(afterDecr, beforeDecr, drift_confidence)) drift = true;
        else if (changed(afterDecr, beforeDecr, warning_confidence)) warning = true;
      }
      return { drift, warning };
    },
  };
}

export const hddmWSpec: DetectorSpec = {
  id: 'hddm_w',
  label: 'HDDM_W',
  binary: true,
  warnings: true,
  definition:
    "EWMA of the error rate after the cut point against the one before: drift (warning) when the increase exceeds McDiarmid's bound at drift_confidence (warning_confidence).",
  params: {
    drift_confidence: { ...CONFIDENCE, default: 0.001, description: 'Confidence level of a drift.' },
    warning_confidence: { ...CONFIDENCE, default: 0.005, description: 'Confidence level of a warning.' },
    lambda_val: { kind: 'number', default: 0.05, min: 0, max: 1, description: 'EWMA weight of the newest value (larger adapts faster).' },
    two_sided_test: { kind: 'bool', default: false, description: 'Also signal decreases of the error rate.' },
  },
  checkValue: binaryValueProblem,
  create: (p: DetectorParams) =>
    hddmW({
      drift_confidence: p.drift_confidence as number,
      warning_confidence: p.warning_confidence as number,
      lambda_val: p.lambda_val as number,
      two_sided_test: p.two_sided_test as boolean,
    }),
};

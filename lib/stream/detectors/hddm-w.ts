import { checkBinary } from './binary-input';
import type { DetectorStep } from './ddm';

/** River's HDDMW constructor arguments (river/drift/binary/hddm_w.py, HDDMW.__init__), with its defaults. */
export interface HddmWParams {
  drift_confidence: number;
  warning_confidence: number;
  lambda_val: number;
  two_sided_test: boolean;
}

export const HDDM_W_DEFAULTS: HddmWParams = {
  drift_confidence: 0.001,
  warning_confidence: 0.005,
  lambda_val: 0.05,
  two_sided_test: false,
};

/**
 * An EWMA sample as River's SampleInfo (river/drift/binary/hddm_w.py): the EWMA (river/stats/ewmean.py,
 * EWMean, whose Rust core since River 0.24 takes x on the first update only, then λx + (1 − λ)·mean)
 * and the independent bound condition ibc ← λ² + (1 − λ)²·ibc, starting at 1.
 */
interface Sample {
  ewma: number;
  initialized: boolean;
  ibc: number;
}

const emptySample = (): Sample => ({ ewma: 0, initialized: false, ibc: 1.0 });

/**
 * HDDM_W (Frías-Blanco et al. 2014, EWMA test with McDiarmid's bound) as River 0.26 runs it
 * (river/drift/binary/hddm_w.py, HDDMW.update, _update_incr_stats, _update_decr_stats, _has_mean_changed).
 * The whole-stream EWMA (total) ± sqrt(ibc · ln(1/drift_confidence) / 2) sets a cut point when it reaches a
 * new minimum (maximum); the sample before the cut is a snapshot of total, the one after is a fresh EWMA of
 * the values since. An increase is significant at confidence c when ewma₂ − ewma₁ > the bound for
 * ibc₁ + ibc₂ and c; drift at drift_confidence, else warning at warning_confidence; two_sided_test adds the
 * decrease test. The update after a drift starts again from the empty state (River's lazy reset).
 */
export function createHddmW(params: Partial<HddmWParams> = {}): { update(x: number): DetectorStep } {
  const { drift_confidence, warning_confidence, lambda_val, two_sided_test } = { ...HDDM_W_DEFAULTS, ...params };
  const lambdaSq = lambda_val * lambda_val;
  const complementSq = (1 - lambda_val) * (1 - lambda_val);
  const oneMinusLambda = 1.0 - lambda_val;

  const updateSample = (s: Sample, x: number): void => {
    s.ewma = s.initialized ? lambda_val * x + oneMinusLambda * s.ewma : x;
    s.initialized = true;
    s.ibc = lambdaSq + complementSq * s.ibc;
  };
  const mcdiarmidBound = (ibc: number, confidence: number): number => Math.sqrt((ibc * Math.log(1 / confidence)) / 2);
  const meanChanged = (before: Sample, after: Sample, confidence: number): boolean => {
    if (!(before.initialized && after.initialized)) return false;
    return after.ewma - before.ewma > mcdiarmidBound(before.ibc + after.ibc, confidence);
  };

  let total = emptySample();
  let s1Incr = emptySample();
  let s2Incr = emptySample();
  let s1Decr = emptySample();
  let s2Decr = emptySample();
  let incrCutpoint = Infinity;
  let decrCutpoint = -Infinity;
  let drift = false;
  let warning = false;
  let index = 0;

  return {
    update(x: number): DetectorStep {
      checkBinary('hddm_w', x, index++);
      if (drift) {
        total = emptySample();
        s1Incr = emptySample();
        s2Incr = emptySample();
        s1Decr = emptySample();
        s2Decr = emptySample();
        incrCutpoint = Infinity;
        decrCutpoint = -Infinity;
        drift = warning = false;
      }
      updateSample(total, x);

      const eps = mcdiarmidBound(total.ibc, drift_confidence);
      if (total.ewma + eps < incrCutpoint) {
        incrCutpoint = total.ewma + eps;
        s1Incr = { ...total };
        s2Incr = emptySample();
      } else {
        updateSample(s2Incr, x);
      }
      if (meanChanged(s1Incr, s2Incr, drift_confidence)) {
        warning = false;
        drift = true;
      } else {
        warning = meanChanged(s1Incr, s2Incr, warning_confidence);
        drift = false;
      }

      // River recomputes the same bound in _update_decr_stats (total is unchanged since).
      if (total.ewma - eps > decrCutpoint) {
        decrCutpoint = total.ewma - eps;
        s1Decr = { ...total };
        s2Decr = emptySample();
      } else {
        updateSample(s2Decr, x);
      }
      if (two_sided_test) {
        if (meanChanged(s2Decr, s1Decr, drift_confidence)) drift = true;
        else if (meanChanged(s2Decr, s1Decr, warning_confidence)) warning = true;
      }
      return { drift, warning };
    },
  };
}

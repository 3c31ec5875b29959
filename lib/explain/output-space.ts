/**
 * The space explanations are computed in. Log-odds takes the logit of each model call before any
 * averaging over the background (so a logistic regression's values are exactly linear in its
 * inputs), unlike shap's `link="logit"`, which takes the logit of the averaged probability.
 */
import type { OutputSpace } from './types';

/** Probabilities this close to 0 or 1 are clipped before the logit (a tree's leaf may say exactly 0 or 1). */
export const LOGIT_EPS = 1e-12;

export interface Link {
  space: OutputSpace;
  /** Maps the model's outputs in place; returns how many were clipped. */
  apply(values: Float64Array): number;
}

export function linkFor(space: OutputSpace): Link {
  if (space === 'probability') return { space, apply: () => 0 };
  return {
    space,
    apply(values) {
      let clipped = 0;
      for (let i = 0; i < values.length; i++) {
        let p = values[i]!;
        if (!(p >= 0 && p <= 1)) throw new RangeError(`log-odds: the model returned ${p}, not a probability — use the probability space for a regressor`);
        if (p < LOGIT_EPS || p > 1 - LOGIT_EPS) {
          p = Math.min(1 - LOGIT_EPS, Math.max(LOGIT_EPS, p));
          clipped++;
        }
        values[i] = Math.log(p / (1 - p));
      }
      return clipped;
    },
  };
}

/**
 * Binary metrics against a decision threshold: a row is predicted positive when score ≥ t (the
 * convention of sklearn's curves). The default grid is t = 0, 0.01, …, 1 for probabilities
 * (all scores in [0, 1]) and np.linspace(min, max, 101) for other scores; the curves
 * (roc / precision_recall) already hold every distinct score.
 */
import { linspace, lowerBound } from '../stats/histogram';
import type { SplitScores } from './binary-curve';
import type { ThresholdSweep } from './types';

/** The default grid of thresholds for these (sorted, finite) scores. */
export function defaultThresholdGrid({ positive, negative }: SplitScores, points = 101): number[] {
  const min = Math.min(positive[0] ?? Infinity, negative[0] ?? Infinity);
  const max = Math.max(positive[positive.length - 1] ?? -Infinity, negative[negative.length - 1] ?? -Infinity);
  if (!(min <= max)) return [];
  if (min >= 0 && max <= 1) return Array.from({ length: points }, (_, i) => i / (points - 1));
  return Array.from(linspace(min, max, points));
}

/** The sweep at the given thresholds (default grid when omitted). */
export function thresholdSweep(split: SplitScores, thresholds: readonly number[] = defaultThresholdGrid(split)): ThresholdSweep {
  const { positive, negative } = split;
  const n = positive.length + negative.length;
  const out: ThresholdSweep = {
    thresholds: [...thresholds],
    precision: [],
    recall: [],
    f1: [],
    selection_rate: [],
    accuracy: [],
    tp: [],
    fp: [],
    tn: [],
    fn: [],
    best_f1: null,
  };
  for (const t of thresholds) {
    const tp = positive.length - lowerBound(positive, t);
    const fp = negative.length - lowerBound(negative, t);
    const fn = positive.length - tp;
    const tn = negative.length - fp;
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = positive.length === 0 ? 0 : tp / positive.length;
    const denom = precision + recall;
    const f1 = (2 * precision * recall) / (denom === 0 ? 1 : denom);
    out.tp.push(tp);
    out.fp.push(fp);
    out.tn.push(tn);
    out.fn.push(fn);
    out.precision.push(precision);
    out.recall.push(recall);
    out.f1.push(f1);
    out.selection_rate.push(n === 0 ? 0 : (tp + fp) / n);
    out.accuracy.push(n === 0 ? 0 : (tp + tn) / n);
    if (f1 > 0 && (out.best_f1 === null || f1 > out.best_f1.f1)) out.best_f1 = { threshold: t, f1 };
  }
  return out;
}

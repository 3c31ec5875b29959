/**
 * Label metrics computed from a confusion matrix, mirroring sklearn 1.2.1 with zero_division=0:
 * accuracy_score, balanced_accuracy_score and precision_recall_fscore_support (per class,
 * 'binary', 'macro', 'weighted'). Averages sum as numpy does (pairwise), so they match to the bit.
 */
import { numpySum } from '../stats/numpy-sum';
import { confusionTotal } from './confusion';
import type { ClassMetrics, ConfusionMatrix, PrecisionRecallF1 } from './types';

/** accuracy_score: the diagonal over all counted rows; null when there are none. */
export function accuracy(cm: ConfusionMatrix): number | null {
  const n = confusionTotal(cm);
  if (n === 0) return null;
  let correct = 0;
  cm.matrix.forEach((row, i) => (correct += row[i]!));
  return correct / n;
}

/**
 * balanced_accuracy_score: mean recall over the classes present in the target (sklearn drops the
 * NaN recall of a class that only appears among predictions); null when no rows.
 */
export function balancedAccuracy(cm: ConfusionMatrix): number | null {
  const recalls: number[] = [];
  cm.matrix.forEach((row, i) => {
    let support = 0;
    for (const c of row) support += c;
    if (support > 0) recalls.push(row[i]! / support);
  });
  return recalls.length === 0 ? null : numpySum(recalls) / recalls.length;
}

/** Per-class sufficient statistics: true positives, predicted count, true count. */
function classSums(cm: ConfusionMatrix): { tp: number[]; predicted: number[]; support: number[] } {
  const k = cm.labels.length;
  const tp = new Array<number>(k).fill(0);
  const predicted = new Array<number>(k).fill(0);
  const support = new Array<number>(k).fill(0);
  cm.matrix.forEach((row, i) => {
    row.forEach((c, j) => {
      support[i]! += c;
      predicted[j]! += c;
    });
    tp[i] = row[i]!;
  });
  return { tp, predicted, support };
}

/** F1 exactly as sklearn computes F-beta for beta = 1: (1 + β²)·P·R / (β²·P + R), 0 when P + R = 0. */
function f1Of(precision: number, recall: number): number {
  const denom = precision + recall;
  return (2 * precision * recall) / (denom === 0 ? 1 : denom);
}

/** One class's precision, recall, F1 and support (sklearn average='binary' with pos_label = that class). */
export function classMetrics(cm: ConfusionMatrix, label: string): ClassMetrics {
  const i = cm.labels.indexOf(label);
  if (i < 0) return { precision: 0, recall: 0, f1: 0, support: 0 };
  const { tp, predicted, support } = classSums(cm);
  const precision = predicted[i]! === 0 ? 0 : tp[i]! / predicted[i]!;
  const recall = support[i]! === 0 ? 0 : tp[i]! / support[i]!;
  return { precision, recall, f1: f1Of(precision, recall), support: support[i]! };
}

/** np.average(values, weights) = Σ v·w / Σ w, both sums pairwise. */
function weightedMean(values: number[], weights: number[]): number {
  return numpySum(values.map((v, i) => v * weights[i]!)) / numpySum(weights);
}

/**
 * precision_recall_fscore_support for every label in the matrix, with the macro and weighted
 * averages. With no true rows at all, sklearn's weighted average is 0 (zero_division=0).
 */
export function precisionRecallF1(cm: ConfusionMatrix): PrecisionRecallF1 {
  const { tp, predicted, support } = classSums(cm);
  const per_class: Record<string, ClassMetrics> = {};
  const precision: number[] = [];
  const recall: number[] = [];
  const f1: number[] = [];
  const zero_division = { precision: [] as string[], recall: [] as string[] };
  cm.labels.forEach((label, i) => {
    if (predicted[i] === 0) zero_division.precision.push(label);
    if (support[i] === 0) zero_division.recall.push(label);
    const p = predicted[i]! === 0 ? 0 : tp[i]! / predicted[i]!;
    const r = support[i]! === 0 ? 0 : tp[i]! / support[i]!;
    const f = f1Of(p, r);
    precision.push(p);
    recall.push(r);
    f1.push(f);
    per_class[label] = { precision: p, recall: r, f1: f, support: support[i]! };
  });
  const k = cm.labels.length;
  const mean = (v: number[]): number => (k === 0 ? 0 : numpySum(v) / k);
  const noSupport = numpySum(support) === 0;
  return {
    labels: [...cm.labels],
    per_class,
    precision_macro: mean(precision),
    recall_macro: mean(recall),
    f1_macro: mean(f1),
    precision_weighted: noSupport ? 0 : weightedMean(precision, support),
    recall_weighted: noSupport ? 0 : weightedMean(recall, support),
    f1_weighted: noSupport ? 0 : weightedMean(f1, support),
    zero_division,
  };
}

/** sklearn's UndefinedMetricWarning texts for zero_division, as result warnings. */
export function zeroDivisionWarnings(prf: PrecisionRecallF1, only?: string): string[] {
  const pick = (labels: string[]): string[] => (only === undefined ? labels : labels.filter((l) => l === only));
  const out: string[] = [];
  const p = pick(prf.zero_division.precision);
  const r = pick(prf.zero_division.recall);
  if (p.length > 0) out.push(`precision: ill-defined for label(s) with no predicted rows, set to 0: ${p.join(', ')}`);
  if (r.length > 0) out.push(`recall: ill-defined for label(s) with no true rows, set to 0: ${r.join(', ')}`);
  return out;
}

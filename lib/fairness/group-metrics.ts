import { NeumaierSum } from '../stats/neumaier-sum';
import type { Confusion, RateSet, UndefinedRatePolicy } from './types';

export interface ConfusionTable {
  byGroup: Confusion[];
  overall: Confusion;
}

class ConfusionSum {
  count = 0;
  readonly weight = new NeumaierSum();
  readonly cells = [new NeumaierSum(), new NeumaierSum(), new NeumaierSum(), new NeumaierSum()];

  add(truth: number, predicted: number, w: number): void {
    this.count++;
    this.weight.add(w);
    // cells: tn, fp, fn, tp — sklearn confusion_matrix(...).ravel() order
    this.cells[truth * 2 + predicted]!.add(w);
  }

  value(): Confusion {
    const [tn, fp, fn, tp] = this.cells.map((s) => s.value) as [number, number, number, number];
    return { count: this.count, weight: this.weight.value, tp, fp, fn, tn };
  }
}

/** Weighted confusion counts (positive = 1) per group and over all rows. */
export function confusionByGroup(yTrue: Uint8Array, yPred: Uint8Array, weight: Float64Array, groupOf: Int32Array, groupCount: number): ConfusionTable {
  const sums = Array.from({ length: groupCount }, () => new ConfusionSum());
  const all = new ConfusionSum();
  for (let i = 0; i < yTrue.length; i++) {
    sums[groupOf[i]!]!.add(yTrue[i]!, yPred[i]!, weight[i]!);
    all.add(yTrue[i]!, yPred[i]!, weight[i]!);
  }
  return { byGroup: sums.map((s) => s.value()), overall: all.value() };
}

function rate(numerator: number, denominator: number, policy: UndefinedRatePolicy): number | null {
  if (denominator !== 0) return numerator / denominator;
  return policy === 'zero' ? 0 : null;
}

/**
 * Fairlearn's rates from weighted counts. selection_rate = Σw·[ŷ = pos] / Σw and accuracy
 * (sklearn accuracy_score) are null when Σw = 0 (NaN in Fairlearn). TPR/FPR/FNR/TNR are the
 * rows of sklearn confusion_matrix(normalize='true'), which nan_to_num turns into 0 for a class
 * absent from a group; precision is sklearn precision_score, 0 when nothing is predicted
 * positive (zero_division='warn'). policy 'null' reports those as null instead.
 */
export function ratesOf(c: Confusion, policy: UndefinedRatePolicy): RateSet {
  const sure = c.weight !== 0;
  return {
    count: c.count,
    selection_rate: sure ? (c.tp + c.fp) / c.weight : null,
    tpr: rate(c.tp, c.tp + c.fn, policy),
    fpr: rate(c.fp, c.fp + c.tn, policy),
    fnr: rate(c.fn, c.tp + c.fn, policy),
    tnr: rate(c.tn, c.fp + c.tn, policy),
    precision: rate(c.tp, c.tp + c.fp, policy),
    accuracy: sure ? (c.tp + c.tn) / c.weight : null,
  };
}

/** Warnings naming the rates of one group (or "overall") that have a zero denominator. */
export function undefinedRateWarnings(name: string, c: Confusion, policy: UndefinedRatePolicy): string[] {
  const shown = policy === 'zero' ? 'reported as 0 (Fairlearn/sklearn convention)' : 'reported as null';
  const out: string[] = [];
  if (c.weight === 0) out.push(`${name}: total sample weight is 0 — selection_rate and accuracy are null`);
  else {
    if (c.tp + c.fn === 0) out.push(`${name}: no positive labels — tpr and fnr ${shown}`);
    if (c.fp + c.tn === 0) out.push(`${name}: no negative labels — fpr and tnr ${shown}`);
    if (c.tp + c.fp === 0) out.push(`${name}: no positive predictions — precision ${shown}`);
  }
  return out;
}

/**
 * Confusion matrix (sklearn.metrics.confusion_matrix): rows are true labels, columns predicted
 * labels, both in label order. Rows where either side is missing are left out.
 */
import { encodeLabels, labelsOf, checkLength, type LabelValue } from './labels';
import type { ConfusionMatrix } from './types';

/** Counts over encoded labels (codes from encodeLabels; −1 = missing, skipped). */
export function confusionCounts(truth: Int32Array, predicted: Int32Array, k: number): number[][] {
  const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i]!;
    const p = predicted[i]!;
    if (t >= 0 && p >= 0) matrix[t]![p]!++;
  }
  return matrix;
}

/**
 * confusion_matrix(y_true, y_pred, labels=…): the labels default to the sorted union of both
 * columns; with `labels` given every value must be one of them.
 */
export function confusionMatrix(
  yTrue: ArrayLike<LabelValue>,
  yPred: ArrayLike<LabelValue>,
  { labels }: { labels?: readonly LabelValue[] } = {},
): ConfusionMatrix {
  checkLength('prediction', yPred.length, yTrue.length);
  const order = labels ? labelsOf(labels) : labelsOf(yTrue, yPred);
  const truth = encodeLabels(yTrue, order, 'target');
  const predicted = encodeLabels(yPred, order, 'prediction');
  return { labels: order, matrix: confusionCounts(truth, predicted, order.length) };
}

/** confusion_matrix(normalize="true"): each row over its sum, an all-zero row stays 0 (nan_to_num). */
export function normaliseConfusionRows(cm: ConfusionMatrix): ConfusionMatrix {
  return {
    labels: [...cm.labels],
    matrix: cm.matrix.map((row) => {
      let sum = 0;
      for (const c of row) sum += c;
      return row.map((c) => (sum === 0 ? 0 : c / sum));
    }),
  };
}

/** Total number of rows counted in a confusion matrix. */
export function confusionTotal(cm: ConfusionMatrix): number {
  let n = 0;
  for (const row of cm.matrix) for (const c of row) n += c;
  return n;
}

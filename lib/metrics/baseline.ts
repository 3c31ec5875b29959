/**
 * A majority-class baseline, sklearn DummyClassifier(strategy="most_frequent"): every row is
 * predicted as the most frequent label of the reference target (ties: the first label in label
 * order, as np.argmax picks), scored against the evaluated target.
 */
import { accuracy, balancedAccuracy, classMetrics, precisionRecallF1 } from './classification';
import type { BaselineResult, ConfusionMatrix } from './types';

/**
 * `support[c]` counts label c in the evaluated target; `referenceCounts` (same order) the labels
 * the majority is taken from (default: `support`). Null when there are no rows.
 */
export function majorityBaseline(
  labels: readonly string[],
  support: readonly number[],
  posLabel: string | null,
  referenceCounts?: readonly number[],
): BaselineResult | null {
  const counts = referenceCounts ?? support;
  let best = -1;
  counts.forEach((c, i) => {
    if (c > 0 && (best < 0 || c > counts[best]!)) best = i;
  });
  if (best < 0) return null;
  const cm: ConfusionMatrix = {
    labels: [...labels],
    matrix: labels.map((_, t) => labels.map((__, p) => (p === best ? support[t]! : 0))),
  };
  const acc = accuracy(cm);
  const balanced = balancedAccuracy(cm);
  if (acc === null || balanced === null) return null;
  const prf = precisionRecallF1(cm);
  const positive = posLabel === null ? null : classMetrics(cm, posLabel);
  return {
    label: labels[best]!,
    source: referenceCounts ? 'reference' : 'target',
    accuracy: acc,
    balanced_accuracy: balanced,
    precision: positive ? positive.precision : prf.precision_macro,
    recall: positive ? positive.recall : prf.recall_macro,
    f1: positive ? positive.f1 : prf.f1_macro,
    f1_macro: prf.f1_macro,
  };
}

/**
 * scikit-learn 1.2's StratifiedKFold(n_splits, shuffle=True, random_state=seed) test folds, draw for
 * draw (sklearn/model_selection/_split.py, StratifiedKFold._make_test_folds): classes numbered by
 * first appearance; each fold's share of every class dealt round-robin over the sorted labels;
 * then, class by class, that class's block of fold numbers shuffled with numpy's legacy
 * RandomState(seed) (lib/stats/random.ts) and handed to its rows in order.
 */
import { AnalysisError } from '../errors';
import { mt19937, shuffle } from './random';

/** The test fold (0..splits−1) of each row, for labels given as small non-negative integers. */
export function stratifiedKFold(labels: ArrayLike<number>, splits: number, seed: number): Int32Array {
  if (!Number.isInteger(splits) || splits < 2) throw new AnalysisError('bad-folds', `folds: ${splits} — use a whole number, 2 or more`);
  const n = labels.length;
  // Classes in order of first appearance (y_encoded).
  const classOf = new Map<number, number>();
  const encoded = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let k = classOf.get(labels[i]!);
    if (k === undefined) {
      k = classOf.size;
      classOf.set(labels[i]!, k);
    }
    encoded[i] = k;
  }
  const classes = classOf.size;
  const counts = new Array<number>(classes).fill(0);
  for (const k of encoded) counts[k]!++;
  if (counts.every((c) => splits > c))
    throw new AnalysisError('too-few-rows', `folds: ${splits} is more than the rows of every class (${counts.join(', ')}) — use fewer folds or more rows`);
  // allocation[fold][class] = how many of the sorted labels y_order[fold::splits] are that class.
  const allocation = Array.from({ length: splits }, () => new Array<number>(classes).fill(0));
  let at = 0;
  for (let k = 0; k < classes; k++) {
    for (let c = 0; c < counts[k]!; c++, at++) allocation[at % splits]![k]!++;
  }
  const rng = mt19937(seed);
  const folds = new Int32Array(n);
  for (let k = 0; k < classes; k++) {
    const block: number[] = [];
    for (let fold = 0; fold < splits; fold++) for (let c = 0; c < allocation[fold]![k]!; c++) block.push(fold);
    shuffle(block, rng);
    let next = 0;
    for (let i = 0; i < n; i++) if (encoded[i] === k) folds[i] = block[next++]!;
  }
  return folds;
}

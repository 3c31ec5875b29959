/**
 * Permutation importance as scikit-learn 1.2's `permutation_importance`
 * (sklearn/inspection/_permutation_importance.py): importance = baseline score − score with one
 * column shuffled, for `nRepeats` shuffles. The shuffles are sklearn's: one seed drawn from
 * RandomState(seed).randint(2^31), then per column a fresh RandomState(that seed) shuffling an
 * index array in place each repeat, the column re-indexed by it each time (so the permutations
 * compose), which reproduces sklearn's numbers for the same model and data.
 */
import { AnalysisError } from '../errors';
import { binaryLogLoss } from '../metrics/log-loss';
import { r2Score } from '../metrics/regression';
import { rocAuc } from '../metrics/roc';
import type { FeatureBatch, Predictor } from '../models/types';
import { numpySum } from '../stats/numpy-sum';
import { mt19937, randomInterval, shuffle } from '../stats/random';
import type { PermutationImportance, PermutationMetric } from './types';

/** The target: 0/1 for classification metrics, numbers for regression ones. */
export type Target = Float64Array;

export const PERMUTATION_METRICS: readonly PermutationMetric[] = [
  'accuracy',
  'roc_auc',
  'neg_log_loss',
  'r2',
  'neg_mean_squared_error',
  'neg_mean_absolute_error',
];

export function isClassificationMetric(metric: PermutationMetric): boolean {
  return metric === 'accuracy' || metric === 'roc_auc' || metric === 'neg_log_loss';
}

/** sklearn's scorer (greater is better) for the model's output (a probability for classification metrics). */
export function scoreWith(metric: PermutationMetric, y: Target, out: Float64Array): number {
  const n = y.length;
  const per = new Float64Array(n);
  switch (metric) {
    case 'accuracy':
      // predict() is the class whose probability is larger; a tie (0.5) goes to the first class, 0.
      for (let i = 0; i < n; i++) per[i] = Number((out[i]! > 0.5 ? 1 : 0) === y[i]);
      return numpySum(per) / n;
    case 'roc_auc':
      return rocAuc(y, out) ?? NaN;
    case 'neg_log_loss':
      return -(binaryLogLoss(y, out) ?? NaN);
    case 'r2':
      return r2Score(y, out) ?? NaN;
    case 'neg_mean_squared_error':
      for (let i = 0; i < n; i++) per[i] = (y[i]! - out[i]!) ** 2;
      return -numpySum(per) / n;
    case 'neg_mean_absolute_error':
      for (let i = 0; i < n; i++) per[i] = Math.abs(y[i]! - out[i]!);
      return -numpySum(per) / n;
  }
}

export interface PermutationOptions {
  metric: PermutationMetric;
  nRepeats: number;
  seed: number;
  batchRows: number;
  signal?: AbortSignal;
  onRepeat?: () => void;
}

async function predictAll(predictor: Predictor, data: FeatureBatch, batchRows: number, signal?: AbortSignal): Promise<Float64Array> {
  const out = new Float64Array(data.rows);
  for (let from = 0; from < data.rows; from += batchRows) {
    if (signal?.aborted) throw new AnalysisError('cancelled', 'explain: cancelled');
    const to = Math.min(data.rows, from + batchRows);
    const columns: FeatureBatch['columns'] = {};
    for (const [name, c] of Object.entries(data.columns)) columns[name] = c.slice(from, to);
    const part = await predictor({ rows: to - from, columns }, signal);
    if (part.length !== to - from)
      throw new AnalysisError('model-output', `permutation importance: the model returned ${part.length} values for ${to - from} rows`);
    out.set(part, from);
  }
  return out;
}

function meanStd(values: Float64Array): { mean: number; std: number } {
  const mean = numpySum(values) / values.length;
  const sq = values.map((v) => (v - mean) ** 2);
  return { mean, std: Math.sqrt(numpySum(sq) / values.length) };
}

export async function permutationImportance(predictor: Predictor, data: FeatureBatch, y: Target, options: PermutationOptions): Promise<PermutationImportance> {
  const { metric, nRepeats, seed, batchRows, signal } = options;
  if (!Number.isSafeInteger(nRepeats) || nRepeats < 1) throw new RangeError(`permutation importance: nRepeats must be a positive integer, got ${nRepeats}`);
  const baseline = scoreWith(metric, y, await predictAll(predictor, data, batchRows, signal));
  // sklearn: random_state.randint(np.iinfo(np.int32).max + 1), one seed shared by every column.
  const columnSeed = randomInterval(mt19937(seed), 2 ** 31 - 1);
  const features: PermutationImportance['features'] = {};
  for (const name of Object.keys(data.columns)) {
    const rng = mt19937(columnSeed);
    const index = new Uint32Array(data.rows).map((_, i) => i);
    let column = data.columns[name]!;
    const importances = new Float64Array(nRepeats);
    for (let r = 0; r < nRepeats; r++) {
      shuffle(index, rng);
      const previous = column;
      column = previous instanceof Float64Array ? previous.map((_, i) => previous[index[i]!]!) : previous.map((_, i) => previous[index[i]!]!);
      const permuted = await predictAll(predictor, { rows: data.rows, columns: { ...data.columns, [name]: column } }, batchRows, signal);
      importances[r] = baseline - scoreWith(metric, y, permuted);
      options.onRepeat?.();
    }
    features[name] = { ...meanStd(importances), importances: Array.from(importances) };
  }
  return { metric, nRepeats, seed, rows: data.rows, baseline, features };
}

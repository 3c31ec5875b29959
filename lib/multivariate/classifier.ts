/**
 * The domain classifier (after NannyML's DomainClassifierCalculator,
 * nannyml/drift/multivariate/domain_classifier/calculator.py `_calculate_chunk`): reference rows
 * are labelled 0 and current rows 1, a classifier learns to tell them apart, and the
 * cross-validated ROC AUC says how well it can — 0.5 when the two are alike, 1 when every row
 * gives its origin away. Driftbook's settings (stated in the result): stratified k-fold split as
 * sklearn's StratifiedKFold(k, shuffle=True, random_state=seed) (lib/stats/stratified-kfold.ts),
 * L2 logistic regression (C = 1, logistic.ts) on the features imputed, frequency-encoded and
 * standardised on the reference (as the PCA method), ROC AUC of the out-of-fold probabilities
 * (sklearn's roc_auc_score, lib/metrics/roc.ts). NannyML uses LightGBM and no shuffle; a linear
 * model sees shifts of the features' means and of their linear combinations, not a change of
 * spread or of correlation alone (the PCA method sees those).
 * Feature importance is permutation importance (sklearn's definition: the drop of the score when
 * a column is shuffled, averaged over repeats) on each fold's held-out rows, shuffled with a seeded
 * numpy-compatible stream, so the numbers repeat for a seed but are not sklearn's draws.
 */
import { AnalysisError } from '../errors';
import { rocAuc } from '../metrics/roc';
import { mt19937, shuffle } from '../stats/random';
import { stratifiedKFold } from '../stats/stratified-kfold';
import { fitLogistic, predictLogistic, type LogisticModel } from './logistic';

export interface ClassifierSettings {
  model: 'logistic-regression';
  /** Inverse L2 penalty (sklearn's C). */
  c: number;
  folds: number;
  seed: number;
  /** Permutation-importance repeats per feature. */
  repeats: number;
}

export const DEFAULT_CLASSIFIER: ClassifierSettings = { model: 'logistic-regression', c: 1, folds: 5, seed: 42, repeats: 5 };

export interface FeatureImportance {
  feature: string;
  /** Mean drop of the ROC AUC when the feature is shuffled. */
  mean: number;
  std: number;
}

export interface CrossValidated {
  auc: number;
  folds: Int32Array;
  probabilities: Float64Array;
  models: LogisticModel[];
}

export interface Progress {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

const check = (signal?: AbortSignal) => {
  if (signal?.aborted) throw new AnalysisError('aborted', 'multivariate drift cancelled');
};

/** Labels: the first `nRef` rows of x are reference (0), the rest current (1). */
export function domainLabels(nRef: number, n: number): Uint8Array {
  const y = new Uint8Array(n);
  y.fill(1, nRef);
  return y;
}

/** Out-of-fold probabilities and their ROC AUC (0.5 when only one side has rows, as NannyML). */
export function crossValidate(x: Float64Array, nRef: number, f: number, settings: ClassifierSettings, progress: Progress = {}): CrossValidated {
  const n = x.length / f;
  const y = domainLabels(nRef, n);
  const folds = stratifiedKFold(y, settings.folds, settings.seed);
  const probabilities = new Float64Array(n);
  const models: LogisticModel[] = [];
  for (let fold = 0; fold < settings.folds; fold++) {
    check(progress.signal);
    const train = Int32Array.from({ length: n }, (_, i) => i).filter((i) => folds[i] !== fold);
    const model = fitLogistic(x, y, train, f, settings.c);
    models.push(model);
    for (let i = 0; i < n; i++) if (folds[i] === fold) probabilities[i] = predictLogistic(model, x, i, f);
    progress.onProgress?.(fold + 1, settings.folds);
  }
  return { auc: rocAuc(y, probabilities) ?? 0.5, folds, probabilities, models };
}

/** Permutation importance of each feature for the cross-validated classifier, largest first. */
export function permutationImportance(
  x: Float64Array,
  nRef: number,
  features: readonly string[],
  cv: CrossValidated,
  settings: ClassifierSettings,
  progress: Progress = {},
): FeatureImportance[] {
  const f = features.length;
  const n = x.length / f;
  const y = domainLabels(nRef, n);
  const rng = mt19937(settings.seed);
  const byFold = Array.from({ length: settings.folds }, (_, fold) => Int32Array.from({ length: n }, (_, i) => i).filter((i) => cv.folds[i] === fold));
  const row = new Float64Array(f);
  const out = features.map((feature, j) => {
    check(progress.signal);
    const drops: number[] = [];
    for (let r = 0; r < settings.repeats; r++) {
      const permuted = new Float64Array(n);
      byFold.forEach((rows, fold) => {
        const order = Float64Array.from(rows);
        shuffle(order, rng);
        rows.forEach((i, k) => {
          row.set(x.subarray(i * f, i * f + f));
          row[j] = x[order[k]! * f + j]!;
          permuted[i] = predictLogistic(cv.models[fold]!, row, 0, f);
        });
      });
      drops.push(cv.auc - (rocAuc(y, permuted) ?? 0.5));
    }
    const mean = drops.reduce((s, d) => s + d, 0) / drops.length;
    const std = Math.sqrt(drops.reduce((s, d) => s + (d - mean) ** 2, 0) / drops.length);
    progress.onProgress?.(j + 1, f);
    return { feature, mean, std };
  });
  return out.sort((a, b) => b.mean - a.mean);
}

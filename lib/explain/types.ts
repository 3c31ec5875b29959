/**
 * Explanations of a model's predictions: interventional Shapley values (exact or Kernel SHAP),
 * global importance and its drift between reference and current, permutation importance and a
 * LIME-style local surrogate. Results are plain JSON (they cross the worker boundary, go into
 * IndexedDB and into exported reports unchanged).
 */
import type { Dataset } from '../data/types';
import type { InputMapping, TensorInfo } from '../models/types';

/**
 * The space Shapley values are computed in. `probability`: the predictor's output as is (a
 * classifier's positive-class probability, a regressor's value). `log-odds`: the logit of each
 * model call, then averaged over the background (not the logit of the averaged probability).
 */
export type OutputSpace = 'probability' | 'log-odds';

/** `auto`: exact up to 12 features, Kernel SHAP beyond. */
export type ShapMethod = 'auto' | 'exact' | 'kernel';

/** Metrics permutation importance can use, by scikit-learn's scorer names (greater is better). */
export type PermutationMetric = 'accuracy' | 'roc_auc' | 'neg_log_loss' | 'r2' | 'neg_mean_squared_error' | 'neg_mean_absolute_error';

export interface ExplainConfig {
  /** The model's input columns (the mapping's columns), in the order the values are reported. */
  features: string[];
  /** Rows of the current data to explain (0-based data rows); absent: the first `maxRows` rows. */
  rows?: number[];
  /** Cap on the rows explained when `rows` is absent (default 1000). */
  maxRows?: number;
  /** Background size sampled from the reference (or the background data); default 100. */
  backgroundSize?: number;
  method?: ShapMethod;
  /** Kernel SHAP: coalitions per row (default 2048), capped at 2^M − 2, where it is exact. */
  samples?: number;
  /** Seeds the background sample, Kernel SHAP's coalitions, permutations and LIME (default 42). */
  seed?: number;
  outputSpace?: OutputSpace;
  /** Attribution drift: explain this many reference rows too (default: same cap as `maxRows`), 0 = off. */
  referenceRows?: number;
  /** Drift method id (lib/drift's registry) for each feature's attribution distribution (default: Evidently's default). */
  driftMethod?: string;
  /** Permutation importance: needs the target column. */
  permutation?: { target: string; metric?: PermutationMetric; nRepeats?: number; positiveLabel?: string };
  /** A local explanation (SHAP waterfall + LIME surrogate) for this row of the current data. */
  local?: { row: number; samples?: number; kernelWidth?: number; alpha?: number };
}

/** The data an explanation reads: the explained (current) rows, the reference, an explicit background. */
export interface ExplainData {
  current: Dataset;
  /** Background source (sampled) and attribution-drift reference. */
  reference?: Dataset;
  /** Explicit background file (`--background`): sampled from instead of the reference. */
  background?: Dataset;
}

export interface ExplainOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Stated in the result: the model's hash and its inputs/outputs. */
  model?: ModelSummary;
  /**
   * How the model's inputs take the columns: with `model.inputs`, columns are read as the model reads
   * them (lib/models: text for string inputs, numbers otherwise, whatever the column's inferred type).
   * Without it, by the dataset's column types (numeric → numbers, others → text).
   */
  mapping?: InputMapping;
  /** Rows per predictor call (default 65,536). */
  batchRows?: number;
}

export interface ModelSummary {
  sha256: string;
  inputs: TensorInfo[];
  outputs: TensorInfo[];
}

export interface ExplainedRow {
  /** 0-based data row. */
  index: number;
  /** f(x) in the explained space (null for shap_ columns without a model). */
  prediction: number | null;
  shap: Record<string, number>;
  /** The row's feature values (numbers, or categories as strings), for dependence plots. */
  values: Record<string, number | string | null>;
}

export interface BackgroundInfo {
  source: 'reference' | 'background' | 'current';
  rows: number;
  /** Rows of the source used (sorted), when sampled; absent when the whole source was used. */
  sampled?: number[];
  seed: number;
}

/** A feature's attribution distribution tested with a drift method (reference vs current SHAP values). */
export interface FeatureAttributionDrift {
  feature: string;
  reference: number;
  current: number;
  method: string;
  score: number | null;
  threshold: number | null;
  drifted: boolean;
  /** Why the distribution was not tested (e.g. no values on one side). */
  reason?: string;
}

export interface AttributionDrift {
  /** Kendall's τ-b between the reference and current mean |SHAP| (scipy.stats.kendalltau), and its p-value. */
  kendallTau: number | null;
  pValue: number | null;
  /** Features by decreasing mean |SHAP| on each side. */
  ranking: { reference: string[]; current: string[] };
  features: FeatureAttributionDrift[];
}

export interface PermutationImportance {
  metric: PermutationMetric;
  nRepeats: number;
  seed: number;
  rows: number;
  baseline: number;
  /** Per feature: baseline − permuted score, mean and std (ddof 0) over the repeats, and each repeat. */
  features: Record<string, { mean: number; std: number; importances: number[] }>;
}

export interface LimeExplanation {
  row: number;
  samples: number;
  kernelWidth: number;
  alpha: number;
  intercept: number;
  /** Coefficients per feature, on the standardised scale (per background std). */
  coefficients: Record<string, number>;
  /** The surrogate's prediction at the row, and the model's. */
  localPrediction: number;
  prediction: number;
  /** Weighted R² of the surrogate on its perturbations (LIME's `score`). */
  fidelity: number;
}

export interface ExplainResult {
  schemaVersion: 1;
  /** Null on the no-model path (shap_ columns). */
  model: ModelSummary | null;
  output: OutputSpace;
  method: 'exact' | 'kernel' | 'shap-columns';
  /** Coalitions evaluated per explained row (exact: 2^M; kernel: the number used, ≤ 2^M − 2). */
  coalitions: number;
  /** mean f(background) in the explained space (null for shap_ columns). */
  baseValue: number | null;
  background: BackgroundInfo | null;
  features: string[];
  rows: ExplainedRow[];
  /** Mean |SHAP| per feature over the explained current rows. */
  global: Record<string, number>;
  /** Mean |SHAP| over the explained reference rows, with the attribution drift. */
  reference?: { rows: number; global: Record<string, number> };
  attributionDrift?: AttributionDrift;
  permutation?: { reference?: PermutationImportance; current: PermutationImportance };
  local?: { row: ExplainedRow; lime: LimeExplanation | null };
  warnings: string[];
}

/**
 * Result types of lib/metrics: plain serialisable objects (number[] rather than typed arrays, no
 * Infinity or NaN — an undefined metric is null with a reason in `warnings`).
 */

/** sklearn confusion_matrix: rows are true labels, columns predicted labels, both in `labels` order. */
export interface ConfusionMatrix {
  labels: string[];
  matrix: number[][];
}

/** One class's precision_recall_fscore_support (zero_division=0). */
export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** precision_recall_fscore_support for every class and its averages. */
export interface PrecisionRecallF1 {
  labels: string[];
  per_class: Record<string, ClassMetrics>;
  precision_macro: number;
  recall_macro: number;
  f1_macro: number;
  precision_weighted: number;
  recall_weighted: number;
  f1_weighted: number;
  /** Labels whose precision (no predicted rows) or recall (no true rows) was set to 0. */
  zero_division: { precision: string[]; recall: string[] };
}

/**
 * sklearn roc_curve with drop_intermediate=True. thresholds[0] is max(score) + 1 (sklearn 1.2;
 * later versions use +Infinity, which JSON cannot hold). `total_points` is the full curve's length
 * when the arrays were downsampled for display.
 */
export interface RocCurve {
  fpr: number[];
  tpr: number[];
  thresholds: number[];
  total_points: number;
}

/** sklearn precision_recall_curve: recall decreasing, last point (precision 1, recall 0) has no threshold. */
export interface PrecisionRecallCurve {
  precision: number[];
  recall: number[];
  thresholds: number[];
  total_points: number;
}

/**
 * sklearn calibration_curve over the non-empty bins, plus their counts and the expected calibration
 * error ECE = Σ_b (n_b / N)·|prob_true_b − prob_pred_b| over the same bins.
 */
export interface CalibrationResult {
  /** 'positive': P(positive class) vs positive rate; 'top-label': max probability vs accuracy of the argmax (multiclass). */
  kind: 'positive' | 'top-label';
  strategy: 'uniform' | 'quantile';
  n_bins: number;
  /** All n_bins + 1 edges (quantile edges may repeat). */
  edges: number[];
  prob_true: number[];
  prob_pred: number[];
  counts: number[];
  ece: number;
}

/** Binary metrics when predicting positive for score ≥ threshold, at each threshold. */
export interface ThresholdSweep {
  thresholds: number[];
  precision: number[];
  recall: number[];
  f1: number[];
  selection_rate: number[];
  accuracy: number[];
  tp: number[];
  fp: number[];
  tn: number[];
  fn: number[];
  /** The threshold with the highest F1 (the first one on ties), or null when none has F1 > 0. */
  best_f1: { threshold: number; f1: number } | null;
}

/** A DummyClassifier(strategy="most_frequent"): every row predicted as `label`. */
export interface BaselineResult {
  label: string;
  /** Where `label` came from: the evaluated target or a separate reference target. */
  source: 'target' | 'reference';
  accuracy: number;
  balanced_accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  f1_macro: number;
}

export interface RocOvrEntry {
  label: string;
  auc: number | null;
  curve: RocCurve | null;
}

export interface ClassificationMetricsResult {
  task: 'binary' | 'multiclass';
  /** Class labels in sklearn order (see labels.ts). */
  labels: string[];
  /** The positive class (binary); null for multiclass. */
  pos_label: string | null;
  n_rows: number;
  /** Rows used by the label metrics (target and prediction present). */
  n_used: number;
  excluded_rows: number;
  /** Rows used by the score metrics (target present, every score finite). */
  n_scored: number;
  excluded_score_rows: number;
  accuracy: number | null;
  balanced_accuracy: number | null;
  /** Binary: of pos_label. Multiclass: the macro averages. */
  precision: number | null;
  recall: number | null;
  f1: number | null;
  /** Binary: roc_auc_score. Multiclass: roc_auc_ovr_macro. */
  roc_auc: number | null;
  /** Binary only (average_precision_score); null for multiclass. */
  average_precision: number | null;
  log_loss: number | null;
  /** Binary only (brier_score_loss); null for multiclass. */
  brier_score: number | null;
  precision_macro?: number | null;
  recall_macro?: number | null;
  f1_macro?: number | null;
  precision_weighted?: number | null;
  recall_weighted?: number | null;
  f1_weighted?: number | null;
  roc_auc_ovr_macro?: number | null;
  roc_auc_ovr_weighted?: number | null;
  per_class: Record<string, ClassMetrics>;
  confusion_matrix: ConfusionMatrix;
  /** Rows divided by their sums (confusion_matrix(normalize="true")); an empty row stays 0. */
  confusion_matrix_normalized: ConfusionMatrix;
  curves: {
    roc: RocCurve | null;
    precision_recall: PrecisionRecallCurve | null;
    /** Multiclass: one-vs-rest ROC per class. */
    roc_ovr?: RocOvrEntry[];
  };
  calibration: CalibrationResult | null;
  threshold_sweep: ThresholdSweep | null;
  baseline: BaselineResult | null;
  warnings: string[];
}

export interface RegressionSegment {
  /** The segment's label (labels.ts normalisation); null for rows where the segment is missing. */
  segment: string | null;
  count: number;
  mae: number;
  rmse: number;
  mean_error: number;
}

export interface ResidualBin {
  lower: number;
  upper: number;
  count: number;
  mean_feature: number | null;
  mean_error: number | null;
  mae: number | null;
}

export interface RegressionMetricsResult {
  task: 'regression';
  n_rows: number;
  n_used: number;
  /** Rows without a finite target and prediction. */
  excluded_rows: number;
  /** Mean of predicted − actual: positive means the model over-predicts. */
  mean_error: number | null;
  mae: number | null;
  mse: number | null;
  rmse: number | null;
  mape: number | null;
  r2: number | null;
  max_error: number | null;
  /** Histogram of errors (predicted − actual), numpy edges. */
  residual_histogram: { edges: number[]; counts: number[] } | null;
  /** A deterministic sample of rows, in row order. */
  predicted_vs_actual: { actual: number[]; predicted: number[]; total: number; sampled: boolean };
  segments: { name: string; groups: RegressionSegment[]; other: RegressionSegment | null; excluded_rows: number }[];
  residuals_by_feature: { name: string; bins: ResidualBin[]; excluded_rows: number }[];
  /** A DummyRegressor(strategy="mean"): predict the target's mean everywhere. */
  baseline: { prediction: number; mae: number; rmse: number; r2: number } | null;
  warnings: string[];
}

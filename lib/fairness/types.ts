/**
 * Types of the fairness analysis (lib/fairness/fairness.ts). Results are plain serialisable
 * objects; JSON field names are snake_case as in Fairlearn and Aequitas so users can compare.
 */

/** A label, prediction or sensitive value as read from a column; null/undefined/NaN/'' are missing. */
export type FairnessValue = string | number | boolean | null | undefined;

export interface SensitiveFeature {
  name: string;
  values: readonly FairnessValue[];
}

export interface FairnessInput {
  yTrue: readonly FairnessValue[];
  yPred: readonly FairnessValue[];
  /** One sensitive feature, or two for their intersection (group = value pair). */
  sensitive: readonly SensitiveFeature[];
  /** Per-row weights (finite, ≥ 0); all 1 when absent. */
  sampleWeight?: Float64Array;
  /** Score of the positive class per row (null/NaN = missing); enables per-group thresholds. */
  scores?: ArrayLike<number | null>;
}

/** Fairlearn MetricFrame.difference/ratio `method`. */
export type ParityMethod = 'between_groups' | 'to_overall';
/** Fairlearn equalized_odds_* `agg`. */
export type OddsAggregation = 'worst_case' | 'mean';
/**
 * How a rate with a zero denominator (TPR of a group without positives, precision of a group
 * without predicted positives) is reported: 'zero' as Fairlearn/sklearn do (confusion_matrix
 * normalize='true' then nan_to_num; precision_score zero_division='warn' → 0), or 'null'
 * (undefined, left out of the aggregates as pandas' skipna does).
 */
export type UndefinedRatePolicy = 'zero' | 'null';
export type ThresholdCriterion = 'tpr' | 'selection_rate';

export interface ThresholdOptions {
  /** Which rate to equalise: TPR (equal opportunity) or selection rate (demographic parity). */
  criterion?: ThresholdCriterion;
  /** Threshold defining the "before" predictions (score ≥ threshold → positive). */
  baseThreshold?: number;
  /** Common rate to aim for; default the overall rate at the base threshold. */
  target?: number;
}

export interface FairnessOptions {
  /** Positive label; default 1 when labels are {0, 1} or {-1, 1} (Fairlearn), true for {false, true}. */
  posLabel?: string | number | boolean;
  method?: ParityMethod;
  agg?: OddsAggregation;
  undefinedRates?: UndefinedRatePolicy;
  /** Aequitas reference group name; default the largest group by count. */
  referenceGroup?: string;
  /** Disparities outside [low, high] are flagged; default Aequitas' [0.8, 1.25]. */
  disparityBand?: readonly [number, number];
  /** Per-group thresholds (needs input.scores); false to skip. */
  thresholds?: ThresholdOptions | false;
}

/** A group: its display name ("Female, White") and the value tuple it stands for. */
export interface GroupKey {
  group: string;
  values: string[];
}

/** Per-group rates (Fairlearn MetricFrame.by_group); null where undefined. */
export interface RateSet {
  /** Unweighted row count. */
  count: number;
  selection_rate: number | null;
  tpr: number | null;
  fpr: number | null;
  fnr: number | null;
  tnr: number | null;
  precision: number | null;
  accuracy: number | null;
}

export interface GroupRates extends RateSet {
  group: string;
  values: string[];
}

/** Weighted confusion counts of one group (positive = posLabel). */
export interface Confusion {
  count: number;
  weight: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** Fairlearn's disparity metrics for one `method`. */
export interface ParitySummary {
  demographic_parity_difference: number | null;
  demographic_parity_ratio: number | null;
  equal_opportunity_difference: number | null;
  equal_opportunity_ratio: number | null;
  equalized_odds_difference: { worst_case: number | null; mean: number | null };
  equalized_odds_ratio: { worst_case: number | null; mean: number | null };
}

export type AequitasMetric = 'fpr' | 'fnr' | 'fdr' | 'for' | 'precision' | 'ppr' | 'pprev';

export interface DisparityRow {
  group: string;
  values: string[];
  count: number;
  metrics: Record<AequitasMetric, number | null>;
  /** group metric / reference metric; null when either is undefined or the reference is 0. */
  disparity: Record<AequitasMetric, number | null>;
  /** Metrics whose disparity lies outside the band. */
  flagged: AequitasMetric[];
}

export interface DisparityResult {
  reference_group: string;
  reference_rule: 'largest' | 'chosen';
  band: [number, number];
  groups: DisparityRow[];
}

export interface ReweighingRow {
  group: string;
  values: string[];
  label: string;
  /** Rows with this group and label (unweighted). */
  count: number;
  /** P(g)·P(y) / P(g, y); null when the combination has no rows. */
  weight: number | null;
}

export interface ReweighingResult {
  formula: string;
  sensitive: string[];
  rows: ReweighingRow[];
}

export interface ThresholdGroup {
  group: string;
  values: string[];
  count: number;
  threshold: number | null;
  rate_before: number | null;
  rate_after: number | null;
  before: RateSet;
  after: RateSet;
}

export interface ThresholdOutcome {
  accuracy: number | null;
  demographic_parity_difference: number | null;
  equal_opportunity_difference: number | null;
  equalized_odds_difference: number | null;
}

export interface ThresholdResult {
  algorithm: string;
  criterion: ThresholdCriterion;
  base_threshold: number;
  target: number | null;
  /** Rows used (scored, not excluded) and rows left out for a missing score. */
  rows: number;
  missing_scores: number;
  groups: ThresholdGroup[];
  before: ThresholdOutcome;
  after: ThresholdOutcome;
}

export interface ExcludedRows {
  /** Rows left out (each counted once, whatever the number of missing fields). */
  total: number;
  missing_target: number;
  missing_prediction: number;
  missing_sensitive: number;
}

export interface FairnessResult {
  kind: 'fairness';
  schemaVersion: 1;
  sensitive: string[];
  pos_label: string;
  labels: string[];
  method: ParityMethod;
  agg: OddsAggregation;
  undefined_rates: UndefinedRatePolicy;
  groups: GroupRates[];
  demographic_parity_difference: number | null;
  demographic_parity_ratio: number | null;
  equal_opportunity_difference: number | null;
  equal_opportunity_ratio: number | null;
  equalized_odds_difference: number | null;
  equalized_odds_ratio: number | null;
  overall: RateSet;
  /** Every method × aggregation, whichever the top-level fields picked. */
  parity: Record<ParityMethod, ParitySummary>;
  disparities: DisparityResult;
  reweighing: ReweighingResult;
  thresholds: ThresholdResult | null;
  warnings: string[];
  excluded_rows: ExcludedRows;
}

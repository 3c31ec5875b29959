/**
 * Comparing models and variants (issue 17): the JSON the CLI prints and the cells keep. Undefined
 * numbers are null with a `reason`, never NaN. Pairs are (a, b) in the order models were given;
 * every difference, z and paired test is a − b.
 */

/** A number that may be undefined, with why. */
export interface MaybeNumber {
  value: number | null;
  reason?: string;
}

export type CompareTask = 'classification' | 'regression';

export interface PairComparison {
  a: string;
  b: string;
  /** Share of rows where the two predictions are equal; null in canary mode (the models served different rows). */
  agreement: number | null;
  agreementReason?: string;
  /** sklearn cohen_kappa_score; null (with reason) when undefined. */
  cohenKappa: number | null;
  cohenKappaReason?: string;
  /** Rows: a's prediction, columns: b's prediction (labels in sorted order). */
  disagreement?: { labels: string[]; counts: number[][] };
  /** statsmodels mcnemar on the paired correctness table (exact binomial when b + c < 25). */
  mcnemar?: { statistic: number; pValue: number; exact: boolean; table: [[number, number], [number, number]] };
  /** DeLong's test of AUC(a) − AUC(b) on the same rows (Sun & Xu 2014); null without scores or when undefined. */
  delong: { aucA: number; aucB: number; z: number | null; pValue: number | null; reason?: string } | null;
  /** Per metric: a − b with a paired bootstrap 95% percentile interval. */
  deltas: Record<string, { value: number | null; ci: [number | null, number | null]; reason?: string }>;
  /** Regression: scipy wilcoxon(|e_a|, |e_b|, zero_method="wilcox", correction=False), normal approximation. */
  wilcoxon?: { statistic: number | null; pValue: number | null; reason?: string };
  /** Regression: scipy ttest_rel(|e_a|, |e_b|). */
  pairedT?: { statistic: number | null; pValue: number | null; reason?: string };
  /** Canary (independent groups): statsmodels proportions_ztest (pooled) of the two groups' accuracies. */
  accuracyZTest?: { statistic: number | null; pValue: number | null; reason?: string };
}

export interface CompareResult {
  schemaVersion: 1;
  task: CompareTask;
  /** Shadow (several prediction columns on the same rows) or canary (one prediction column, a column naming the serving model). */
  mode: 'shadow' | 'canary';
  rows: number;
  /** Each model's metrics on its rows, and its 95% bootstrap interval per metric (the pairs' seed and resamples). */
  models: { name: string; n: number; metrics: Record<string, number | null>; ci?: Record<string, [number | null, number | null]> }[];
  pairs: PairComparison[];
  friedman?: {
    statistic: number | null;
    pValue: number | null;
    reason?: string;
    blocks: { label: string; rows: number; metrics: Record<string, number | null> }[];
    meanRanks: Record<string, number>;
    metric: 'accuracy' | 'mae';
  };
  bootstrap: { resamples: number; seed: number };
  /** The verdict with its rule and numbers, e.g. "challenger better: Δ accuracy +0.021 [0.008, 0.034], McNemar p = 0.002". */
  verdict: string;
  warnings: string[];
}

export interface AbVariant {
  name: string;
  n: number;
  conversions?: number;
  rate?: number | null;
  /** Wilson 95% interval of the rate. */
  ci?: [number, number] | null;
  mean?: number | null;
  /** Standard error of the mean (ddof 1). */
  se?: number | null;
}

export interface AbComparison {
  variant: string;
  control: string;
  difference: number | null;
  /** Newcombe's interval (statsmodels confint_proportions_2indep compare="diff", method="newcomb"). */
  ci: [number | null, number | null];
  relativeLift: number | null;
  relativeLiftCi: [number | null, number | null];
  z: number | null;
  pValue: number | null;
  pValueHolm: number | null;
  welch?: { statistic: number | null; pValue: number | null; df: number | null; reason?: string };
  mannWhitney?: { statistic: number | null; pValue: number | null; reason?: string };
  reason?: string;
}

export interface AbTestResult {
  schemaVersion: 1;
  control: string;
  binary?: string;
  numeric?: string;
  variants: AbVariant[];
  comparisons: AbComparison[];
  srm: { statistic: number; pValue: number; mismatch: boolean; planned: Record<string, number> };
  planning: {
    alpha: number;
    power: number;
    /** Minimum detectable effect at the current n, in `unit`: an absolute rate difference above the control rate, or a difference of means. */
    mdeAtCurrentN: number | null;
    /** n per group (not rounded) to detect `effect` (same unit). */
    nForEffect?: number | null;
    effect?: number;
    /** What mdeAtCurrentN and effect are measured in: the binary outcome's rate, or the numeric outcome's mean. */
    unit?: 'rate' | 'mean';
    /** The standardized effect NormalIndPower solves for at the current n (Cohen's h for rates, d for means). */
    effectSize?: number | null;
  };
  /** Rate per variant per window, when a timestamp column is given. */
  windows?: { label: string; start?: string; end?: string; variants: { name: string; n: number; rate: number | null; ci: [number, number] | null }[] }[];
  /** How many times this test's result was looked at while running (peeking inflates false positives). */
  looks?: number;
  warnings: string[];
}

export interface ValueMatrix {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export interface BusinessValueResult {
  total: number | null;
  /** total ÷ n (NannyML's documentation). */
  perPrediction: number | null;
  /** (TN·v_tn + FN·v_fn)/(TN + FN) + (FP·v_fp + TP·v_tp)/(FP + TP) — what NannyML's code computes since v0.10.0. */
  perPredictionNannyML: number | null;
  /** (total − cost)/cost with cost = cost per prediction × n; null without a cost. */
  roi: number | null;
  confusion: { tp: number; fp: number; tn: number; fn: number };
  /** Whether the confusion counts are realized (labels) or expected from CBPE's calibrated scores. */
  estimated: boolean;
  /** Value of each outcome: v × count, or v × the outcome's summed units when values are per unit. */
  values?: { tp: number; fp: number; tn: number; fn: number };
  /** Why a number is null, or how NannyML's per-prediction value treats a side with no predictions. */
  reason?: string;
}

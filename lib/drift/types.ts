import type { ColumnRole, ColumnType, RoleInfo } from '../data/types';
import type { Truncation } from '../profile/embed-caps';
import type { ProfileAccuracy } from '../profile/mergeable/accuracy';

export type { ProfileAccuracy };

/**
 * One method's outcome on one column. `statistic` is null when it is infinite (JSON has no
 * Infinity). p-value tests carry `pValue` (and `adjustedPValue` under a multiple-testing
 * correction) — null when undefined, as chisquare/g_test with one category on both sides
 * (scipy: statistic 0, p NaN); distances carry only the statistic. Binned methods return the edges they used,
 * permutation tests their seed and permutation count.
 */
export interface TestOutcome {
  statistic: number | null;
  pValue?: number | null;
  adjustedPValue?: number;
  /** Bin edges used; null stands for an open outer edge (−∞ first, +∞ last). */
  edges?: (number | null)[];
  seed?: number;
  permutations?: number;
  /** ks: where the two empirical CDFs are farthest apart, and their values there. */
  location?: { x: number; reference: number; current: number };
  /** z, fisher_exact: the category whose share is tested (the first in sorted order, against all others); cut to 200 characters like every embedded value. */
  category?: string;
  /** Set instead of the numbers when the method could not run on this column (extra methods only). */
  error?: string;
  /**
   * Drift from profiles (`.dbprofile`, issue 19): exact (equal to the raw-row result), approximate
   * (from quantile sketches, within the bound in `fromProfileReason`) or unavailable (needs the rows).
   */
  fromProfile?: ProfileAccuracy;
  fromProfileReason?: string;
}

export type ScoreKind = 'p-value' | 'distance';

/** How numeric columns are binned for psi, kl_div, jensenshannon and hellinger. */
export type BinsOption = { kind: 'sturges' } | { kind: 'quantile'; n: number } | { kind: 'uniform'; n: number } | { kind: 'edges'; edges: number[] };
export type Correction = 'none' | 'bonferroni' | 'bh';

export interface Sides<T> {
  reference: T;
  current: T;
}

/**
 * What a chart needs to draw one column's two distributions: aggregates only, never rows,
 * so a report's size does not grow with the data.
 */
export type DistributionSummary =
  | {
      kind: 'histogram';
      /** Bin edges, length = bins + 1, shared by both sides. */
      edges: number[];
      reference: number[];
      current: number[];
      /** Each side's empirical CDF at up to 129 points (x ascending, y = share of values ≤ x). */
      ecdf?: Sides<{ x: number[]; y: number[] }>;
    }
  | {
      kind: 'categories';
      /** Most frequent categories (over both sides), at most a fixed number. */
      categories: string[];
      reference: number[];
      current: number[];
      /** Count of values in categories not listed above. */
      otherReference: number;
      otherCurrent: number;
      /** Number of distinct categories in all, listed or not. */
      distinct: number;
      /** Listed names cut to MAX_EMBEDDED_CHARS characters ("abc… (N characters)"): how many, and the longest's length. */
      truncated?: Truncation;
    };

export interface ColumnDriftResult {
  name: string;
  type: ColumnType;
  /**
   * The role the user set, when not feature: id/timestamp/ignored columns are not tested,
   * target/prediction/score are left out of `dataset.featureShare`. Guessed roles are not here
   * (they change nothing): they are listed with their source in `DriftResult.roles`.
   */
  role?: ColumnRole;
  /** False for columns that are not tested (datetime, text, user-set id/timestamp/ignored roles, type conflicts, no values); see `reason`. */
  tested: boolean;
  reason?: string;
  /** Non-missing values used by the tests. */
  count: Sides<number>;
  /** Missing cells (empty, NA, N/A, NaN, null, None). */
  missing: Sides<number>;
  /** ±Infinity values of a numeric column: excluded from the tests like missing values (present when any). */
  nonFinite?: Sides<number>;
  method?: string;
  /**
   * The value compared with the threshold: a p-value (adjusted under a correction) or a distance.
   * null: an infinite distance, or an undefined p-value (one category on both sides: not drifted).
   */
  score?: number | null;
  scoreKind?: ScoreKind;
  threshold?: number;
  drifted?: boolean;
  /** Why this method: the rule that picked it (Evidently's default selection, or the option that set it). */
  selection?: string;
  tests?: Record<string, TestOutcome>;
  /** A size of the shift next to the test (normed Wasserstein numeric, Jensen–Shannon categorical). */
  effectSize?: { method: 'wasserstein' | 'jensenshannon'; value: number; fromProfile?: ProfileAccuracy };
  /** Did the share of missing values change? Two-proportion z-test on missing vs present cells. */
  missingDrift?: {
    reference: number;
    current: number;
    statistic: number;
    pValue: number;
    threshold: number;
    drifted: boolean;
  };
  distribution?: DistributionSummary;
  warnings?: string[];
}

export interface DatasetRef {
  name: string;
  /** Rows compared: after the segment, when there is one. */
  rows: number;
  sha256: string;
  /** The segment (arquero filter expression) the rows were taken by, when there is one. */
  segment?: string;
}

/** The drift analysis' settings: plain data, stored with a cell and recorded in every result. */
export interface DriftConfig {
  /** Only these columns (as Evidently's DataDriftPreset(columns=…)); all common columns when absent. */
  columns?: string[];
  /** Method for every column (where it applies). */
  method?: string;
  numericMethod?: string;
  categoricalMethod?: string;
  /** Per-column method: wins over the others. */
  columnMethods?: Record<string, string>;
  /** Threshold for every column; otherwise each method's default. */
  threshold?: number;
  numericThreshold?: number;
  categoricalThreshold?: number;
  columnThresholds?: Record<string, number>;
  /** Share of drifted columns at which the dataset counts as drifted (default 0.5). */
  driftShare?: number;
  /**
   * Which share decides `dataset.drifted`: 'all' tested columns, target and prediction included
   * (default, as Evidently), or 'features' (without user-set target/prediction/score columns).
   */
  shareOf?: ShareOf;
  /** Roles set by the user for this run (CLI --role), over the datasets' own; feature included. */
  roles?: Record<string, ColumnRole>;
  bins?: BinsOption;
  correction?: Correction;
  /** Also compute these methods (where they apply) into each column's `tests`; 'all' for every one. */
  methods?: string[] | 'all';
  /** Seed and count for permutation tests (TVD, empirical_mmd). */
  seed?: number;
  permutations?: number;
}

export type ShareOf = 'all' | 'features';

export interface DatasetDrift {
  /** Columns tested for drift (all of them: target and prediction included). */
  columns: number;
  driftedColumns: number;
  /** driftedColumns / columns (0 when none tested). */
  share: number;
  /**
   * Tested columns without a user-set target, prediction or score role, and how many drifted.
   * These and `shareOf` are always computed now; optional as results stored by earlier versions
   * (which counted features only in `share`) lack them.
   */
  featureColumns?: number;
  driftedFeatureColumns?: number;
  featureShare?: number;
  /** Which share was compared with the threshold (absent = 'all'). */
  shareOf?: ShareOf;
  threshold: number;
  drifted: boolean;
  /** Multiple-testing correction applied to the p-value tests' scores. */
  correction?: Correction;
}

/** The drift analysis' result: plain JSON (no classes, no functions), the CLI's output as is. */
export interface DriftResult {
  kind: 'drift';
  schemaVersion: 1;
  tool: { name: 'driftbook'; version: string };
  reference: DatasetRef;
  current: DatasetRef;
  columns: ColumnDriftResult[];
  onlyInReference: string[];
  onlyInCurrent: string[];
  dataset: DatasetDrift;
  /** The roles of the compared columns (other than feature, or set by the user), and who decided each. */
  roles?: Record<string, RoleInfo>;
  /** The settings the result was computed with. */
  config?: DriftConfig;
  /** Which sides were compared as profiles (`.dbprofile` or a profile built from rows), not raw rows. */
  fromProfile?: { reference: boolean; current: boolean };
  warnings: string[];
}

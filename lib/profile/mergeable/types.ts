/**
 * The `.dbprofile` file: a versioned JSON summary of a dataset's columns that can be built per
 * shard and merged (merge.ts). Every field is plain data. Schema documented in README
 * "Profiles (.dbprofile)".
 */
export const PROFILE_FORMAT = 'driftbook-profile';
export const PROFILE_VERSION = 1;
/** Default limit of exact category counts per column. */
export const DEFAULT_MAX_CATEGORIES = 10000;
/** Default KLL parameter k (rank error ≤ 1.33 % at 99 % confidence for k = 200, see kll.ts). */
export const DEFAULT_SKETCH_K = 200;

/** n, mean and M2 = Σ(x − mean)², merged with Chan et al. (1979)'s pairwise formulas. */
export interface Moments {
  n: number;
  mean: number;
  M2: number;
  /**
   * exact mean − mean (the rounding residual of `mean`, 0 when unknown, e.g. from SQL). Kept so a
   * merge does not lose the low digits of a large mean: δ² in Chan's M2 term needs them.
   */
  meanResidual?: number;
}

/**
 * Category counts: exact while the number of distinct values ≤ maxCategories; beyond it the top
 * maxCategories values keep their counts and the rest are summed in `other` (`truncated` true).
 */
export interface CategoryCounts {
  maxCategories: number;
  /** Values in descending count order (ties: first seen first). */
  values: string[];
  counts: number[];
  /** Rows whose value is not in `values` (0 unless truncated). */
  other: number;
  truncated: boolean;
}

/**
 * Counts on fixed edges e0 < e1 < … < ek (k bins, [e_i, e_{i+1}), the last one closed). The outer
 * edges are open: values below e0 count in the first bin, above ek in the last one — the same as
 * `--bins edges:` in drift.
 */
export interface FixedHistogram {
  edges: number[];
  counts: number[];
}

/** A KLL quantile sketch (Karnin, Lang & Liberty 2016), see kll.ts. */
export interface KllSketch {
  kind: 'kll';
  k: number;
  /** Values summarised (finite ones). */
  n: number;
  /** levels[h] holds items of weight 2^h. */
  levels: number[][];
  /** State of the deterministic coin (xorshift32) used by compactions. */
  seed: number;
}

/**
 * Quantiles an engine computed (SQL/DuckDB profiles, see sql-emit.ts): values[i] is the engine's
 * probs[i]-quantile of the n finite values. Each value's true rank interval [F(v⁻), F(v)] holds its
 * probability up to the engine's own error, so the step CDF of sketch.ts is within `rankError` of the
 * true CDF everywhere: half the widest gap between consecutive probabilities (0 and 1 included) plus
 * the engine's rank error plus 1/n for its index convention. `rankError` is null when the engine
 * documents no bound (BigQuery's APPROX_QUANTILES).
 */
export interface EngineQuantiles {
  n: number;
  /** Strictly increasing probabilities in [0, 1]. */
  probs: number[];
  /** Non-decreasing values, one per probability. */
  values: number[];
  /** Normalised rank error ε of sketchRank (|estimated − true fraction ≤ x| ≤ ε), or null: no documented bound. */
  rankError: number | null;
  /** How the engine computed them, e.g. "duckdb quantile_disc (exact)". */
  method: string;
}

export type ProfileColumnType = 'numeric' | 'categorical' | 'boolean' | 'datetime' | 'text';

export interface ProfileColumn {
  name: string;
  type: ProfileColumnType;
  /** Non-missing values (finite ones for a numeric column; non-finite are counted apart). */
  count: number;
  missing: number;
  /** ±Infinity values of a numeric column (0 for other types). */
  nonFinite: number;
  /** Finite min / max of a numeric column, null when there is none (or the column is not numeric). */
  min: number | null;
  max: number | null;
  /** Numeric columns only. */
  moments?: Moments;
  histogram?: FixedHistogram;
  sketch?: KllSketch;
  /** Engine-computed quantiles (SQL/DuckDB profiles, which have no KLL sketch); see EngineQuantiles. */
  quantiles?: EngineQuantiles;
  /** Categorical, boolean and text columns. */
  categories?: CategoryCounts;
}

export interface ProfileSource {
  /** File names (or a query) the rows came from; merged profiles list all their sources. */
  names: string[];
  /** SHA-256 of each source file when known (same order as names), else omitted. */
  sha256?: string[];
}

export interface DbProfile {
  format: typeof PROFILE_FORMAT;
  version: typeof PROFILE_VERSION;
  rows: number;
  source: ProfileSource;
  columns: ProfileColumn[];
}

import type { ColumnType, DatasetFormat } from '../data/types';
import type { Truncation } from '../profile/embed-caps';

/** Facets Overview's highlights: the cells it paints red. */
export interface QualityFlags {
  /** More than 2% of rows missing. */
  highMissing: boolean;
  /** More than 10% of non-missing values are 0 (numeric only). */
  highZeros: boolean;
  /** Any ±Infinity. */
  hasNonFinite: boolean;
}

interface BaseStats extends QualityFlags {
  /** Non-missing cells (±Infinity included). */
  count: number;
  missing: number;
  /** missing / rows (0 for an empty file). */
  missingShare: number;
  nonFinite: number;
  /** Distinct non-missing values (null: a profile-only side whose numeric column keeps no distinct count, or whose category limit was reached). */
  distinct: number | null;
  /** Cells holding the most frequent non-missing value (null: a profile-only side, numeric). */
  topFrequency: number | null;
}

/** Equal-width bins; both sides of a column share the edges (length = counts + 1). */
export interface Histogram {
  edges: number[];
  counts: number[];
}

/** Numeric summaries are over the finite values; null where undefined (no values, std of one). */
export interface NumericStats extends BaseStats {
  kind: 'numeric';
  mean: number | null;
  /** Sample standard deviation (ddof = 1, pandas' default). */
  std: number | null;
  min: number | null;
  p25: number | null;
  median: number | null;
  p75: number | null;
  max: number | null;
  /** Zeros / non-missing values (null: a profile-only side, which does not count zeros). */
  zerosShare: number | null;
  histogram?: Histogram;
  /** Current only: share of its finite values outside [reference min, reference max]. */
  outOfRangeShare?: number | null;
}

export interface CategoryCount {
  value: string;
  count: number;
}

/** Any string-valued column (categorical, datetime, text). Ties go to the value seen first. */
export interface CategoricalStats extends BaseStats {
  kind: 'categorical';
  top: string | null;
  /** Number of distinct values (= distinct; null when a profile-only side reached its category limit). */
  categories: number | null;
  /** The 10 most frequent values. */
  topCategories: CategoryCount[];
  /** Mean length in code points (Python's len). */
  meanLength: number | null;
  /** Current only: values absent from the reference (most frequent first, at most 20 listed). */
  newCategories?: string[];
  newCategoryCount?: number;
  /** Share of the current's non-missing values that are new categories. */
  newCategoryShare?: number;
  /** Current only: reference values absent from the current (at most 20 listed). */
  vanishedCategories?: string[];
  vanishedCategoryCount?: number;
  /**
   * Present when values above were cut to MAX_EMBEDDED_CHARS characters (lib/profile/embed-caps.ts):
   * how many, and the longest one's full length. Counts, distinct and lengths are of the full values.
   */
  truncated?: Truncation;
}

export type ColumnStats = NumericStats | CategoricalStats;

export interface ColumnQuality {
  name: string;
  type: ColumnType;
  reference: ColumnStats;
  current?: ColumnStats;
  warnings: string[];
}

export interface DatasetStats {
  rows: number;
  columns: number;
  /** Rows equal to an earlier row in every column (pandas DataFrame.duplicated().sum()). */
  duplicatedRows: number | null;
  /** One distinct non-missing value. */
  constantColumns: string[];
  /** Not constant, but one value holds ≥ 95% of the non-missing cells. */
  almostConstantColumns: string[];
  allMissingColumns: string[];
}

export interface QualityDatasetRef {
  name: string;
  format: DatasetFormat;
  rows: number;
  columns: number;
  sha256: string;
}

/** The data-quality analysis' result: plain JSON, one file or reference vs current side by side. */
export interface QualityResult {
  kind: 'quality';
  schemaVersion: 1;
  tool: { name: 'driftbook'; version: string };
  reference: QualityDatasetRef;
  current?: QualityDatasetRef;
  /** The reference's columns, in its order; current stats where the current file has the column. */
  columns: ColumnQuality[];
  onlyInReference: string[];
  onlyInCurrent: string[];
  dataset: { reference: DatasetStats; current?: DatasetStats };
  warnings: string[];
  /**
   * Set when a side was summarised from a mergeable profile (a profile-only dataset, or a stored dataset
   * profiled to be compared with one): its counts, missing, min, max, mean, std and categories are exact;
   * quantiles, zeros, distinct numeric values and duplicated rows need the rows and are null.
   */
  fromProfile?: { reference: boolean; current?: boolean };
}

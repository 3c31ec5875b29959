import type { ColumnType } from '../data/types';

/** One statistical test's outcome. `statistic` is null when it is infinite (JSON has no Infinity). */
export interface TestOutcome {
  statistic: number | null;
  pValue: number;
}

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
    };

export interface ColumnDriftResult {
  name: string;
  type: ColumnType;
  /** False for columns that are not tested (datetime, type conflicts, no values); see `reason`. */
  tested: boolean;
  reason?: string;
  /** Non-missing values used by the tests. */
  count: Sides<number>;
  /** Missing cells (empty, NA, N/A, NaN, null, None). */
  missing: Sides<number>;
  method?: string;
  /** The deciding method's score: a p-value for tests, a distance for distances. */
  score?: number | null;
  threshold?: number;
  drifted?: boolean;
  tests?: Record<string, TestOutcome>;
  distribution?: DistributionSummary;
  warnings?: string[];
}

export interface DatasetRef {
  name: string;
  rows: number;
  sha256: string;
}

export interface DatasetDrift {
  /** Columns tested for drift. */
  columns: number;
  driftedColumns: number;
  share: number;
  threshold: number;
  drifted: boolean;
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
  warnings: string[];
}

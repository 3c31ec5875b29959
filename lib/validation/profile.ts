/**
 * "Suggest a suite": a GX 1.x expectation suite profiled from a reference dataset. It passes on
 * the reference it came from (every bound is the reference's own, widened only outward) and
 * flags the usual faults of a later batch: a changed set of columns, a much smaller or larger
 * batch, more missing values, new categories, values out of range, duplicated ids, longer or
 * shorter strings, a moved mean or spread, a changed distribution (KL divergence).
 */
import type { Dataset } from '../data/types';
import { AnalysisError } from '../errors';
import { profileColumnExpectations } from './profile-column';
import type { ExpectationConfig, ExpectationSuite } from './types';

/** Mean and stdev bounds: the reference's value ± this many standard errors (a 3-sigma control limit). */
export const DEFAULT_K = 3;

/** A batch with fewer than 1/ROW_COUNT_FACTOR or more than ROW_COUNT_FACTOR times the reference's rows is flagged. */
export const ROW_COUNT_FACTOR = 2;

export interface ProfileSuiteOptions {
  /** Relative margin on min/max bounds, as a share of the reference's range (default 0: the range itself). */
  margin?: number;
  /** Mean and stdev bounds are ± k standard errors (default 3). */
  k?: number;
  /** The suite's name (default: the dataset's name + " profile"). */
  name?: string;
}

function checkOption(value: number, option: string): void {
  if (!Number.isFinite(value) || value < 0)
    throw new AnalysisError('invalid-profile-option', `${option}: ${value} is not a number of 0 or more — give e.g. 0.1`);
}

/** The table-level expectations: the reference's columns (as a set), and a row count of the same order. */
function tableExpectations(dataset: Dataset): ExpectationConfig[] {
  const rows = dataset.meta.rows;
  return [
    {
      type: 'expect_table_columns_to_match_set',
      kwargs: { column_set: dataset.meta.schema.map((c) => c.name), exact_match: true },
      meta: {},
      notes: "the reference's columns, in any order",
    },
    {
      type: 'expect_table_row_count_to_be_between',
      kwargs: { min_value: Math.floor(rows / ROW_COUNT_FACTOR), max_value: rows * ROW_COUNT_FACTOR },
      meta: {},
      notes: `from half to twice the reference's ${rows} rows`,
    },
  ];
}

/** Profiles a suite from `dataset` (the reference); see the README for every rule. */
export function profileSuite(dataset: Dataset, options: ProfileSuiteOptions = {}): ExpectationSuite {
  const { margin = 0, k = DEFAULT_K, name = `${dataset.meta.name} profile` } = options;
  checkOption(margin, 'margin');
  checkOption(k, 'k');
  const expectations = [
    ...tableExpectations(dataset),
    ...dataset.meta.schema.flatMap((column) => profileColumnExpectations(dataset, column.name, { margin, k })),
  ];
  return {
    name,
    expectations,
    meta: {
      profiled_from: { name: dataset.meta.name, sha256: dataset.meta.sha256, rows: dataset.meta.rows },
      profiler: { tool: 'driftbook', margin, k },
    },
  };
}

/**
 * Column aggregate expectations: one observed value per column compared with min/max bounds
 * (GX 1.x ColumnAggregateExpectation `_validate_metric_value_between`: a null or NaN metric
 * fails; strict bounds exclusive; a null bound is no bound), and the distinct values in a set.
 * Metrics as GX's pandas providers compute them: column.mean / median / standard_deviation
 * (pandas, skipna, ddof 1), column.min / max, column.unique_proportion, column.distinct_values.count,
 * column.value_counts.
 */
import { AnalysisError } from '../../errors';
import { numpySum } from '../../stats/numpy-sum';
import type { ExpectationOutcome, ExpectationRunner, ValidationContext } from '../context';
import { columnOf, flag } from '../context';
import { comparePython, type GxColumn, type GxValue } from '../column-values';
import { valueKey } from './map';

/** A metric compared with min_value/max_value; null (or NaN: an empty column's statistic) fails with observed_value null. */
export function metricBetween(kwargs: Readonly<Record<string, unknown>>, observed: GxValue): ExpectationOutcome {
  if (observed === null || (typeof observed === 'number' && Number.isNaN(observed))) return { success: false, result: { observed_value: null } };
  const min = (kwargs.min_value ?? null) as GxValue;
  const max = (kwargs.max_value ?? null) as GxValue;
  let success = true;
  if (min !== null) {
    const c = comparePython(observed, min);
    success &&= flag(kwargs, 'strict_min', false) ? c > 0 : c >= 0;
  }
  if (max !== null) {
    const c = comparePython(observed, max);
    success &&= flag(kwargs, 'strict_max', false) ? c < 0 : c <= 0;
  }
  return { success, result: { observed_value: observed } };
}

function nonNull(column: GxColumn): GxValue[] {
  return column.values.filter((v) => v !== null);
}

function numbers(column: GxColumn): Float64Array {
  if (!column.numeric) throw new AnalysisError('not-numeric', `column "${column.name}" is not numeric: its mean, median and standard deviation are undefined`);
  return Float64Array.from(nonNull(column) as number[]);
}

// pandas nanmean: numpy's pairwise sum of the non-null values over their count.
function mean(values: Float64Array): number {
  return values.length === 0 ? NaN : numpySum(values) / values.length;
}

// pandas nanmedian (numpy median): the middle value, or the mean of the two middle values.
function median(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const h = n >> 1;
  return n % 2 === 1 ? sorted[h]! : (sorted[h - 1]! + sorted[h]!) / 2;
}

// pandas nanstd(ddof=1): sqrt(Σ(x − mean)² / (n − 1)), pairwise sums; NaN below two values.
function stdev(values: Float64Array): number {
  const n = values.length;
  if (n < 2) return NaN;
  const m = numpySum(values) / n;
  return Math.sqrt(numpySum(values.map((x) => (m - x) * (m - x))) / (n - 1));
}

// Series.min()/max() skipping nulls: numbers numerically, strings by code point.
function extreme(column: GxColumn, sign: 1 | -1): GxValue {
  let best: GxValue = null;
  for (const v of column.values) if (v !== null && (best === null || sign * comparePython(v, best) > 0)) best = v;
  return best;
}

function distinct(column: GxColumn): Map<string, { value: GxValue; count: number }> {
  const seen = new Map<string, { value: GxValue; count: number }>();
  for (const v of column.values) {
    if (v === null) continue;
    const key = valueKey(v);
    const entry = seen.get(key);
    if (entry) entry.count++;
    else seen.set(key, { value: v, count: 1 });
  }
  return seen;
}

type Metric = (column: GxColumn) => GxValue;

const between =
  (metric: Metric): ExpectationRunner =>
  (kwargs, context: ValidationContext) =>
    metricBetween(kwargs, metric(context.column(columnOf(kwargs))));

// column.unique_proportion: distinct / non-null count, and 0 when there is no non-null value.
const uniqueProportion: Metric = (column) => {
  const n = column.values.length - column.values.filter((v) => v === null).length;
  return n > 0 ? distinct(column).size / n : 0;
};

const distinctInSet: ExpectationRunner = (kwargs, context) => {
  const column = context.column(columnOf(kwargs));
  const counts = [...distinct(column).values()].sort((a, b) => comparePython(a.value, b.value));
  const allowed = new Set((kwargs.value_set as unknown[]).map(valueKey));
  return {
    success: counts.every((c) => allowed.has(valueKey(c.value))),
    result: { observed_value: counts.map((c) => c.value), details: { value_counts: counts.map((c) => ({ value: c.value, count: c.count })) } },
  };
};

export const AGGREGATE_RUNNERS: Record<string, ExpectationRunner> = {
  expect_column_mean_to_be_between: between((c) => mean(numbers(c))),
  expect_column_median_to_be_between: between((c) => median(numbers(c))),
  expect_column_stdev_to_be_between: between((c) => stdev(numbers(c))),
  expect_column_min_to_be_between: between((c) => extreme(c, -1)),
  expect_column_max_to_be_between: between((c) => extreme(c, 1)),
  expect_column_proportion_of_unique_values_to_be_between: between(uniqueProportion),
  expect_column_unique_value_count_to_be_between: between((c) => distinct(c).size),
  expect_column_distinct_values_to_be_in_set: distinctInSet,
};

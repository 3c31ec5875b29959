/**
 * The expectations profiled from one reference column (lib/validation/profile.ts assembles the
 * suite). Every bound comes from the reference itself, so the suite passes on it; the parameters
 * (margin, k) and the constants below are documented in the README ("Validation cell and CLI").
 */
import { readNumbers } from '../data/columns';
import type { ColumnRole, Dataset } from '../data/types';
import { histogramCounts, sturgesEdgesOfRange } from '../stats/histogram';
import { sortFloat64 } from '../stats/sort-float64';
import { comparePython, readGxColumn, type GxValue } from './column-values';
import type { ExpectationConfig } from './types';

/** Largest number of distinct values listed in an in-set expectation (and its categorical partition). */
export const MAX_SET_SIZE = 50;
/** A column is id-like without an id role when it has at least this many values, all different. */
export const MIN_ID_ROWS = 20;
/** KL divergence (natural log) above which a batch's distribution counts as changed. */
export const KL_THRESHOLD = 0.1;
/** Weight GX sets aside for values outside the partition (new categories, values beyond its bins). */
export const TAIL_WEIGHT_HOLDOUT = 0.01;
/** Weight GX spreads over the partition's empty bins, so a value landing there is not an infinite divergence. */
export const INTERNAL_WEIGHT_HOLDOUT = 0.01;
/**
 * Relative slack on aggregate bounds: our mean and the engine's may differ in the last bits (another
 * summation order), and a constant column's bounds have no width of their own.
 */
const ROUNDING_SLACK = 1e-9;

export interface ColumnProfileOptions {
  /** Relative margin on the min/max bounds, as a share of the observed range (of |value| for a constant column). */
  margin: number;
  /** Mean and stdev bounds are ± k standard errors. */
  k: number;
}

const expectation = (type: string, kwargs: Record<string, unknown>, notes: string): ExpectationConfig => ({ type, kwargs, meta: {}, notes });

/**
 * The largest 4-decimal share not above `share`, so GX's `(n − u)/n >= mostly` holds on the
 * reference whatever the rounding of the division.
 */
export function mostlyOf(share: number): number {
  let tenThousandths = Math.floor(share * 1e4);
  while (tenThousandths > 0 && tenThousandths / 1e4 > share) tenThousandths--;
  return tenThousandths / 1e4;
}

/** Finite values sorted, with what else the column holds. */
interface NumericFacts {
  sorted: Float64Array;
  missing: number;
  positiveInfinity: boolean;
  negativeInfinity: boolean;
}

function numericFacts(dataset: Dataset, name: string): NumericFacts {
  const values = readNumbers(dataset.table, name);
  let missing = 0;
  let positiveInfinity = false;
  let negativeInfinity = false;
  const finite: number[] = [];
  for (const x of values) {
    if (x !== x) missing++;
    else if (x === Infinity) positiveInfinity = true;
    else if (x === -Infinity) negativeInfinity = true;
    else finite.push(x);
  }
  return { sorted: sortFloat64(Float64Array.from(finite)), missing, positiveInfinity, negativeInfinity };
}

/** Mean and sample standard deviation (ddof 1, two passes around the mean, as pandas' Series.std). */
function moments(sorted: Float64Array): { mean: number; std: number } {
  let sum = 0;
  for (const x of sorted) sum += x;
  const mean = sum / sorted.length;
  let squares = 0;
  for (const x of sorted) squares += (x - mean) ** 2;
  return { mean, std: Math.sqrt(squares / (sorted.length - 1)) };
}

/**
 * A continuous partition object as GX's build_continuous_partition_object makes one (bins; weights =
 * bin counts / non-null count), with Sturges' edges (np.histogram_bin_edges(bins='sturges')) where
 * GX takes 'auto', and no tail weights: the expectation's tail_weight_holdout keeps room for values
 * beyond the bins.
 */
function continuousPartition(sorted: Float64Array): { bins: number[]; weights: number[] } {
  const edges = sturgesEdgesOfRange(sorted[0]!, sorted[sorted.length - 1]!, sorted.length);
  const counts = histogramCounts(sorted, edges);
  return { bins: [...edges], weights: [...counts].map((c) => c / sorted.length) };
}

function numericExpectations(column: string, facts: NumericFacts, { margin, k }: ColumnProfileOptions): ExpectationConfig[] {
  const { sorted } = facts;
  const n = sorted.length;
  if (n === 0) return [];
  const min = sorted[0]!;
  const max = sorted[n - 1]!;
  const pad = margin * (max > min ? max - min : Math.abs(min));
  // ±Infinity are values to GX (pandas' isnull is false for them): an open bound keeps them in range.
  const between = expectation(
    'expect_column_values_to_be_between',
    { column, min_value: facts.negativeInfinity ? null : min - pad, max_value: facts.positiveInfinity ? null : max + pad },
    margin > 0 ? `the reference's range widened by ${margin} of its width` : "the reference's range",
  );
  // A mean, stdev or partition over infinite values is not a number: none for such a column.
  if (facts.positiveInfinity || facts.negativeInfinity || n < 2) return [between];
  const { mean, std } = moments(sorted);
  const scale = Math.max(Math.abs(mean), std, Number.MIN_VALUE);
  const down = (x: number) => x - ROUNDING_SLACK * scale;
  const up = (x: number) => x + ROUNDING_SLACK * scale;
  const seMean = std / Math.sqrt(n);
  // Standard error of the sample standard deviation of a normal sample: s/√(2(n − 1)).
  const seStd = std / Math.sqrt(2 * (n - 1));
  return [
    between,
    expectation(
      'expect_column_mean_to_be_between',
      { column, min_value: down(mean - k * seMean), max_value: up(mean + k * seMean) },
      `the reference's mean ± ${k} standard errors (s/√n)`,
    ),
    expectation(
      'expect_column_stdev_to_be_between',
      { column, min_value: Math.max(0, down(std - k * seStd)), max_value: up(std + k * seStd) },
      `the reference's standard deviation ± ${k} standard errors (s/√(2(n − 1)))`,
    ),
    expectation(
      'expect_column_kl_divergence_to_be_less_than',
      {
        column,
        partition_object: continuousPartition(sorted),
        threshold: KL_THRESHOLD,
        tail_weight_holdout: TAIL_WEIGHT_HOLDOUT,
        internal_weight_holdout: INTERNAL_WEIGHT_HOLDOUT,
      },
      "the reference's distribution over Sturges' bins",
    ),
  ];
}

type Value = Exclude<GxValue, null>;

/** Each distinct non-null value (as GX sees it: numbers, strings, booleans) with its count. */
function valueCounts(values: readonly GxValue[]): Map<Value, number> {
  const counts = new Map<Value, number>();
  for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

function lengthExpectation(column: string, counts: Map<Value, number>): ExpectationConfig | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (const value of counts.keys()) {
    if (typeof value !== 'string') return undefined;
    // GX counts characters (Python len): code points, not UTF-16 units.
    const length = [...value].length;
    min = Math.min(min, length);
    max = Math.max(max, length);
  }
  return min === Infinity
    ? undefined
    : expectation('expect_column_value_lengths_to_be_between', { column, min_value: min, max_value: max }, "the reference's value lengths");
}

function categoricalExpectations(column: string, counts: Map<Value, number>, nonMissing: number): ExpectationConfig[] {
  if (counts.size === 0 || counts.size > MAX_SET_SIZE) return [];
  // Python's sorted(): numbers ascending, strings by code point (a column holds one kind).
  const values = [...counts.keys()].sort(comparePython);
  return [
    expectation('expect_column_values_to_be_in_set', { column, value_set: values }, "the reference's categories"),
    expectation(
      'expect_column_kl_divergence_to_be_less_than',
      {
        column,
        partition_object: { values, weights: values.map((v) => counts.get(v)! / nonMissing) },
        threshold: KL_THRESHOLD,
        tail_weight_holdout: TAIL_WEIGHT_HOLDOUT,
      },
      "the reference's category shares",
    ),
  ];
}

/** Every value different, in a column of ids (by role) or of enough whole numbers or strings. */
function idLike(role: ColumnRole | undefined, counts: Map<Value, number>, nonMissing: number): boolean {
  if (nonMissing === 0 || counts.size !== nonMissing) return false;
  for (const value of counts.keys()) if (typeof value === 'boolean' || (typeof value === 'number' && !Number.isInteger(value))) return role === 'id';
  return role === 'id' || nonMissing >= MIN_ID_ROWS;
}

/** The not-null (or, for an all-missing column, the null) expectation. */
function nullExpectation(column: string, rows: number, missing: number): ExpectationConfig {
  if (rows > 0 && missing === rows) return expectation('expect_column_values_to_be_null', { column }, 'every value of the reference is missing');
  if (missing === 0) return expectation('expect_column_values_to_not_be_null', { column }, 'no value of the reference is missing');
  const share = (rows - missing) / rows;
  return expectation('expect_column_values_to_not_be_null', { column, mostly: mostlyOf(share) }, `${missing} of ${rows} values of the reference are missing`);
}

/** The column's expectations, in a fixed order: nulls, uniqueness (for an id, instead of range, set and distribution), range or set with aggregates, lengths. */
export function profileColumnExpectations(dataset: Dataset, name: string, options: ColumnProfileOptions): ExpectationConfig[] {
  const rows = dataset.table.numRows;
  const type = dataset.meta.schema.find((c) => c.name === name)?.type;
  const { values } = readGxColumn(dataset, name);
  const counts = valueCounts(values);
  const missing = values.reduce<number>((m, value) => (value === null ? m + 1 : m), 0);
  const nonMissing = rows - missing;
  const out = [nullExpectation(name, rows, missing)];
  if (nonMissing === 0) return out;
  // An id's range, set and distribution say nothing about the data (and new ids are the norm).
  const id = idLike(dataset.meta.roles?.[name], counts, nonMissing);
  if (id) out.push(expectation('expect_column_values_to_be_unique', { column: name }, 'every value of the reference is different'));
  else if (type === 'numeric') out.push(...numericExpectations(name, numericFacts(dataset, name), options));
  else if (type === 'categorical' || type === 'boolean') out.push(...categoricalExpectations(name, counts, nonMissing));
  if (type !== 'numeric' && type !== 'boolean') {
    const lengths = lengthExpectation(name, counts);
    if (lengths) out.push(lengths);
  }
  return out;
}

/**
 * Column map expectations on values: null / not null, between, in / not in a set, unique.
 * Semantics from GX 1.x's pandas metric providers (great_expectations/expectations/metrics/
 * column_map_metrics/column_values_{null,between,in_set,not_in_set,unique}.py).
 */
import { AnalysisError } from '../../errors';
import type { ExpectationRunner } from '../context';
import { flag } from '../context';
import { comparePython, type GxValue } from '../column-values';
import { runMap } from './map-runner';

/** A hashable key with Python's equality: 1 == 1.0 == True, "1" is another value. */
export function valueKey(value: unknown): string {
  if (typeof value === 'boolean') return `n:${Number(value)}`;
  if (typeof value === 'number') return `n:${Object.is(value, -0) ? 0 : value}`;
  if (typeof value === 'string') return `s:${value}`;
  return `j:${JSON.stringify(value)}`;
}

function keySet(values: unknown): Set<string> {
  return new Set((values as unknown[]).map(valueKey));
}

const notNull: ExpectationRunner = (kwargs, context, format) => runMap(kwargs, context, format, () => (value) => value === null, true);

const isNull: ExpectationRunner = (kwargs, context, format) => runMap(kwargs, context, format, () => (value) => value !== null, true);

/**
 * A value outside [min, max] (strict bounds exclusive); comparing a string with a number is
 * Python's TypeError, reported as the expectation's exception as GX does.
 */
export function outsideBounds(kwargs: Readonly<Record<string, unknown>>): (value: GxValue) => boolean {
  const min = (kwargs.min_value ?? null) as GxValue;
  const max = (kwargs.max_value ?? null) as GxValue;
  if (min === null && max === null) throw new AnalysisError('bad-kwarg', 'min_value and max_value cannot both be None');
  if (min !== null && max !== null && comparePython(min, max) > 0) throw new AnalysisError('bad-kwarg', 'min_value cannot be greater than max_value');
  const strictMin = flag(kwargs, 'strict_min', false);
  const strictMax = flag(kwargs, 'strict_max', false);
  return (value) => {
    if (min !== null) {
      const c = comparePython(value, min);
      if (strictMin ? c <= 0 : c < 0) return true;
    }
    if (max !== null) {
      const c = comparePython(value, max);
      if (strictMax ? c >= 0 : c > 0) return true;
    }
    return false;
  };
}

const between: ExpectationRunner = (kwargs, context, format) => {
  const outside = outsideBounds(kwargs);
  return runMap(kwargs, context, format, () => outside);
};

// pandas Series.isin(value_set): exact equality, no trimming or case folding.
const inSet: ExpectationRunner = (kwargs, context, format) => {
  const set = keySet(kwargs.value_set);
  return runMap(kwargs, context, format, () => (value) => !set.has(valueKey(value)));
};

const notInSet: ExpectationRunner = (kwargs, context, format) => {
  const set = keySet(kwargs.value_set);
  return runMap(kwargs, context, format, () => (value) => set.has(valueKey(value)));
};

// ~series.duplicated(keep=False) over the non-null values: every copy of a repeated value is unexpected.
const unique: ExpectationRunner = (kwargs, context, format) =>
  runMap(kwargs, context, format, (column) => {
    const counts = new Map<string, number>();
    for (const value of column.values) if (value !== null) counts.set(valueKey(value), (counts.get(valueKey(value)) ?? 0) + 1);
    return (value) => counts.get(valueKey(value))! > 1;
  });

export const MAP_RUNNERS: Record<string, ExpectationRunner> = {
  expect_column_values_to_not_be_null: notNull,
  expect_column_values_to_be_null: isNull,
  expect_column_values_to_be_between: between,
  expect_column_values_to_be_in_set: inSet,
  expect_column_values_to_not_be_in_set: notInSet,
  expect_column_values_to_be_unique: unique,
};

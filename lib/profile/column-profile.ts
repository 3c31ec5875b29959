import type { Table, Vector } from 'apache-arrow';
import { countValues, finiteNumbers } from '../data/columns';
import type { ColumnType } from '../data/types';
import { sortFloat64 } from '../stats/sort-float64';
import { sealSorted } from '../stats/sealed-sorted';

/**
 * What every method needs from one side of a comparison, computed once per column. Plain data
 * (typed arrays and arrays), so it crosses worker boundaries and can be cached by dataset hash.
 */
export interface NumericProfile {
  kind: 'numeric';
  /** Finite values. */
  count: number;
  missing: number;
  nonFinite: number;
  /** Finite values sorted ascending. */
  sorted: Float64Array;
  min: number;
  max: number;
  mean: number;
}

export interface CategoricalProfile {
  kind: 'categorical';
  count: number;
  missing: number;
  /** Distinct values in first-seen order, with their counts (same index). */
  categories: string[];
  counts: number[];
}

/** Columns drift does not test (datetime, text): counts only. */
export interface OtherProfile {
  kind: 'other';
  count: number;
  missing: number;
}

export type ColumnProfile = NumericProfile | CategoricalProfile | OtherProfile;

function profileNumeric(vector: Vector, name: string, allocate?: (length: number) => Float64Array): NumericProfile {
  // The finite values (strings of a column typed numeric parsed once per value) in an array of
  // their own, radix-sorted in place.
  const { finite, missing, nonFinite } = finiteNumbers(vector, name, allocate);
  const n = finite.length;
  // Sorted here and never written again: tests skip re-checking the order and share one merge walk.
  sealSorted(sortFloat64(finite));
  let sum = 0;
  for (let i = 0; i < n; i++) sum += finite[i]!;
  return {
    kind: 'numeric',
    count: n,
    missing,
    nonFinite,
    sorted: finite,
    min: n ? finite[0]! : NaN,
    max: n ? finite[n - 1]! : NaN,
    mean: n ? sum / n : NaN,
  };
}

function profileCategorical(vector: Vector): CategoricalProfile {
  const { categories, counts, missing } = countValues(vector, '');
  let count = 0;
  for (const n of counts) count += n;
  return { kind: 'categorical', count, missing, categories, counts };
}

/** Profiles one column of a table as the given type; `allocate` makes a numeric profile's array (shared memory for a worker pool). */
export function profileColumn(table: Table, name: string, type: ColumnType, allocate?: (length: number) => Float64Array): ColumnProfile {
  const vector = table.getChild(name);
  if (!vector) throw new Error(`column not found: ${name}`);
  if (type === 'numeric') return profileNumeric(vector, name, allocate);
  // Booleans are two-category columns; integer categories are profiled by value.
  if (type === 'categorical' || type === 'boolean') return profileCategorical(vector);
  return { kind: 'other', count: vector.length - vector.nullCount, missing: vector.nullCount };
}

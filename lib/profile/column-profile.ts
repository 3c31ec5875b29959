import { Type, type Data, type Table, type Vector } from 'apache-arrow';
import type { ColumnType } from '../data/types';
import { sortFloat64 } from '../stats/sort-float64';
import { AnalysisError } from '../errors';
import { parseNonFinite } from '../data/missing';
import { parseNumber } from '../data/parse-number';

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

function isValid(data: Data, i: number): boolean {
  const bitmap = data.nullBitmap;
  if (!bitmap || bitmap.length === 0 || data.nullCount === 0) return true;
  const j = data.offset + i;
  return ((bitmap[j >> 3]! >> (j & 7)) & 1) === 1;
}

/**
 * A string column read as numbers (the user set its type to numeric): each distinct string is
 * parsed once; one that is not a number stops the column with a message naming it.
 */
function numbersOfDictionary(data: Data, name: string): Float64Array {
  const dictionary = data.dictionary!;
  const parsed = new Float64Array(dictionary.length);
  for (let d = 0; d < dictionary.length; d++) {
    const text = String(dictionary.get(d));
    const value = parseNumber(text) ?? parseNonFinite(text);
    if (value === undefined) {
      throw new AnalysisError('not-numeric', `column "${name}" holds "${text}", which is not a number — choose another type for it`);
    }
    parsed[d] = value;
  }
  return parsed;
}

function profileNumeric(vector: Vector, name: string): NumericProfile {
  // One pass to count, one to copy the finite values straight into a typed array, then a radix sort.
  let missing = 0;
  let nonFinite = 0;
  const sorted = new Float64Array(vector.length - vector.nullCount);
  let n = 0;
  for (const data of vector.data) {
    if (data.typeId === Type.Dictionary) {
      const numbers = numbersOfDictionary(data, name);
      const indices = data.values as Int32Array;
      for (let i = 0; i < data.length; i++) {
        const x = isValid(data, i) ? numbers[indices[i]!]! : NaN;
        if (x !== x) missing++;
        else if (x === Infinity || x === -Infinity) nonFinite++;
        else sorted[n++] = x;
      }
      continue;
    }
    // Any other Arrow type here is an all-missing column.
    if (data.typeId !== Type.Float) {
      missing += data.length;
      continue;
    }
    // Arrow slices the values buffer to the data's offset (the validity bitmap it does not).
    const values = data.values as Float64Array;
    for (let i = 0; i < data.length; i++) {
      const x = values[i]!;
      if (x !== x || !isValid(data, i)) missing++;
      else if (x === Infinity || x === -Infinity) nonFinite++;
      else sorted[n++] = x;
    }
  }
  const finite = sortFloat64(sorted.subarray(0, n));
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
  const index = new Map<string, number>();
  const categories: string[] = [];
  const counts: number[] = [];
  let missing = 0;
  const add = (value: string, n: number): void => {
    let k = index.get(value);
    if (k === undefined) {
      k = categories.length;
      index.set(value, k);
      categories.push(value);
      counts.push(0);
    }
    counts[k]! += n;
  };
  for (const data of vector.data) {
    if (data.typeId === Type.Dictionary) {
      // Count dictionary indices first, then map the (few) used indices to their strings.
      const dictionary = data.dictionary!;
      const perIndex = new Float64Array(dictionary.length);
      const indices = data.values as Int32Array;
      for (let i = 0; i < data.length; i++) {
        if (isValid(data, i)) perIndex[indices[i]!]!++;
        else missing++;
      }
      for (let d = 0; d < perIndex.length; d++) {
        if (perIndex[d]! > 0) add(String(dictionary.get(d)), perIndex[d]!);
      }
    } else {
      // Numbers as categories (few-valued integers, or a numeric side of a type conflict): count
      // by number first, then name the few distinct values — no string per row.
      const values = data.values as Float64Array;
      const byValue = new Map<number, number>();
      for (let i = 0; i < data.length; i++) {
        const x = values[i]!;
        if (!isValid(data, i) || Number.isNaN(x)) missing++;
        else byValue.set(x, (byValue.get(x) ?? 0) + 1);
      }
      for (const [x, n] of byValue) add(String(x), n);
    }
  }
  let count = 0;
  for (const n of counts) count += n;
  return { kind: 'categorical', count, missing, categories, counts };
}

/** Profiles one column of a table as the given type. */
export function profileColumn(table: Table, name: string, type: ColumnType): ColumnProfile {
  const vector = table.getChild(name);
  if (!vector) throw new Error(`column not found: ${name}`);
  if (type === 'numeric') return profileNumeric(vector, name);
  // Booleans are two-category columns; integer categories are profiled by value.
  if (type === 'categorical' || type === 'boolean') return profileCategorical(vector);
  return { kind: 'other', count: vector.length - vector.nullCount, missing: vector.nullCount };
}

/**
 * Reading one column of an Arrow table as numbers, labels, category codes or times. The only
 * code that reads Arrow validity bitmaps: every analysis, chart and metric reads columns here, so
 * a column reads the same everywhere. Our readers write numbers as Float64 (missing = NaN and
 * null) and everything else as dictionary-encoded strings (lib/data/to-arrow.ts); other Arrow
 * types (a table from elsewhere) are read value by value.
 */
import { Precision, Type, type Data, type Float, type Table, type Vector } from 'apache-arrow';
// Table.getChild by name in O(1) (every analysis looks its columns up here).
import './arrow-linear';
import { AnalysisError } from '../errors';
import { parseNonFinite } from './missing';
import { parseNumber } from './parse-number';
import { parseIsoTime } from './time';

/** A table and a column name, or the column's vector itself. */
export type ColumnSource = Table | Vector;

/** The column's vector; a name the table lacks is an `unknown-column` error. */
export function columnVector(table: Table, name: string): Vector {
  const vector = table.getChild(name);
  if (!vector) throw new AnalysisError('unknown-column', `unknown column: "${name}" — choose a column of the dataset`);
  return vector;
}

function vectorOf(source: ColumnSource, name: string): Vector {
  // A Vector has getChild too (struct columns); only a Table has numRows.
  return 'numRows' in source ? columnVector(source, name) : source;
}

/**
 * The validity bitmap of a chunk, or undefined when every row is valid. Arrow slices the values
 * buffer to the chunk's offset but not the bitmap, so row i of the chunk is bit offset + i.
 */
function bitmapOf(data: Data): Uint8Array | undefined {
  const bitmap = data.nullBitmap;
  return bitmap && bitmap.length > 0 && data.nullCount > 0 ? bitmap : undefined;
}

function isSet(bitmap: Uint8Array, j: number): boolean {
  return ((bitmap[j >> 3]! >> (j & 7)) & 1) === 1;
}

/**
 * Visits every row's raw value chunk by chunk: `float` for a Float chunk's value (NaN for a null
 * row), `dictionary` for a dictionary index (−1 for a null row), `other` for any other Arrow
 * value (null when missing). One visitor per chunk type keeps the hot paths typed-array loops.
 */
interface ChunkVisitor {
  float(values: ArrayLike<number>, at: number, bitmap: Uint8Array | undefined, offset: number, length: number): void;
  dictionary(indices: ArrayLike<number>, dictionary: Vector, at: number, bitmap: Uint8Array | undefined, offset: number, length: number): void;
  other(row: number, value: unknown): void;
}

function visitChunks(vector: Vector, visit: ChunkVisitor): void {
  let at = 0;
  for (const data of vector.data) {
    const bitmap = bitmapOf(data);
    // Half floats are stored as 16-bit integers: read them value by value.
    if (data.typeId === Type.Float && (data.type as Float).precision !== Precision.HALF)
      visit.float(data.values as ArrayLike<number>, at, bitmap, data.offset, data.length);
    else if (data.typeId === Type.Dictionary) visit.dictionary(data.values as ArrayLike<number>, data.dictionary!, at, bitmap, data.offset, data.length);
    else for (let i = 0; i < data.length; i++) visit.other(at + i, bitmap && !isSet(bitmap, data.offset + i) ? null : vector.get(at + i));
    at += data.length;
  }
}

/** Copies a Float chunk (NaN where null) into `out` at `at`. */
function copyFloats(out: Float64Array, values: ArrayLike<number>, at: number, bitmap: Uint8Array | undefined, offset: number, length: number): void {
  if (!bitmap) {
    for (let i = 0; i < length; i++) out[at + i] = values[i]!;
    return;
  }
  for (let i = 0; i < length; i++) out[at + i] = isSet(bitmap, offset + i) ? values[i]! : NaN;
}

/**
 * Maps each used dictionary entry once (lazily: an entry no row uses is never read) and writes
 * the mapped value of every valid row; null rows keep `out`'s fill.
 */
function mapDictionary<T>(
  indices: ArrayLike<number>,
  dictionary: Vector,
  at: number,
  bitmap: Uint8Array | undefined,
  offset: number,
  length: number,
  map: (text: string, row: number) => T,
  write: (row: number, value: T) => void,
): void {
  const cache = new Array<T>(dictionary.length);
  const seen = new Uint8Array(dictionary.length);
  for (let i = 0; i < length; i++) {
    if (bitmap && !isSet(bitmap, offset + i)) continue;
    const d = indices[i]!;
    if (!seen[d]) {
      cache[d] = map(String(dictionary.get(d)), at + i);
      seen[d] = 1;
    }
    write(at + i, cache[d]!);
  }
}

export interface ReadNumbersOptions {
  /**
   * Called for text that is not a number (nor inf/-inf/nan), with its first row; it throws, or
   * returns the value to use. Default: a `not-numeric` error naming the column and the text.
   */
  onText?: (text: string, row: number) => number;
}

/**
 * A column as numbers, NaN where missing (±Infinity kept). Strings (a column whose type the user
 * set to numeric) are parsed once per distinct value, as the readers parse numbers.
 */
export function readNumbers(source: ColumnSource, name: string, options: ReadNumbersOptions = {}): Float64Array {
  const vector = vectorOf(source, name);
  const onText =
    options.onText ??
    ((text: string) => {
      throw new AnalysisError('not-numeric', `column "${name}" holds "${text}", which is not a number — choose another type for it`);
    });
  const fromText = (text: string, row: number) => parseNumber(text) ?? parseNonFinite(text) ?? onText(text, row);
  const out = new Float64Array(vector.length).fill(NaN);
  const write = (row: number, x: number) => {
    out[row] = x;
  };
  visitChunks(vector, {
    float: (values, at, bitmap, offset, length) => copyFloats(out, values, at, bitmap, offset, length),
    dictionary: (indices, dictionary, at, bitmap, offset, length) => mapDictionary(indices, dictionary, at, bitmap, offset, length, fromText, write),
    other: (row, value) => {
      if (value === null || value === undefined) return;
      out[row] = typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : fromText(String(value), row);
    },
  });
  return out;
}

/** A numeric column's finite values in row order, and how many rows were missing (null or NaN) or ±Infinity. */
export interface FiniteNumbers {
  finite: Float64Array;
  missing: number;
  nonFinite: number;
}

/** Appends a Float chunk's finite values to `out` from `k` on; returns the new end and the counts. */
function collectFinite(
  out: Float64Array,
  k: number,
  values: ArrayLike<number>,
  bitmap: Uint8Array | undefined,
  offset: number,
  length: number,
  counts: { missing: number; nonFinite: number },
): number {
  let missing = 0;
  let nonFinite = 0;
  if (!bitmap && values instanceof Float64Array) {
    // The common chunk (doubles, no nulls), in a loop of its own: one type at one site keeps it fast.
    for (let i = 0; i < length; i++) {
      const x = values[i]!;
      // x − x is 0 exactly for finite x (NaN for NaN and ±Infinity).
      if (x - x === 0) out[k++] = x;
      else if (x !== x) missing++;
      else nonFinite++;
    }
    counts.missing += missing;
    counts.nonFinite += nonFinite;
    return k;
  }
  for (let i = 0; i < length; i++) {
    if (bitmap && !isSet(bitmap, offset + i)) {
      missing++;
      continue;
    }
    const x = values[i]!;
    if (x !== x) missing++;
    else if (x === Infinity || x === -Infinity) nonFinite++;
    else out[k++] = x;
  }
  counts.missing += missing;
  counts.nonFinite += nonFinite;
  return k;
}

/**
 * What a numeric profile keeps of a column: its finite values (row order) and the missing and
 * ±Infinity counts, as readNumbers then a filter would give, in one pass over Float chunks (a
 * profile reads every numeric column of both datasets, so its passes count). The array is exactly
 * `finite` long (copied only when some rows were not finite); `allocate` makes the arrays (shared
 * memory for a worker pool).
 */
export function finiteNumbers(
  source: ColumnSource,
  name: string,
  allocate: (length: number) => Float64Array = (length) => new Float64Array(length),
): FiniteNumbers {
  const vector = vectorOf(source, name);
  const floats = vector.data.every((data) => data.typeId === Type.Float && (data.type as Float).precision !== Precision.HALF);
  const counts = { missing: 0, nonFinite: 0 };
  let out: Float64Array;
  let k = 0;
  if (floats) {
    out = allocate(vector.length);
    for (const data of vector.data) k = collectFinite(out, k, data.values as ArrayLike<number>, bitmapOf(data), data.offset, data.length, counts);
  } else {
    const values = readNumbers(vector, name);
    out = allocate(values.length);
    k = collectFinite(out, 0, values, undefined, 0, values.length, counts);
  }
  if (k === out.length) return { finite: out, ...counts };
  const finite = allocate(k);
  finite.set(out.subarray(0, k));
  return { finite, ...counts };
}

/** A label: a number for a numeric column, a string for a category or boolean ("false"/"true"), null when missing. */
export type Label = string | number | null;

/** A column as labels: numbers stay numbers (NaN is missing), categories and booleans are strings, missing is null. */
export function readLabels(source: ColumnSource, name: string): Label[] {
  const vector = vectorOf(source, name);
  const out = new Array<Label>(vector.length).fill(null);
  const write = (row: number, label: string) => {
    out[row] = label;
  };
  visitChunks(vector, {
    float: (values, at, bitmap, offset, length) => {
      for (let i = 0; i < length; i++) {
        const x = values[i]!;
        if (x === x && !(bitmap && !isSet(bitmap, offset + i))) out[at + i] = x;
      }
    },
    dictionary: (indices, dictionary, at, bitmap, offset, length) => mapDictionary(indices, dictionary, at, bitmap, offset, length, (text) => text, write),
    other: (row, value) => {
      if (value !== null && value !== undefined) out[row] = typeof value === 'number' ? value : String(value);
    },
  });
  return out;
}

/** A column as category codes: −1 is missing, otherwise an index into `categories` (first-seen order). */
export interface ColumnCodes {
  codes: Int32Array;
  categories: string[];
}

/**
 * A categorical (or boolean, or integer-category) column as codes. Numbers are named String(x)
 * (so −0 and 0 are one category) and NaN is missing; strings only for the values rows use.
 */
export function readCodes(source: ColumnSource, name: string): ColumnCodes {
  const vector = vectorOf(source, name);
  const codes = new Int32Array(vector.length).fill(-1);
  const categories: string[] = [];
  const index = new Map<string, number>();
  const codeOf = (label: string): number => {
    let k = index.get(label);
    if (k === undefined) {
      k = categories.length;
      index.set(label, k);
      categories.push(label);
    }
    return k;
  };
  const write = (row: number, code: number) => {
    codes[row] = code;
  };
  visitChunks(vector, {
    float: (values, at, bitmap, offset, length) => {
      // Keyed by number, named once per distinct value.
      const byValue = new Map<number, number>();
      for (let i = 0; i < length; i++) {
        const x = values[i]!;
        if (x !== x || (bitmap && !isSet(bitmap, offset + i))) continue;
        let k = byValue.get(x);
        if (k === undefined) {
          k = codeOf(String(x));
          byValue.set(x, k);
        }
        codes[at + i] = k;
      }
    },
    dictionary: (indices, dictionary, at, bitmap, offset, length) => mapDictionary(indices, dictionary, at, bitmap, offset, length, codeOf, write),
    other: (row, value) => {
      if (value !== null && value !== undefined) codes[row] = codeOf(String(value));
    },
  });
  return { codes, categories };
}

/** A column as times: epoch milliseconds (UTC), NaN where missing or not a date. */
export interface ColumnTimes {
  values: Float64Array;
  /** The column held numbers (epoch values as they are), not date strings. */
  numeric: boolean;
  /** Rows whose text is not an ISO 8601 date (read as NaN), the first such row and its text. */
  unparsed: number;
  firstUnparsed?: { row: number; text: string };
}

/**
 * A datetime column as epoch milliseconds: ISO 8601 text through lib/data/time.ts (a value
 * without a zone is UTC), parsed once per distinct string; numbers are returned as they are
 * (the caller decides their unit). Text that is not a date is NaN and counted in `unparsed`.
 */
export function readTimes(source: ColumnSource, name: string): ColumnTimes {
  const vector = vectorOf(source, name);
  const values = new Float64Array(vector.length).fill(NaN);
  let numeric = false;
  let unparsed = 0;
  let firstUnparsed: { row: number; text: string } | undefined;
  const fromText = (text: string) => ({ text, ms: parseIsoTime(text) });
  const write = (row: number, parsed: { text: string; ms: number }) => {
    values[row] = parsed.ms;
    if (parsed.ms === parsed.ms) return;
    unparsed++;
    firstUnparsed ??= { row, text: parsed.text };
  };
  visitChunks(vector, {
    float: (chunk, at, bitmap, offset, length) => {
      numeric = true;
      copyFloats(values, chunk, at, bitmap, offset, length);
    },
    dictionary: (indices, dictionary, at, bitmap, offset, length) => mapDictionary(indices, dictionary, at, bitmap, offset, length, fromText, write),
    other: (row, value) => {
      if (value === null || value === undefined) return;
      if (value instanceof Date) values[row] = value.getTime();
      else if (typeof value === 'number' || typeof value === 'bigint') {
        numeric = true;
        values[row] = Number(value);
      } else write(row, fromText(String(value)));
    },
  });
  return { values, numeric, unparsed, ...(firstUnparsed ? { firstUnparsed } : {}) };
}

/** A column's value counts: categories in order of first use of their dictionary entry (or first seen, for numbers). */
export interface ValueCounts {
  categories: string[];
  counts: number[];
  /** Null rows, and NaN in a Float column. */
  missing: number;
}

// Integers 0 ≤ x < this in a Float chunk counted by index (integer categories are mostly small codes).
const SMALL_INTEGERS = 1024;

/**
 * A Float chunk's non-missing values with their counts, in first-seen order (as a Map would keep
 * them; −0 and 0 are one value, as Map keys), and its missing rows (null or NaN). Small non-negative
 * integers are counted in a table by index, far cheaper per row than a Map lookup.
 */
function countFloats(values: ArrayLike<number>, bitmap: Uint8Array | undefined, offset: number, length: number) {
  // Small non-negative integers (the usual integer categories) counted by index, any other value in a
  // Map; `order` keeps first-seen order across both. −0 counts as 0, as === compares (and a Map keys).
  const small = new Float64Array(SMALL_INTEGERS);
  const isSmall = (x: number) => x >= 0 && x < SMALL_INTEGERS && (x | 0) === x;
  const order: number[] = [];
  let others: Map<number, number> | undefined;
  let nulls = 0;
  for (let i = 0; i < length; i++) {
    const x = values[i]!;
    if (x !== x || (bitmap && !isSet(bitmap, offset + i))) {
      nulls++;
      continue;
    }
    if (isSmall(x)) {
      if (small[x]!++ === 0) order.push(x);
      continue;
    }
    others ??= new Map();
    const n = others.get(x);
    if (n === undefined) order.push(x);
    others.set(x, (n ?? 0) + 1);
  }
  const counted: [number, number][] = order.map((x) => [x, isSmall(x) ? small[x]! : others!.get(x)!]);
  return { counted, nulls };
}

/**
 * Counts each distinct value of a categorical (or boolean, or integer-category) column without a
 * string per row: dictionary indices are counted first, then the used entries named; numbers are
 * counted by value, then named String(x). Categories from several chunks are merged by name.
 */
export function countValues(source: ColumnSource, name: string): ValueCounts {
  const vector = vectorOf(source, name);
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
  visitChunks(vector, {
    float: (values, _at, bitmap, offset, length) => {
      const { counted, nulls } = countFloats(values, bitmap, offset, length);
      missing += nulls;
      for (const [x, n] of counted) add(String(x), n);
    },
    dictionary: (indices, dictionary, _at, bitmap, offset, length) => {
      const perIndex = new Float64Array(dictionary.length);
      for (let i = 0; i < length; i++) {
        if (bitmap && !isSet(bitmap, offset + i)) missing++;
        else perIndex[indices[i]!]!++;
      }
      for (let d = 0; d < perIndex.length; d++) if (perIndex[d]! > 0) add(String(dictionary.get(d)), perIndex[d]!);
    },
    other: (_row, value) => {
      if (value === null || value === undefined || (typeof value === 'number' && value !== value)) missing++;
      else add(String(value), 1);
    },
  });
  return { categories, counts, missing };
}

/** Rows that are null in the column (its Arrow null count; NaN values of a Float column count only when marked null). */
export function nullCount(source: ColumnSource, name: string): number {
  return vectorOf(source, name).nullCount;
}

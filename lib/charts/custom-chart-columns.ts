import { Type, type Data, type Table, type Vector } from 'apache-arrow';
import { parseNonFinite } from '../data/missing';
import { parseNumber } from '../data/parse-number';
import { AnalysisError } from '../errors';

/** A column as numbers: NaN is missing, ±Infinity is kept for the caller to count. */
export interface NumberColumn {
  kind: 'numbers';
  values: Float64Array;
  /** Datetime strings that are not ISO 8601 (read as missing), with one example. */
  unparsed?: number;
  unparsedExample?: string;
}

/** A column as category codes: −1 is missing, otherwise an index into `labels`. */
export interface CodeColumn {
  kind: 'codes';
  codes: Int32Array;
  labels: string[];
}

export type ColumnValues = NumberColumn | CodeColumn;

function isValid(data: Data, i: number): boolean {
  const bitmap = data.nullBitmap;
  if (!bitmap || bitmap.length === 0 || data.nullCount === 0) return true;
  const j = data.offset + i;
  return ((bitmap[j >> 3]! >> (j & 7)) & 1) === 1;
}

function vectorOf(table: Table, name: string): Vector {
  const vector = table.getChild(name);
  if (!vector) throw new AnalysisError('unknown-column', `unknown column: "${name}" — choose a column of the dataset`);
  return vector;
}

/**
 * Reads every chunk through a per-chunk lookup: dictionary chunks map each index once
 * (numbers parsed, dates read once per distinct string); Float chunks are read as is.
 */
function readNumbersWith(table: Table, name: string, fromText: (text: string) => number): Float64Array {
  const vector = vectorOf(table, name);
  const out = new Float64Array(vector.length).fill(NaN);
  let at = 0;
  for (const data of vector.data) {
    if (data.typeId === Type.Dictionary) {
      const dictionary = data.dictionary!;
      const lookup = new Float64Array(dictionary.length);
      for (let d = 0; d < dictionary.length; d++) lookup[d] = fromText(String(dictionary.get(d)));
      const indices = data.values as Int32Array;
      for (let i = 0; i < data.length; i++) if (isValid(data, i)) out[at + i] = lookup[indices[i]!]!;
    } else if (data.typeId === Type.Float) {
      const values = data.values as Float64Array;
      for (let i = 0; i < data.length; i++) if (isValid(data, i)) out[at + i] = values[i]!;
    } else if (data.typeId === Type.Int) {
      // Not written by our readers, but a valid Arrow column (BigInt64 widths convert too).
      const values = data.values as ArrayLike<number | bigint>;
      for (let i = 0; i < data.length; i++) if (isValid(data, i)) out[at + i] = Number(values[i]);
    }
    // Any other Arrow type (an all-null column) stays missing.
    at += data.length;
  }
  return out;
}

/** A numeric column; strings (a column whose type the user set to numeric) are parsed once per distinct value. */
export function readNumbers(table: Table, name: string): NumberColumn {
  const values = readNumbersWith(table, name, (text) => {
    const value = parseNumber(text) ?? parseNonFinite(text);
    if (value === undefined) {
      throw new AnalysisError('not-numeric', `column "${name}" holds "${text}", which is not a number — choose another type for it`);
    }
    return value;
  });
  return { kind: 'numbers', values };
}

// ISO 8601 as the readers write it (lib/data/infer-type.ts): date, optional time and zone.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Epoch milliseconds of an ISO 8601 date or date-time, or NaN. A value without a zone is read
 * as UTC (not the machine's zone), so a chart is the same in every browser and in the CLI.
 */
export function parseIsoTime(text: string): number {
  const m = ISO.exec(text.trim());
  if (!m) return NaN;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone = 'Z'] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), frac ? Math.round(Number(frac) * 1000) : 0);
  if (zone === 'Z') return ms;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return ms - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}

/** A datetime column as epoch milliseconds (UTC); a numeric column as its numbers. */
export function readTimes(table: Table, name: string): NumberColumn {
  let unparsed = 0;
  let unparsedExample: string | undefined;
  const bad = new Set<string>();
  const values = readNumbersWith(table, name, (text) => {
    const ms = parseIsoTime(text);
    if (Number.isNaN(ms) && !bad.has(text)) {
      bad.add(text);
      unparsedExample ??= text;
    }
    return ms;
  });
  if (bad.size > 0) {
    // Count rows (not distinct strings) that failed, against the column's own nulls.
    const vector = vectorOf(table, name);
    let missing = 0;
    for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i]!)) missing++;
    unparsed = missing - vector.nullCount;
  }
  return { kind: 'numbers', values, unparsed, unparsedExample };
}

/** A categorical (or boolean, or integer-category) column as codes into labels in first-seen order. */
export function readCodes(table: Table, name: string): CodeColumn {
  const vector = vectorOf(table, name);
  const codes = new Int32Array(vector.length).fill(-1);
  const labels: string[] = [];
  const index = new Map<string, number>();
  const codeOf = (label: string): number => {
    let k = index.get(label);
    if (k === undefined) {
      k = labels.length;
      index.set(label, k);
      labels.push(label);
    }
    return k;
  };
  let at = 0;
  for (const data of vector.data) {
    if (data.typeId === Type.Dictionary) {
      const dictionary = data.dictionary!;
      const lookup = new Int32Array(dictionary.length).fill(-2);
      const indices = data.values as Int32Array;
      for (let i = 0; i < data.length; i++) {
        if (!isValid(data, i)) continue;
        const d = indices[i]!;
        // Strings only for the dictionary entries that are used.
        if (lookup[d] === -2) lookup[d] = codeOf(String(dictionary.get(d)));
        codes[at + i] = lookup[d]!;
      }
    } else if (data.typeId === Type.Float) {
      // Numbers as categories: keyed by number, named with String(x) once per distinct value.
      const values = data.values as Float64Array;
      const byValue = new Map<number, number>();
      for (let i = 0; i < data.length; i++) {
        const x = values[i]!;
        if (!isValid(data, i) || x !== x) continue;
        let k = byValue.get(x);
        if (k === undefined) {
          k = codeOf(String(x));
          byValue.set(x, k);
        }
        codes[at + i] = k;
      }
    }
    at += data.length;
  }
  return { kind: 'codes', codes, labels };
}

/** Numbers as codes (a numeric column with few values drawn as bars), labels ordered by value. */
export function numbersAsCodes(columns: readonly Float64Array[], maxDistinct: number): { codes: Int32Array[]; labels: string[] } | undefined {
  const distinct = new Set<number>();
  for (const values of columns) {
    for (let i = 0; i < values.length; i++) {
      const x = values[i]!;
      if (Number.isFinite(x)) {
        distinct.add(x);
        if (distinct.size > maxDistinct) return undefined;
      }
    }
  }
  const sorted = [...distinct].sort((a, b) => a - b);
  const code = new Map(sorted.map((x, k) => [x, k]));
  const codes = columns.map((values) => Int32Array.from(values, (x) => code.get(x) ?? -1));
  return { codes, labels: sorted.map(String) };
}

import type { Table } from 'apache-arrow';
import { readCodes as readColumnCodes, readNumbers as readColumnNumbers, readTimes as readColumnTimes } from '../data/columns';

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

/** A numeric column; strings (a column whose type the user set to numeric) are parsed once per distinct value. */
export function readNumbers(table: Table, name: string): NumberColumn {
  return { kind: 'numbers', values: readColumnNumbers(table, name) };
}

/** A datetime column as epoch milliseconds (UTC, lib/data/time.ts); a numeric column as its numbers. */
export function readTimes(table: Table, name: string): NumberColumn {
  const { values, unparsed, firstUnparsed } = readColumnTimes(table, name);
  return { kind: 'numbers', values, unparsed, ...(firstUnparsed ? { unparsedExample: firstUnparsed.text } : {}) };
}

/** A categorical (or boolean, or integer-category) column as codes into labels in first-seen order. */
export function readCodes(table: Table, name: string): CodeColumn {
  const { codes, categories } = readColumnCodes(table, name);
  return { kind: 'codes', codes, labels: categories };
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

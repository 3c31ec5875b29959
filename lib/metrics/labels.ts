/**
 * Class labels: one canonical string per label, and the order sklearn would give them.
 *
 * Labels arrive as strings, numbers or booleans (a CSV "1", an Arrow int 1 and a JSON 1.0 are the
 * same class), so each is normalised to a string first: numbers and numeric strings become the
 * shortest round-trip decimal of their value (1, "1", "1.0", "+1" → "1"; −0 → "0"), booleans
 * "true"/"false", other strings are kept verbatim. null, undefined, NaN and "" are missing.
 *
 * Order (sklearn's unique_labels sorts): when every label is numeric they sort by value, as numpy
 * sorts an int/float array; otherwise all sort as strings by Unicode code point, as numpy sorts a
 * str array. (sklearn refuses a mix of numbers and strings; here the mix sorts as strings.)
 */
import { AnalysisError } from '../errors';

export type LabelValue = string | number | boolean | null | undefined;

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function canonicalNumber(x: number): string {
  return Object.is(x, -0) ? '0' : String(x);
}

/** The canonical string of a label, or null when the value is missing. */
export function normaliseLabel(value: LabelValue): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isNaN(value) ? null : canonicalNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === '') return null;
  const trimmed = value.trim();
  return NUMERIC.test(trimmed) ? canonicalNumber(Number(trimmed)) : value;
}

function isNumericLabel(label: string): boolean {
  return NUMERIC.test(label) && Number.isFinite(Number(label));
}

function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** Distinct labels in sklearn's order: numerically when all are numeric, else by code point. */
export function sortLabels(labels: Iterable<string>): string[] {
  const distinct = [...new Set(labels)];
  if (distinct.every(isNumericLabel)) return distinct.sort((a, b) => Number(a) - Number(b));
  return distinct.sort(compareCodePoints);
}

/** The distinct non-missing labels of some columns, normalised and sorted. */
export function labelsOf(...columns: ArrayLike<LabelValue>[]): string[] {
  const seen = new Set<string>();
  for (const column of columns) {
    for (let i = 0; i < column.length; i++) {
      const label = normaliseLabel(column[i]);
      if (label !== null) seen.add(label);
    }
  }
  return sortLabels(seen);
}

/**
 * Codes of a label column against a label list: index into `labels`, −1 when missing.
 * A label that is not in the list is an error (the caller declared the classes).
 */
export function encodeLabels(values: ArrayLike<LabelValue>, labels: readonly string[], what = 'label'): Int32Array {
  const index = new Map<string, number>();
  labels.forEach((label, i) => index.set(label, i));
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const label = normaliseLabel(values[i]);
    if (label === null) {
      codes[i] = -1;
      continue;
    }
    const code = index.get(label);
    if (code === undefined) {
      throw new AnalysisError(
        'unknown-label',
        `${what} not among the classes: ${JSON.stringify(label)} (row ${i}); classes are ${labels.join(', ')} — add it to labels or fix the data`,
      );
    }
    codes[i] = code;
  }
  return codes;
}

const BINARY_NUMERIC = [new Set(['0', '1']), new Set(['-1', '1'])];

/**
 * sklearn's default positive label: 1 for {0, 1} / {−1, 1} targets (_check_pos_label_consistency),
 * "true" for booleans; otherwise (sklearn would raise) the last label in sort order, with a warning.
 */
export function defaultPosLabel(labels: readonly string[], warnings: string[]): string {
  if (labels.length > 0 && BINARY_NUMERIC.some((set) => labels.every((l) => set.has(l)))) return '1';
  if (labels.length > 0 && labels.every((l) => l === 'true' || l === 'false')) return 'true';
  const last = labels[labels.length - 1];
  if (last === undefined) throw new AnalysisError('no-labels', 'labels: none found — the target column is empty or all missing');
  warnings.push(`pos_label: not given, using ${JSON.stringify(last)} (the last label in sort order); set pos_label to choose the positive class`);
  return last;
}

/** Throws unless `length` equals the target length. */
export function checkLength(what: string, length: number, expected: number): void {
  if (length !== expected) {
    throw new AnalysisError('length-mismatch', `${what} length: ${length}, target has ${expected} rows — pass columns of the same table`);
  }
}

/**
 * GX's result formats for map expectations (great_expectations/expectations/expectation.py,
 * `_format_map_output` and `_mostly_success`), the default being SUMMARY: counts and percents,
 * the first `partial_unexpected_count` (20) unexpected values, their counts and row indices.
 */
import { AnalysisError } from '../errors';
import type { ExpectationResultDetail } from './types';
import { comparePython, type GxValue } from './column-values';

export type ResultFormatLevel = 'BOOLEAN_ONLY' | 'BASIC' | 'SUMMARY' | 'COMPLETE';

export interface ResultFormat {
  level: ResultFormatLevel;
  partialUnexpectedCount: number;
}

const LEVELS: readonly ResultFormatLevel[] = ['BOOLEAN_ONLY', 'BASIC', 'SUMMARY', 'COMPLETE'];

export const SUMMARY: ResultFormat = { level: 'SUMMARY', partialUnexpectedCount: 20 };

/** A `result_format` kwarg (a level name, or `{result_format, partial_unexpected_count?}`); absent is SUMMARY. */
export function parseResultFormat(value: unknown): ResultFormat {
  if (value === undefined || value === null) return SUMMARY;
  if (typeof value === 'string' && (LEVELS as readonly string[]).includes(value)) return { ...SUMMARY, level: value as ResultFormatLevel };
  if (typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const level = parseResultFormat(record.result_format).level;
    const count = record.partial_unexpected_count ?? 20;
    if (typeof count === 'number' && Number.isInteger(count) && count >= 0) return { level, partialUnexpectedCount: count };
  }
  throw new AnalysisError(
    'bad-kwarg',
    `result_format: ${JSON.stringify(value)} — use one of ${LEVELS.join(', ')} or {"result_format": …, "partial_unexpected_count": n}`,
  );
}

/** What a map expectation found: unexpected values and their 0-based rows, in row order. */
export interface MapOutcome {
  elementCount: number;
  /** Rows considered (non-null rows; all rows when nulls are not filtered); null when GX reports no missing fields. */
  nonnullCount: number | null;
  unexpectedValues: GxValue[];
  unexpectedIndices: number[];
}

/** GX's `_mostly_success`: (considered − unexpected) / considered ≥ mostly, in floats (not unexpected/considered ≤ 1 − mostly). */
export function mostlySuccess(considered: number, unexpected: number, mostly: number): boolean {
  return (considered - unexpected) / considered >= mostly;
}

/**
 * `partial_unexpected_counts`: the partial list's values counted, sorted by (−count, value) as
 * Python sorts tuples; undefined when two values cannot be ordered (GX then leaves the field out).
 */
function partialCounts(values: readonly GxValue[]): { value: unknown; count: number }[] | undefined {
  const counts: { value: GxValue; count: number }[] = [];
  for (const value of values) {
    // A null is pandas' NaN, a new float object each time: Counter never merges two of them.
    const found = value === null ? undefined : counts.find((c) => c.value !== null && comparePythonSafe(c.value, value) === 0);
    if (found) found.count++;
    else counts.push({ value, count: 1 });
  }
  try {
    // Python's sort on (−count, value): NaN compares as neither smaller nor larger, so nulls keep their order.
    return counts.sort((a, b) => b.count - a.count || (a.value === null || b.value === null ? 0 : comparePython(a.value, b.value)));
  } catch {
    return undefined;
  }
}

// Python's Counter keys: 1 == 1.0 == True are one key; a str never equals a number.
function comparePythonSafe(a: GxValue, b: GxValue): number {
  try {
    return comparePython(a, b);
  } catch {
    return NaN;
  }
}

/** A map expectation's result at the given format, key order as GX writes it. */
export function formatMapResult(format: ResultFormat, outcome: MapOutcome): ExpectationResultDetail {
  if (format.level === 'BOOLEAN_ONLY') return {};
  const { elementCount, nonnullCount } = outcome;
  const unexpectedCount = outcome.unexpectedIndices.length;
  const skipMissing = nonnullCount === null;
  const missingCount = skipMissing ? null : elementCount - nonnullCount;
  let missingPercent: number | null = null;
  let total: number | null = null;
  let nonmissing: number | null = null;
  if (elementCount > 0) {
    total = (unexpectedCount / elementCount) * 100;
    if (skipMissing) nonmissing = total;
    else {
      missingPercent = (missingCount! / elementCount) * 100;
      nonmissing = nonnullCount > 0 ? (unexpectedCount / nonnullCount) * 100 : null;
    }
  }
  const partialValues = outcome.unexpectedValues.slice(0, format.partialUnexpectedCount);
  const result: ExpectationResultDetail = {
    element_count: elementCount,
    unexpected_count: unexpectedCount,
    unexpected_percent: nonmissing,
    partial_unexpected_list: partialValues,
  };
  if (!skipMissing) {
    result.missing_count = missingCount!;
    result.missing_percent = missingPercent;
    result.unexpected_percent_total = total;
    result.unexpected_percent_nonmissing = nonmissing;
  }
  if (format.level === 'BASIC') return result;
  if (format.partialUnexpectedCount > 0) {
    const counts = partialCounts(partialValues);
    if (counts) result.partial_unexpected_counts = counts;
    result.partial_unexpected_index_list = outcome.unexpectedIndices.slice(0, format.partialUnexpectedCount);
  }
  if (format.level === 'SUMMARY') return result;
  result.unexpected_list = outcome.unexpectedValues;
  result.unexpected_index_list = outcome.unexpectedIndices;
  return result;
}

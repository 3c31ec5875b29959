import type { ColumnType } from './types';

const TRUE_TOKENS = new Set(['true', 'yes', 't']);
const FALSE_TOKENS = new Set(['false', 'no', 'f']);

/** true/false for a boolean token (true/false, yes/no, t/f, any case), undefined otherwise. */
export function parseBoolean(raw: string): boolean | undefined {
  const s = raw.trim().toLowerCase();
  return TRUE_TOKENS.has(s) ? true : FALSE_TOKENS.has(s) ? false : undefined;
}

/** Evidently 0.7's rules: integers with at most this many distinct values are categorical. */
export const MAX_CATEGORICAL_INTEGERS = 10;
/** …and strings with more distinct values than this share of their values are text. */
export const TEXT_DISTINCT_SHARE = 0.5;

/** What a column builder saw, enough to decide its type. */
export interface ColumnEvidence {
  /** Every non-missing value was a number (finite or not). */
  numeric: boolean;
  /** Non-missing values. */
  values: number;
  /** Distinct non-missing values; undefined when the builder stopped counting (numbers: above 10). */
  distinct: number | undefined;
  allIntegers: boolean;
  allDates: boolean;
  allBooleans: boolean;
}

/**
 * numeric (integers with ≤ 10 distinct values: categorical), datetime (ISO 8601), boolean, text
 * (more distinct strings than half the values), categorical otherwise; no values at all: categorical.
 */
export function decideColumnType(e: ColumnEvidence): ColumnType {
  if (e.values === 0) return 'categorical';
  if (e.numeric) {
    return e.allIntegers && e.distinct !== undefined && e.distinct <= MAX_CATEGORICAL_INTEGERS ? 'categorical' : 'numeric';
  }
  if (e.allDates) return 'datetime';
  if (e.allBooleans) return 'boolean';
  if (e.distinct !== undefined && e.distinct > TEXT_DISTINCT_SHARE * e.values) return 'text';
  return 'categorical';
}

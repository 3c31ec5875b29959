import type { ColumnType } from './types';

// ISO 8601 calendar date, optionally with a time and a zone: 2015-01-31, 2015-01-31T10:00:00Z, 2015-01-31 10:00.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function isIsoDate(raw: string): boolean {
  const s = raw.trim();
  if (!ISO_DATE.test(s)) return false;
  return !Number.isNaN(Date.parse(s.length === 10 ? s : s.replace(' ', 'T')));
}

const FORMAT_TOKENS: Record<string, string> = { YYYY: '(\\d{4})', MM: '(\\d{1,2})', DD: '(\\d{1,2})', HH: '(\\d{1,2})', mm: '(\\d{2})', ss: '(\\d{2})' };

/**
 * A checker for dates written in a user's format, e.g. "DD/MM/YYYY" or "MM-DD-YYYY HH:mm":
 * YYYY, MM, DD, HH, mm and ss stand for numbers; the date must exist (no 31/02).
 */
export function dateFormatChecker(format: string): (raw: string) => boolean {
  const order: string[] = [];
  const pattern = format.replace(/YYYY|MM|DD|HH|mm|ss|[.*+?^${}()|[\]\\]/g, (token) => {
    if (FORMAT_TOKENS[token]) {
      order.push(token);
      return FORMAT_TOKENS[token]!;
    }
    return `\\${token}`;
  });
  const regex = new RegExp(`^${pattern}$`);
  return (raw) => {
    const match = regex.exec(raw.trim());
    if (!match) return false;
    const part = (token: string) => {
      const at = order.indexOf(token);
      return at < 0 ? (token === 'DD' || token === 'MM' ? 1 : 0) : Number(match[at + 1]);
    };
    const [y, m, d] = [part('YYYY'), part('MM'), part('DD')];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && part('HH') < 24 && part('mm') < 60 && part('ss') < 60;
  };
}

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

import type { ColumnType } from './types';
import { isMissing } from './missing';
import { parseNumber } from './parse-number';

// ISO 8601 calendar date, optionally with a time and a zone: 2015-01-31, 2015-01-31T10:00:00Z, 2015-01-31 10:00.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function isIsoDate(raw: string): boolean {
  const s = raw.trim();
  if (!ISO_DATE.test(s)) return false;
  return !Number.isNaN(Date.parse(s.length === 10 ? s : s.replace(' ', 'T')));
}

/**
 * A column whose non-missing values all parse as finite numbers is numeric; all ISO 8601 dates is
 * datetime; anything else categorical. A column with no values at all is categorical.
 */
export function inferColumnType(values: readonly string[]): ColumnType {
  let numeric = true;
  let datetime = true;
  let seen = 0;
  for (const raw of values) {
    if (isMissing(raw)) continue;
    seen++;
    if (numeric && parseNumber(raw) === undefined) numeric = false;
    if (datetime && !isIsoDate(raw)) datetime = false;
    if (!numeric && !datetime) return 'categorical';
  }
  if (seen === 0) return 'categorical';
  return numeric ? 'numeric' : 'datetime';
}

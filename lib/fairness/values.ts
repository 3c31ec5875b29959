import type { FairnessValue } from './types';

/**
 * The string a value is keyed by: numbers as JS String (1 and "1" are the same label, numeric
 * groups are "0", "1"), booleans as "true"/"false"; null for missing (null, undefined, NaN, '').
 */
export function valueKey(value: FairnessValue): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isNaN(value) ? null : String(value);
  if (typeof value === 'boolean') return String(value);
  return value === '' ? null : value;
}

/** "a, b, c" — at most `limit` items, then "and N more". */
export function listPreview(items: readonly string[], limit = 5): string {
  const shown = items.slice(0, limit).map((s) => JSON.stringify(s));
  return items.length > limit ? `${shown.join(', ')} and ${items.length - limit} more` : shown.join(', ');
}

/**
 * Sort distinct values as pandas' groupby does: numerically when every value was a number,
 * false before true for booleans, otherwise by string (code units).
 */
export function sortValueKeys(keys: string[], raw: Map<string, FairnessValue>): string[] {
  const all = keys.map((k) => raw.get(k));
  if (all.every((v) => typeof v === 'number')) return keys.sort((a, b) => (raw.get(a) as number) - (raw.get(b) as number));
  if (all.every((v) => typeof v === 'boolean')) return keys.sort((a, b) => Number(raw.get(a)) - Number(raw.get(b)));
  return keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

import type { CategoricalProfile } from '../../profile/column-profile';
import { capValue } from '../../profile/embed-caps';

/** One category's count and the rest's, on each side: what `z` and `fisher_exact` test. */
export interface CategoryShare {
  /** The category whose share is tested, as embedded in results (cut to MAX_EMBEDDED_CHARS characters). */
  category: string;
  /** Distinct categories of both sides together. */
  categories: number;
  reference: { count: number; rest: number };
  current: { count: number; rest: number };
}

// A category that is a number written as JS writes it came from a numeric column (few-valued integers).
const isCanonicalNumber = (c: string): boolean => c !== '' && String(Number(c)) === c;

// Python's sorted() on str compares code points; JS's < compares UTF-16 units, which differ above
// U+FFFF. Compared in place, without copying the strings into arrays: with 10^5 categories (or one
// 50 MB value) this runs once per category.
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length - b.length;
  // The differing code point starts one unit earlier when a shared high surrogate precedes it.
  const previous = i > 0 ? a.charCodeAt(i - 1) : 0;
  if (previous >= 0xd800 && previous <= 0xdbff) {
    const d = a.codePointAt(i - 1)! - b.codePointAt(i - 1)!;
    if (d !== 0) return d;
  }
  return a.codePointAt(i)! - b.codePointAt(i)!;
}

/**
 * The first category in sorted order, as Evidently's z test picks it (`keys = sorted(unique values of
 * reference and current)`, then `keys[0]` against the rest; evidently/legacy/calculations/stattests/
 * z_stattest.py): numbers sort as numbers (a pandas integer column), strings by code point.
 */
export function firstSortedCategory(categories: readonly string[]): string {
  const numeric = categories.every(isCanonicalNumber);
  let first = categories[0]!;
  for (const c of categories) {
    if (numeric ? Number(c) < Number(first) : compareCodePoints(c, first) < 0) first = c;
  }
  return first;
}

/**
 * The share of one stated category on each side, the first in sorted order (Evidently's choice for
 * `z`, also with more than 2 categories: that category against all others together).
 */
export function shareOfFirstCategory(reference: CategoricalProfile, current: CategoricalProfile): CategoryShare {
  const union = [...new Set([...reference.categories, ...current.categories])];
  const category = firstSortedCategory(union);
  const countOf = (side: CategoricalProfile) => {
    const k = side.categories.indexOf(category);
    const count = k < 0 ? 0 : side.counts[k]!;
    return { count, rest: side.count - count };
  };
  return { category: capValue(category), categories: union.length, reference: countOf(reference), current: countOf(current) };
}

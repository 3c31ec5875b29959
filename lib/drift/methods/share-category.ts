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
// U+FFFF. At the first differing unit, surrogates (D800–DFFF, above U+FFFF) rank above E000–FFFF:
// shift them up past it. No copies — with 10^5 categories (or one 50 MB value) this runs per category.
function codePointRank(unit: number): number {
  return unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2000 : unit >= 0xe000 ? unit - 0x800 : unit;
}

function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
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

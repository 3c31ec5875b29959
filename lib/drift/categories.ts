import type { CategoricalProfile, NumericProfile } from '../profile/column-profile';
import { sizesApart, sortedDistinct, sortedMissing } from '../profile/sorted-stats';
import { ecdfPairWalk } from '../stats/ecdf-pair-walk';

/** Both sides' counts over the union of categories, in one order (reference's first, then new ones). */
export function alignCategories(
  reference: CategoricalProfile,
  current: CategoricalProfile,
): {
  categories: string[];
  reference: number[];
  current: number[];
} {
  const index = new Map<string, number>();
  const categories: string[] = [];
  const add = (c: string): void => {
    if (!index.has(c)) {
      index.set(c, categories.length);
      categories.push(c);
    }
  };
  reference.categories.forEach(add);
  current.categories.forEach(add);
  const ref = new Array<number>(categories.length).fill(0);
  const cur = new Array<number>(categories.length).fill(0);
  reference.categories.forEach((c, i) => (ref[index.get(c)!] = reference.counts[i]!));
  current.categories.forEach((c, i) => (cur[index.get(c)!] = current.counts[i]!));
  return { categories, reference: ref, current: cur };
}

/** A numeric column's values as categories (for chisquare/z on few-valued numeric columns, as Evidently does). */
export function numericAsCategorical(profile: NumericProfile): CategoricalProfile {
  const categories: string[] = [];
  const counts: number[] = [];
  const sorted = profile.sorted;
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    categories.push(String(sorted[i]));
    counts.push(j - i);
    i = j;
  }
  return { kind: 'categorical', count: profile.count, missing: profile.missing, categories, counts };
}

/** Distinct values of both sides together (Evidently's n_unique of concat(reference, current)). */
export function distinctCount(reference: NumericProfile | CategoricalProfile, current: NumericProfile | CategoricalProfile): number {
  if (reference.kind === 'categorical' && current.kind === 'categorical') {
    return new Set([...reference.categories, ...current.categories]).size;
  }
  if (reference.kind === 'numeric' && current.kind === 'numeric') {
    const a = reference.sorted;
    const b = current.sorted;
    const [large, small] = a.length >= b.length ? [a, b] : [b, a];
    // A small side against a large one (a window against its reference): the large side's distinct
    // values (counted once per array) plus the small side's values it lacks, found by galloping search.
    if (sizesApart(a, b)) return sortedDistinct(large) + sortedMissing(large, small);
    // Comparable sizes: the merge walk ks and wasserstein share (one walk for the three when the arrays are sealed).
    return ecdfPairWalk(a, b).distinct;
  }
  throw new Error('distinctCount: both sides must be of one kind');
}

/**
 * Evidently's goodness-of-fit inputs (chisquare, and g_test here): observed = current counts over
 * the union of categories, expected = reference counts × n_cur / n_ref.
 */
export function observedExpected(reference: CategoricalProfile, current: CategoricalProfile): { observed: number[]; expected: number[] } {
  const aligned = alignCategories(reference, current);
  const scale = current.count / reference.count;
  return { observed: aligned.current, expected: aligned.reference.map((n) => n * scale) };
}

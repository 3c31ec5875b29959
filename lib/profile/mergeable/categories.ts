import { AnalysisError } from '../../errors';
import type { CategoryCounts } from './types';

/** Keeps the maxCategories most frequent values (ties: first listed first), the rest summed in `other`. */
function limited(values: string[], counts: number[], other: number, maxCategories: number, truncated: boolean): CategoryCounts {
  const order = values.map((_, i) => i).sort((i, j) => counts[j]! - counts[i]! || i - j);
  const kept = order.slice(0, maxCategories);
  let rest = other;
  for (const i of order.slice(maxCategories)) rest += counts[i]!;
  return {
    maxCategories,
    values: kept.map((i) => values[i]!),
    counts: kept.map((i) => counts[i]!),
    other: rest,
    truncated: truncated || order.length > maxCategories,
  };
}

/** Category counts from a column's distinct values (first-seen order) and their counts. */
export function categoryCounts(values: string[], counts: number[], maxCategories: number): CategoryCounts {
  if (!Number.isInteger(maxCategories) || maxCategories < 1) {
    throw new AnalysisError('invalid-max-categories', `max categories: ${maxCategories}, must be a positive integer`);
  }
  return limited(values, counts, 0, maxCategories, false);
}

/** Sums counts by value; exact unless either side was truncated or the union passes the limit. */
export function mergeCategories(a: CategoryCounts, b: CategoryCounts, column: string): CategoryCounts {
  if (a.maxCategories !== b.maxCategories) {
    throw new AnalysisError(
      'incompatible-profiles',
      `column "${column}": category limits differ (${a.maxCategories} vs ${b.maxCategories}); profile both with the same --max-categories`,
    );
  }
  const index = new Map<string, number>();
  const values: string[] = [];
  const counts: number[] = [];
  for (const side of [a, b]) {
    side.values.forEach((v, i) => {
      const k = index.get(v);
      if (k === undefined) {
        index.set(v, values.length);
        values.push(v);
        counts.push(side.counts[i]!);
      } else counts[k]! += side.counts[i]!;
    });
  }
  return limited(values, counts, a.other + b.other, a.maxCategories, a.truncated || b.truncated);
}

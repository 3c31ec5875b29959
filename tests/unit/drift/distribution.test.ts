import { describe, expect, it } from 'vitest';
import { summarizeCategorical, summarizeNumeric, MAX_CHART_CATEGORIES } from '../../../lib/drift/distribution';
import type { CategoricalProfile, NumericProfile } from '../../../lib/drift/profile';

const numeric = (values: number[]): NumericProfile => {
  const sorted = Float64Array.from(values).sort();
  return { kind: 'numeric', count: values.length, missing: 0, nonFinite: 0, sorted, min: sorted[0]!, max: sorted[sorted.length - 1]!, mean: 0 };
};

describe('distribution summaries', () => {
  it('bins both sides on shared edges, numpy-style (last bin closed)', () => {
    const d = summarizeNumeric(numeric([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), numeric([10, 10, 0]));
    if (d.kind !== 'histogram') throw new Error('kind');
    expect(d.edges).toHaveLength(11);
    expect(d.edges[0]).toBe(0);
    expect(d.edges[10]).toBe(10);
    expect(d.reference).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 2]);
    expect(d.current).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
  });

  it('gives a constant column one bin around its value', () => {
    const d = summarizeNumeric(numeric([3, 3]), numeric([3]));
    expect(d).toEqual({ kind: 'histogram', edges: [2.5, 3.5], reference: [2], current: [1] });
  });

  it('keeps the most frequent categories and sums the rest into other', () => {
    const categories = Array.from({ length: 30 }, (_, i) => `c${i}`);
    const ref: CategoricalProfile = { kind: 'categorical', count: 0, missing: 0, categories, counts: categories.map((_, i) => 30 - i) };
    ref.count = ref.counts.reduce((a, b) => a + b, 0);
    const cur: CategoricalProfile = { kind: 'categorical', count: 5, missing: 0, categories: ['new'], counts: [5] };
    const d = summarizeCategorical(ref, cur);
    if (d.kind !== 'categories') throw new Error('kind');
    expect(d.categories).toHaveLength(MAX_CHART_CATEGORIES);
    expect(d.categories[0]).toBe('new');
    expect(d.distinct).toBe(31);
    expect(d.reference.reduce((a, b) => a + b, 0) + d.otherReference).toBe(ref.count);
    expect(d.current.reduce((a, b) => a + b, 0) + d.otherCurrent).toBe(5);
  });
});

import { describe, expect, it } from 'vitest';
import { summarizeCategorical, summarizeNumeric, thinEcdf, MAX_CHART_CATEGORIES } from '../../../lib/drift/distribution';
import type { CategoricalProfile, NumericProfile } from '../../../lib/profile/column-profile';

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
    expect(d).toMatchObject({ kind: 'histogram', edges: [2.5, 3.5], reference: [2], current: [1] });
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

describe('thinEcdf', () => {
  it('keeps every point of a small sample, counting ties at their last copy', () => {
    expect(thinEcdf(Float64Array.from([1, 2, 2, 3]))).toEqual({ x: [1, 2, 3], y: [0.25, 0.75, 1] });
  });
  it('thins a large sample to at most 129 points ending at 1', () => {
    const sorted = Float64Array.from({ length: 100_000 }, (_, i) => i / 7);
    const { x, y } = thinEcdf(sorted);
    expect(x.length).toBeLessThanOrEqual(129);
    expect(y.at(-1)).toBe(1);
    expect(x.every((v, i) => i === 0 || v > x[i - 1]!)).toBe(true);
    // Each y is the exact ECDF of its x.
    for (const [i, v] of x.entries()) expect(y[i]).toBe((Math.floor(v * 7 + 1e-9) + 1) / 100_000);
  });
});

import { describe, expect, it } from 'vitest';
import { categoryData, categoryLabels, histogramData, percentOf, truncateLabel } from '../../../lib/charts/distribution-data';

const histogram = { kind: 'histogram' as const, edges: [0, 1, 2, 4], reference: [1, 2, 1], current: [0, 0, 5] };
const categories = {
  kind: 'categories' as const,
  categories: ['a', 'b'],
  reference: [6, 2],
  current: [1, 1],
  otherReference: 2,
  otherCurrent: 0,
  distinct: 5,
};

const sumPercent = (data: { side: string; percent: number }[], side: string) => data.filter((d) => d.side === side).reduce((s, d) => s + d.percent, 0);

describe('histogramData', () => {
  it('gives each side one datum per bin on the shared edges, as percent of that side', () => {
    const data = histogramData(histogram);
    expect(data).toHaveLength(6);
    expect(data.slice(0, 3).map((d) => [d.x1, d.x2, d.percent])).toEqual([
      [0, 1, 25],
      [1, 2, 50],
      [2, 4, 25],
    ]);
    expect(sumPercent(data, 'reference')).toBeCloseTo(100, 10);
    expect(sumPercent(data, 'current')).toBeCloseTo(100, 10);
  });

  it('gives 0%, not NaN, for an empty side', () => {
    const data = histogramData({ ...histogram, current: [0, 0, 0] });
    expect(data.filter((d) => d.side === 'current').map((d) => d.percent)).toEqual([0, 0, 0]);
  });
});

describe('categoryData', () => {
  it('adds an "other" bar counting the unlisted categories, and includes it in the total', () => {
    expect(categoryLabels(categories)).toEqual(['a', 'b', 'other (3 categories)']);
    const data = categoryData(categories);
    expect(data.filter((d) => d.side === 'reference').map((d) => d.percent)).toEqual([60, 20, 20]);
    expect(data.filter((d) => d.side === 'current').map((d) => d.percent)).toEqual([50, 50, 0]);
  });

  it('has no "other" bar when nothing is left over, and names the empty string', () => {
    const dist = { ...categories, categories: ['', 'b'], otherReference: 0, distinct: 2 };
    expect(categoryLabels(dist)).toEqual(['(empty)', 'b']);
    expect(categoryData(dist)).toHaveLength(4);
  });
});

describe('helpers', () => {
  it('percentOf guards a zero total', () => {
    expect(percentOf(3, 0)).toBe(0);
    expect(percentOf(1, 4)).toBe(25);
  });

  it('truncateLabel cuts by code point and marks the cut', () => {
    expect(truncateLabel('short', 10)).toBe('short');
    expect(truncateLabel('abcdefghij', 5)).toBe('abcd…');
    expect(truncateLabel('😀😀😀😀', 3)).toBe('😀😀…');
  });
});

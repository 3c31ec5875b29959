import { Float64, Table, makeData, makeVector, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { computeQuality } from '../../../lib/quality/compute-quality';
import { binCount, histogramSorted, quantileSorted, sampleStd } from '../../../lib/quality/numeric-stats';
import type { DatasetMeta } from '../../../lib/data/types';

function meta(name: string): DatasetMeta {
  return { id: name, name, format: 'csv', sha256: '0', bytes: 0, rows: 0, schema: [{ name: 'x', type: 'numeric' }], warnings: [], createdAt: '' };
}

describe('numeric summaries', () => {
  it('quantiles interpolate linearly (numpy linear); none for no values', () => {
    const sorted = Float64Array.from([1, 2, 4, 8]);
    // np.quantile([1, 2, 4, 8], [0.25, 0.5, 0.75]) = [1.75, 3, 5]
    expect([0.25, 0.5, 0.75].map((q) => quantileSorted(sorted, q))).toEqual([1.75, 3, 5]);
    expect(quantileSorted(new Float64Array(0), 0.5)).toBeNull();
  });

  it('std uses ddof = 1 and is undefined for one value', () => {
    expect(sampleStd(Float64Array.from([1, 2, 3, 4]), 2.5)).toBeCloseTo(1.2909944487358056, 15);
    expect(sampleStd(Float64Array.from([5]), 5)).toBeNull();
  });

  it('histogram widens a single value by ±0.5 as numpy does, and keeps 10–20 bins', () => {
    const h = histogramSorted(Float64Array.from([3, 3]), 3, 3, 10);
    expect(h.edges[0]).toBe(2.5);
    expect(h.edges[10]).toBe(3.5);
    expect(h.counts.reduce((a, b) => a + b)).toBe(2);
    expect([1, 1000, 1e9].map(binCount)).toEqual([10, 11, 20]);
  });

  it('reads null slots whatever their value buffer holds, and counts each infinity sign', () => {
    // vectorFromArray leaves 0 in null slots: they must still count as missing, not as zeros.
    const vector = vectorFromArray([0, null, Infinity, -Infinity, Infinity, 2, null], new Float64());
    const stats = computeQuality({ meta: meta('a'), table: new Table({ x: vector }) }).columns[0]!.reference;
    expect(stats).toMatchObject({ count: 5, missing: 2, nonFinite: 3, distinct: 4, topFrequency: 2, zerosShare: 0.2, hasNonFinite: true });
  });

  it('handles tables of several record batches', () => {
    const chunk = (values: number[]) => makeData({ type: new Float64(), length: values.length, nullCount: 0, data: Float64Array.from(values) });
    const vector = makeVector([chunk([1, 2]), chunk([2, 0])]);
    const result = computeQuality({ meta: meta('a'), table: new Table({ x: vector }) });
    expect(result.columns[0]!.reference).toMatchObject({ count: 4, distinct: 3, min: 0, max: 2, median: 1.5 });
    expect(result.dataset.reference.duplicatedRows).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { histogramQuantile } from '../../../lib/prom/histogram-quantile';

// The special cases documented above bucketQuantile in promql/quantile.go (Prometheus).
describe('histogramQuantile special cases (promql/quantile.go bucketQuantile)', () => {
  const b = (pairs: [number, number][]) => pairs.map(([upperBound, count]) => ({ upperBound, count }));
  it('NaN, -Inf, +Inf and the bucket rules', () => {
    const h = b([
      [0.1, 2],
      [0.5, 6],
      [Infinity, 10],
    ]);
    expect(histogramQuantile(NaN, h)).toBeNaN();
    expect(histogramQuantile(-0.1, h)).toBe(-Infinity);
    expect(histogramQuantile(1.1, h)).toBe(Infinity);
    expect(histogramQuantile(0.5, b([[1, 1]]))).toBeNaN(); // highest bucket not +Inf
    expect(histogramQuantile(0.5, b([[Infinity, 3]]))).toBeNaN(); // fewer than 2 buckets
    expect(
      histogramQuantile(
        0.5,
        b([
          [1, 0],
          [Infinity, 0],
        ]),
      ),
    ).toBeNaN(); // no observations
    expect(histogramQuantile(0.9, h)).toBe(0.5); // in the +Inf bucket: the second-highest bound
    expect(histogramQuantile(0.1, h)).toBeCloseTo(0.05, 15); // lowest bucket interpolates from 0
    expect(
      histogramQuantile(
        0.1,
        b([
          [-1, 2],
          [0.5, 6],
          [Infinity, 10],
        ]),
      ),
    ).toBe(-1); // lowest bound ≤ 0 is returned
    expect(
      histogramQuantile(
        0.4,
        b([
          [0.5, 6],
          [0.1, 2],
          [0.1, 1],
          [Infinity, 10],
        ]),
      ),
    ).toBeCloseTo(0.1 + 0.4 * (1 / 3), 15); // sorted, 0.1 coalesced to 3
    expect(
      histogramQuantile(
        0.6,
        b([
          [0.1, 4],
          [0.5, 3],
          [1, 7],
          [Infinity, 8],
        ]),
      ),
    ).toBeCloseTo(0.5 + 0.5 * (0.8 / 3), 15); // non-monotonic: le=0.5 lifted to 4 (0.725 without the envelope)
  });
});

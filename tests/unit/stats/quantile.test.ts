import { describe, expect, it } from 'vitest';
import { percentileSorted, quantileSorted } from '../../../lib/stats/quantile';

// Outputs of numpy 1.24.2: np.percentile(a, p) for p = 0, 10, 33, 50, 90, 95, 99, 100 (repr, so exact doubles).
const P = [0, 10, 33, 50, 90, 95, 99, 100];
const NUMPY: [number[], number[]][] = [
  [
    [1, 2, 3, 4],
    [1.0, 1.3, 1.99, 2.5, 3.7, 3.8499999999999996, 3.9699999999999998, 4.0],
  ],
  [
    [0.1, 0.2, 0.3, 0.7, 1.1],
    [0.1, 0.14, 0.232, 0.3, 0.9400000000000001, 1.02, 1.084, 1.1],
  ],
  [[5], [5, 5, 5, 5, 5, 5, 5, 5]],
  [
    [-1e300, 0, 1e300],
    [-1e300, -8e299, -3.3999999999999996e299, 0, 8e299, 8.999999999999999e299, 9.800000000000001e299, 1e300],
  ],
  [
    [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1],
    [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1],
  ],
];

describe('percentileSorted = numpy.percentile (linear) bit for bit', () => {
  for (const [a, expected] of NUMPY) {
    it(`[${a.join(', ')}]`, () => {
      expect(P.map((p) => percentileSorted(a, p))).toEqual(expected);
    });
  }

  it('quantile at an arbitrary q', () => {
    expect(quantileSorted([0.1, 0.2, 0.3, 0.7, 1.1], 0.123456789)).toBe(0.1493827156);
  });

  it('is null on empty input and rejects q outside the range', () => {
    expect(percentileSorted([], 50)).toBeNull();
    expect(() => percentileSorted([1], 101)).toThrow(RangeError);
    expect(() => quantileSorted([1], NaN)).toThrow(RangeError);
  });
});

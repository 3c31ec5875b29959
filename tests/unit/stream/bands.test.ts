import { describe, expect, it } from 'vitest';
import { outsideBand, referenceBand } from '../../../lib/stream/bands';
import { conceptDriftPoint, rowErrors } from '../../../lib/stream/concept-drift';

describe('referenceBand (NannyML StandardDeviationThreshold)', () => {
  it('reproduces the docstring example of nannyml/thresholds.py StandardDeviationThreshold: range(10) → -4.116843969807043, 13.116843969807043', () => {
    const band = referenceBand([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])!;
    expect(band.lower).toBe(-4.116843969807043);
    expect(band.upper).toBe(13.116843969807043);
    expect(band).toMatchObject({ mean: 4.5, multiplier: 3, chunks: 10 });
  });

  it('clips to the metric limits as calculate_threshold_values does, skips chunks without a value, takes another multiplier', () => {
    const band = referenceBand([0.1, null, 0.9, 0.5], 3, [0, 1])!;
    expect([band.lower, band.upper, band.chunks]).toEqual([0, 1, 3]);
    const narrow = referenceBand([0.4, 0.6], 1, [0, 1])!;
    expect([narrow.lower, narrow.upper]).toEqual([0.4, 0.6]);
    expect(referenceBand([null, null])).toBeNull();
    expect(() => referenceBand([1], -1)).toThrow(/band multiplier: -1 — give a number ≥ 0/);
  });

  it('flags strictly outside the limits (a value on a limit is inside)', () => {
    const band = referenceBand([0.4, 0.6], 1)!;
    expect([0.39, 0.4, 0.6, 0.61, null].map((v) => outsideBand(v, band))).toEqual([true, false, false, true, false]);
    expect(outsideBand(5, null)).toBe(false);
  });
});

describe('concept drift per window', () => {
  it('reads errors as indicators (labels as text) or absolute errors, missing where either side is', () => {
    expect([...rowErrors('classification', ['1', 0, null, 'a'], [1, 1, 1, 'a'])]).toEqual([0, 1, NaN, 0]);
    expect([...rowErrors('regression', [1, 5, NaN], [3, 2, 1])]).toEqual([2, 3, NaN]);
  });

  it('has no tests for a window without errors', () => {
    expect(conceptDriftPoint('classification', [0, 1, 0], [NaN, NaN], [0, 1])).toEqual({
      n: 0,
      current: null,
      reference: 1 / 3,
      mwuStatistic: null,
      mwuPValue: null,
      zStatistic: null,
      zPValue: null,
    });
    // No reference row with both columns: nothing to compare with (JSON-safe null, not NaN).
    expect(conceptDriftPoint('regression', [NaN], [1, 2])).toEqual({ n: 2, current: null, reference: null, mwuStatistic: null, mwuPValue: null });
  });
});

/**
 * Tabular two-sided CUSUM (Montgomery, Introduction to Statistical Quality Control, §9.1, in
 * standardized form) on hand-computed vectors: z = (x − mu)/sigma, S⁺ = max(0, S⁺ + z − k),
 * S⁻ = max(0, S⁻ − z − k), drift when S⁺ > h or S⁻ > h, both sums restarting after a drift.
 */
import { describe, expect, it } from 'vitest';
import { cusum } from '../../../lib/stream/detectors/cusum';
import { parseDetectorParams } from '../../../lib/stream/detectors/index';
import { runDetector } from '../../../lib/stream/detectors/run';
import { alternate, repeat } from './streams';

const detect = (values: number[], params = {}) => runDetector('cusum', params, values).detections;

describe('CUSUM: hand-computed vectors (k 0.5, h 5 unless stated)', () => {
  it('a +2σ shift: S⁺ = 1.5, 3, 4.5, 6 > 5 → drift on its 4th value, and again 4 values after the reset', () => {
    // indices 0–2 zeros (S⁺ stays 0), 3–6 → 1.5, 3, 4.5, 6 (drift at 6); reset; 7–10 → drift at 10;
    // then zeros: max(0, 0 − 0.5) = 0.
    expect(detect([0, 0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0])).toEqual([6, 10]);
  });

  it('a −3σ shift: S⁻ = 2.5, 5 (not > 5), 7.5 → drift on the 3rd value (the decision is strict)', () => {
    expect(detect([-3, -3, -3])).toEqual([2]);
  });

  it('standardizes with the target: mu 10, sigma 2 turns 14 into z = 2', () => {
    expect(detect([10, 10, 10, 14, 14, 14, 14], { mu: 10, sigma: 2 })).toEqual([6]);
  });

  it('a shift of exactly k never accumulates', () => {
    expect(detect(repeat(0.5, 1000))).toEqual([]);
  });

  it('a value below target pulls S⁺ down: 1.5, 3, 4.5, 3, 4.5, 6 → drift at index 5', () => {
    // S⁻ meanwhile: 0, 0, 0, max(0, 1 − 0.5) = 0.5, max(0, 0.5 − 2 − 0.5) = 0, 0.
    expect(detect([2, 2, 2, -1, 2, 2])).toEqual([5]);
  });

  it('k 0, h 1: S⁺ = 0.6, 1.2 → drift at index 1', () => {
    expect(detect([0.6, 0.6], { k: 0, h: 1 })).toEqual([1]);
  });

  it('z = 1.1: S⁺ grows by 0.6 per value, 4.8 after 8 (≤ 5), 5.4 after 9 → index 8', () => {
    expect(detect(repeat(1.1, 9))).toEqual([8]);
  });

  it('a stationary stream at the target, and a ±σ alternation, never drift', () => {
    expect(detect(repeat(3, 1000), { mu: 3 })).toEqual([]);
    // ±1: S⁺ = max(0, 0 + 1 − 0.5) = 0.5, then max(0, 0.5 − 1 − 0.5) = 0, and so on; S⁻ likewise.
    expect(detect(alternate(-1, 1, 1000))).toEqual([]);
  });

  it('state machine: drift lasts one update (lazy reset), warnings never', () => {
    const d = cusum({ h: 1 });
    expect(d.update(2)).toEqual({ drift: true, warning: false }); // S⁺ = 1.5 > 1
    expect(d.update(1)).toEqual({ drift: false, warning: false }); // restarted: S⁺ = 0.5
  });

  it('refuses a non-positive sigma or h', () => {
    expect(() => parseDetectorParams('cusum', { sigma: 0 })).toThrow(/sigma: must be > 0/);
    expect(() => parseDetectorParams('cusum', { h: -1 })).toThrow(/h: must be > 0/);
    expect(() => cusum({ sigma: -1 })).toThrow(/sigma must be a positive finite number/);
  });
});

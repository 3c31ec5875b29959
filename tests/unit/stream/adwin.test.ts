/**
 * ADWIN against River 0.26 (river/drift/adwin.py class ADWIN, river/drift/adwin_c.pyx class
 * AdaptiveWindowing): the docstring example, river/drift/test_drift_detectors.py test_adwin and
 * river/drift/test_adwin_regression.py (TestDriftDetection, TestParameters), then our own streams.
 */
import { describe, expect, it } from 'vitest';
import { runDetector } from '../../../lib/stream/detectors/run';
import { RIVER, alternate, repeat } from './streams';

const detect = (values: number[], params = {}) => runDetector('adwin', params, values).detections;

describe("ADWIN: River's published detections", () => {
  it('docstring (random.Random(12345) choices of {0,1} then {4..7}): index 1023, input value 4', () => {
    expect(detect(RIVER.docstring)).toEqual([1023]);
    expect(RIVER.docstring[1023]).toBe(4);
  });

  it('test_adwin / test_basic_drift_at_expected_index on data_stream_1: [1023]', () => {
    expect(detect(RIVER.stream_1)).toEqual([1023]);
  });

  // After each reset the clock restarts: 2015 − 1023 = 3007 − 2015 = 992 = 31 × 32 updates.
  it('test_multiple_drifts (random.Random(42), four segments): [1023, 2015, 3007]', () => {
    expect(detect(RIVER.adwin_multi)).toEqual([1023, 2015, 3007]);
  });

  it('test_no_drift_constant_stream: 5000 × 1.0, no detection', () => {
    expect(detect(repeat(1, 5000))).toEqual([]);
  });

  it('test_no_drift_stable_distribution: random.Random(123).gauss(0, 1) × 5000, at most 2 detections', () => {
    expect(detect(RIVER.gauss).length).toBeLessThanOrEqual(2);
  });

  it('test_grace_period: grace_period 100, clock 1, 50 × 0 then 50 × 1000: the window never exceeds 100, no detection', () => {
    expect(detect([...repeat(0, 50), ...repeat(1000, 50)], { grace_period: 100, clock: 1 })).toEqual([]);
  });

  it('test_clock_1 on data_stream_1: at least one detection', () => {
    expect(detect(RIVER.stream_1, { clock: 1 }).length).toBeGreaterThanOrEqual(1);
  });
});

describe('ADWIN: our streams, outputs reasoned', () => {
  // Tests fall on ticks 32, 64, …: the first after the jump is index 1023 (24 ones). The cut that
  // leaves the newest bucket rows (mostly ones) as W1 has |Δmean| ≈ 0.9, while with W = 1024,
  // σ² = p(1−p) ≈ 0.023 (p = 24/1024), δ' = ln(2 ln 1024 / 0.002) ≈ 8.84 and m ≈ 1/20 the bound is
  // ≈ 0.14 + 0.29 = 0.44. Before the jump the window is constant (Δmean 0), after the reset too.
  it('an abrupt 0 → 1 at index 1000 is caught at the first test after it, 1023, once', () => {
    expect(detect([...repeat(0, 1000), ...repeat(1, 1000)])).toEqual([1023]);
  });

  // Same jump, delta 0.01, as test_immediate_large_shift (200 zeros then 100s): the first test
  // after the jump is index 223 with 24 hundreds; σ² ≈ 10⁴·p(1−p) ≈ 955, δ' ≈ 6.99, m ≈ 0.055 give
  // a bound ≈ 27 against |Δmean| ≈ 100.
  it('a large shift 0 → 100 (delta 0.01) is caught at 223, the first test after it', () => {
    expect(detect([...repeat(0, 200), ...repeat(100, 200)], { delta: 0.01 })).toEqual([223]);
  });

  it('clock 1 tests every update, so the same 0 → 1 jump is caught before 1023', () => {
    const found = detect([...repeat(0, 1000), ...repeat(1, 1000)], { clock: 1 });
    expect(found[0]).toBeGreaterThanOrEqual(1004); // W1 needs min_window_length = 5 values
    expect(found[0]).toBeLessThan(1023);
  });

  // Buckets merge aligned pairs (−a, +a), so every bucket of 2+ values sums to 0: W0 has mean ≈ 0,
  // and a W1 of n1 ≥ 5 single values has |mean| ≤ 5/5 = 1, below a bound ≥ sqrt(2·1·σ²·δ') with
  // σ² ≥ 1, δ' ≈ 8.8: ADWIN tests means, and the mean does not move.
  it('a variance change around the same mean (±1 then ±5) is not an ADWIN drift', () => {
    expect(detect([...alternate(-1, 1, 1000), ...alternate(-5, 5, 1000)])).toEqual([]);
  });

  it('restarts completely after a detection: a second identical jump is caught at the same offset', () => {
    // 1024 zeros-then-ones blocks: detection at 1023; the reset at 1024 starts a fresh window, and
    // a copy of the first 1024 values shifted by 1024 is caught at 1023 + 1024 = 2047.
    const block = [...repeat(0, 1000), ...repeat(1, 24)];
    expect(detect([...block, ...block])).toEqual([1023, 2047]);
  });
});

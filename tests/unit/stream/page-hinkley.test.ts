/**
 * Page-Hinkley against River 0.26 (river/drift/page_hinkley.py, class PageHinkley: docstring
 * example and river/drift/test_drift_detectors.py test_page_hinkley), then our own streams.
 */
import { describe, expect, it } from 'vitest';
import { pageHinkley } from '../../../lib/stream/detectors/page-hinkley';
import { runDetector } from '../../../lib/stream/detectors/run';
import { RIVER, alternate, repeat } from './streams';

const detect = (values: number[], params = {}) => runDetector('page_hinkley', params, values).detections;

describe("Page-Hinkley: River's published detections", () => {
  it('docstring (random.Random(12345) choices of {0,1} then {4..7}): index 1006', () => {
    expect(detect(RIVER.docstring)).toEqual([1006]);
    expect(RIVER.docstring[1006]).toBe(5); // River prints "input value: 5"
  });

  it('test_page_hinkley on data_stream_3: up [588, 1681], down [1172], both [588, 1097, 1585]', () => {
    expect(detect(RIVER.stream_3, { mode: 'up' })).toEqual([588, 1681]);
    expect(detect(RIVER.stream_3, { mode: 'down' })).toEqual([1172]);
    expect(detect(RIVER.stream_3, { mode: 'both' })).toEqual([588, 1097, 1585]);
  });
});

describe('Page-Hinkley: our streams, outputs reasoned', () => {
  it('a constant stream never drifts: every deviation is 0, so U only falls (its own minimum) and D only rises (its own maximum)', () => {
    expect(detect(repeat(3, 2000))).toEqual([]);
  });

  // 200 × 0 then 10s: after t tens the running mean is 10t/(200+t), so the deviation is
  // 2000/(200+t). U − min U ≈ Σ 2000/(200+s) (δ and α move it by < 0.1): 49.3 after 5, 59.0 after 6,
  // so the sixth 10 (index 205) crosses 50. The reset at 206 restarts on a constant stream: no more.
  it('an abrupt rise 0 → 10 at index 200 is caught at 205 (mode up and both), never by mode down', () => {
    const stream = [...repeat(0, 200), ...repeat(10, 300)];
    expect(detect(stream)).toEqual([205]);
    expect(detect(stream, { mode: 'up' })).toEqual([205]);
    expect(detect(stream, { mode: 'down' })).toEqual([]);
  });

  it('an abrupt fall 10 → 0 mirrors it: index 205 for down and both, nothing for up', () => {
    const stream = [...repeat(10, 200), ...repeat(0, 300)];
    expect(detect(stream)).toEqual([205]);
    expect(detect(stream, { mode: 'down' })).toEqual([205]);
    expect(detect(stream, { mode: 'up' })).toEqual([]);
  });

  // A ramp of slope 0.01 after 500 zeros: dev ≈ 0.01t − 0.005t²/(500+t), whose sum passes 50 near
  // t ≈ 103. After each reset the fresh mean lags the ramp by half its length, dev ≈ 0.005t, sum
  // 0.0025t² > 50 at t ≈ 141, so detections repeat about every 141 updates until the ramp stops.
  it('a gradual ramp is caught about 100 updates in, then every ~141 updates while it lasts', () => {
    const ramp = Array.from({ length: 1000 }, (_, t) => (10 * (t + 1)) / 1000);
    const found = detect([...repeat(0, 500), ...ramp, ...repeat(10, 500)]);
    expect(found[0]).toBeGreaterThanOrEqual(598);
    expect(found[0]).toBeLessThanOrEqual(608);
    const gaps = found.slice(1).map((v, i) => v - found[i]!);
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(135);
      expect(gap).toBeLessThanOrEqual(147);
    }
    expect(found.every((i) => i < 1500 + 150)).toBe(true);
  });

  // ±1 then ±5 around the same mean: each deviation moves U and D by at most ~10, far below 50.
  it('a variance change around the same mean is not a Page-Hinkley drift', () => {
    expect(detect([...alternate(-1, 1, 1000), ...alternate(-5, 5, 1000)])).toEqual([]);
  });

  it('min_instances: no drift before that many updates since the reset', () => {
    // threshold 1 on [0, 10, 10, 10]: at index 1 the mean is 5, U = 5 − δ − (min U = −δ) = 5 > 1.
    expect(detect([0, 10, 10, 10], { min_instances: 1, threshold: 1 })).toEqual([1]);
    // min_instances 3: indices 0 and 1 cannot signal; index 2 (n = 3, U − min U ≈ 8.3) does.
    expect(detect([0, 10, 10, 10], { min_instances: 3, threshold: 1 })).toEqual([2]);
    expect(detect([0, 10, 10, 10], { min_instances: 5, threshold: 1 })).toEqual([]);
  });

  // D_1 = dev_1 + delta = delta (the first value is its own mean), so the −1 start matters only for
  // delta < −1, which River accepts (our parameter parser does not). On zeros with delta −2 and
  // alpha 1, D_t = −2t: River's max D is −1 at index 0, so max D − D_1 = 1 > 0.5 signals there;
  // starting at −∞ would make max D = D_1 and signal one update later.
  it("max_down starts at −1 as in River's _reset, not −∞", () => {
    const d = pageHinkley({ min_instances: 1, threshold: 0.5, delta: -2, alpha: 1, mode: 'down' });
    expect(d.update(0).drift).toBe(true);
  });

  it('resets lazily and completely: the update after a drift starts from scratch', () => {
    const d = pageHinkley({ min_instances: 1, threshold: 1, alpha: 1, delta: 0 });
    expect(d.update(0).drift).toBe(false);
    expect(d.update(10).drift).toBe(true);
    // Fresh state: the first value is its own mean, deviation 0.
    expect(d.update(100).drift).toBe(false);
  });
});

/**
 * KSWIN against River 0.26 (river/drift/kswin.py class KSWIN: docstring example,
 * river/drift/test_drift_detectors.py test_kswin and test_kswin_coverage), its KS tests against
 * scipy 1.10.1's ks_2samp (tests/fixtures/generate_stream.py), then our own streams.
 */
import { describe, expect, it } from 'vitest';
import { parseDetectorParams } from '../../../lib/stream/detectors/index';
import { runDetector } from '../../../lib/stream/detectors/run';
import { ks2Samp } from '../../../lib/stats/ks';
import { PythonRandom } from '../../../lib/stats/python-random';
import { expectClose, readJson } from '../../support';
import { RIVER, alternate, repeat } from './streams';

const detect = (values: number[], params = {}) => runDetector('kswin', params, values).detections;

const KS = readJson<{
  scipy: string;
  windowSize: number;
  statSize: number;
  seed: number;
  tests: { index: number; positions: number[]; statistic: number; pValue: number }[];
  minOnes: { ones: number; pValue: number; previousPValue: number };
}>('tests/fixtures/stream/kswin-ks.json');

describe("KSWIN: River's published detections", () => {
  it('docstring (alpha 0.0001, seed 42, random.Random(12345) stream): index 1016, input value 6', () => {
    expect(detect(RIVER.docstring, { alpha: 0.0001, seed: 42 })).toEqual([1016]);
    expect(RIVER.docstring[1016]).toBe(6);
  });

  it('test_kswin (alpha 0.0001, window_size 200, stat_size 100, seed 42) on data_stream_1: [1042]', () => {
    expect(detect(RIVER.stream_1, { alpha: 0.0001, window_size: 200, stat_size: 100, seed: 42 })).toEqual([1042]);
  });

  it('test_kswin_coverage: alpha outside [0, 1], a negative window_size and stat_size ≥ window_size are refused', () => {
    expect(() => parseDetectorParams('kswin', { alpha: -0.1 })).toThrow(/alpha: must be ≥ 0/);
    expect(() => parseDetectorParams('kswin', { alpha: 1.1 })).toThrow(/alpha: must be ≤ 1/);
    expect(() => parseDetectorParams('kswin', { window_size: -10 })).toThrow(/window_size: must be ≥ 2/);
    expect(() => parseDetectorParams('kswin', { window_size: 10, stat_size: 30 })).toThrow(/stat_size must be smaller than window_size/);
  });
});

describe(`KSWIN's tests vs scipy ${KS.scipy} ks_2samp on the docstring stream (seed ${KS.seed})`, () => {
  it('draws the same positions and gets the same statistic and p-value at every recorded test', () => {
    const rng = new PythonRandom(KS.seed);
    const older = Array.from({ length: KS.windowSize - KS.statSize }, (_, i) => i);
    const byIndex = new Map(KS.tests.map((t) => [t.index, t]));
    const last = KS.tests[KS.tests.length - 1]!.index;
    let checked = 0;
    for (let i = KS.windowSize - 1; i <= last; i++) {
      const positions = rng.sample(older, KS.statSize);
      const expected = byIndex.get(i);
      if (!expected) continue;
      expect(positions, `positions at ${i}`).toEqual(expected.positions);
      const window = RIVER.docstring.slice(i + 1 - KS.windowSize, i + 1);
      const w = Float64Array.from(positions, (p) => window[p]!).sort();
      const r = Float64Array.from(window.slice(KS.windowSize - KS.statSize)).sort();
      const { statistic, pValue } = ks2Samp(w, r);
      expectClose(statistic, expected.statistic, 1e-12, `statistic at ${i}`);
      expectClose(pValue, expected.pValue, 1e-6, `p-value at ${i}`);
      checked++;
    }
    expect(checked).toBe(KS.tests.length);
  });
});

describe('KSWIN: our streams, outputs reasoned', () => {
  it('a constant stream never drifts: W and R are equal, statistic 0, p-value 1', () => {
    expect(detect(repeat(2.5, 1000))).toEqual([]);
  });

  // While j ≤ 30 ones have arrived they all sit in R (the newest 30); W, drawn from the 70 older
  // positions, holds zeros only. So D = j/30 and, with n = m = 30, scipy gives p = 0.00655 for
  // j = 13 and p = 0.00253 ≤ 0.005 for j = 14 (kswin-ks.json minOnes): the 14th one, index 1013.
  // The reset at 1014 refills the window with ones only: nothing more.
  it(`an abrupt 0 → 1 at index 1000 is caught when R holds ${KS.minOnes.ones} ones (index 1013), once`, () => {
    expect(KS.minOnes.ones).toBe(14);
    expect(KS.minOnes.pValue).toBeLessThanOrEqual(0.005);
    expect(KS.minOnes.previousPValue).toBeGreaterThan(0.005);
    expect(detect([...repeat(0, 1000), ...repeat(1, 1000)])).toEqual([1000 + KS.minOnes.ones - 1]);
  });

  // ±1 then ±5: after j new values R holds ceil(j/2) −5s, which W (all ±1) lacks, so D ≥ ceil(j/2)/30
  // and D ≥ 14/30 (p ≤ 0.005, as above) by j = 27 (index 1026) at the latest. KSWIN compares whole
  // distributions, so it sees the change that mean-based detectors (Page-Hinkley, ADWIN) miss.
  it('a variance change around the same mean (±1 then ±5) is caught within 27 values', () => {
    const found = detect([...alternate(-1, 1, 1000), ...alternate(-5, 5, 1000)]);
    expect(found.length).toBeGreaterThanOrEqual(1);
    expect(found[0]).toBeGreaterThanOrEqual(1000);
    expect(found[0]).toBeLessThanOrEqual(1026);
  });

  it('re-seeds on the reset: a stream repeated right after a detection is caught at the same offset', () => {
    // The docstring stream's first 1017 values end at its detection (1016); the reset at 1017 empties
    // the window and restarts random.Random(42), so the copy draws the same positions: 1017 + 1016.
    const head = RIVER.docstring.slice(0, 1017);
    expect(detect([...head, ...head], { alpha: 0.0001, seed: 42 })).toEqual([1016, 2033]);
  });

  it('no test before the window is full: nothing before index window_size − 1', () => {
    // Ones after zeros inside the first window: the first test is at index 99.
    const found = detect([...repeat(0, 50), ...repeat(1, 1000)], { window_size: 100, stat_size: 30 });
    expect(found[0]).toBeGreaterThanOrEqual(99);
  });
});

import { describe, expect, it } from 'vitest';
import { ddm, ddmSpec } from '../../../lib/stream/detectors/ddm';
import { eddm, eddmSpec } from '../../../lib/stream/detectors/eddm';
import { hddmA, hddmASpec } from '../../../lib/stream/detectors/hddm-a';
import { hddmW, hddmWSpec } from '../../../lib/stream/detectors/hddm-w';
import { parseDetectorParams } from '../../../lib/stream/detectors/index';
import { runDetector } from '../../../lib/stream/detectors/run';
import type { Detector } from '../../../lib/stream/detectors/types';
import { readJson } from '../../support';

// Streams from tests/fixtures/generate_binary_streams.py. River is not installable here: the expected indices
// are the ones River 0.26 publishes in its docstrings and unit tests (cited per test), read with the search tool.
const docstring = readJson<{ stream: number[] }>('tests/fixtures/stream-binary/docstring.json').stream;
const { stream2, stream3 } = readJson<{ stream2: number[]; stream3: number[] }>('tests/fixtures/stream-binary/unit-tests.json');

/** River's loop: `for i, x in enumerate(stream): d.update(x)`, collecting every index left in drift / warning. */
function run(detector: Detector, stream: readonly number[]) {
  const detections: number[] = [];
  const warnings: number[] = [];
  stream.forEach((x, i) => {
    const { drift, warning } = detector.update(x);
    if (drift) detections.push(i);
    if (warning) warnings.push(i);
  });
  return { detections, warnings };
}

/** What the docstring examples print: the first warning after the start or after each drift, and every drift. */
function docstringLines(detector: Detector, stream: readonly number[]): string[] {
  const lines: string[] = [];
  let printWarning = true;
  stream.forEach((x, i) => {
    const { drift, warning } = detector.update(x);
    if (warning && printWarning) {
      lines.push(`Warning detected at index ${i}`);
      printWarning = false;
    }
    if (drift) {
      lines.push(`Change detected at index ${i}`);
      printWarning = true;
    }
  });
  return lines;
}

const zeros = (n: number) => new Array<number>(n).fill(0);
const ones = (n: number) => new Array<number>(n).fill(1);

describe("River's docstring examples (random.Random(42): 1000 × choices([0, 1]) then 1000 with weights [0.3, 0.7])", () => {
  it('DDM() (river/drift/binary/ddm.py, class DDM docstring)', () => {
    expect(docstringLines(ddm(), docstring)).toEqual(['Warning detected at index 1084', 'Change detected at index 1334', 'Warning detected at index 1492']);
  });

  it('EDDM(alpha=0.8, beta=0.75) (river/drift/binary/eddm.py, class EDDM docstring)', () => {
    expect(docstringLines(eddm({ alpha: 0.8, beta: 0.75 }), docstring)).toEqual(['Warning detected at index 1059', 'Change detected at index 1278']);
  });

  it('HDDMA() (river/drift/binary/hddm_a.py, class HDDMA docstring)', () => {
    expect(docstringLines(hddmA(), docstring)).toEqual(['Warning detected at index 451', 'Change detected at index 1206']);
  });

  it('HDDMW() (river/drift/binary/hddm_w.py, class HDDMW docstring)', () => {
    expect(docstringLines(hddmW(), docstring)).toEqual(['Warning detected at index 451', 'Change detected at index 1077']);
  });
});

describe("River's unit tests (river/drift/test_drift_detectors.py, numpy seed 12345 streams)", () => {
  it('test_ddm: DDM() on data_stream_2 → [1049]; on np.ones(1000) → []', () => {
    expect(run(ddm(), stream2).detections).toEqual([1049]);
    expect(run(ddm(), ones(1000)).detections).toEqual([]);
  });

  it('test_eddm: EDDM(alpha=0.9, beta=0.8) on data_stream_2 → [1059]', () => {
    expect(run(eddm({ alpha: 0.9, beta: 0.8 }), stream2).detections).toEqual([1059]);
  });

  it('test_hddm_a: HDDMA() on data_stream_2 → [1047]; HDDMA(two_sided_test=True) on data_stream_3 → [531, 1015, 1545]', () => {
    expect(run(hddmA(), stream2).detections).toEqual([1047]);
    expect(run(hddmA({ two_sided_test: true }), stream3).detections).toEqual([531, 1015, 1545]);
  });

  it('test_hddm_w: HDDMW() on data_stream_2 → [1018]; HDDMW(two_sided_test=True) on data_stream_3 → [507, 1032, 1508]', () => {
    expect(run(hddmW(), stream2).detections).toEqual([1018]);
    expect(run(hddmW({ two_sided_test: true }), stream3).detections).toEqual([507, 1032, 1508]);
  });
});

describe('DDM on streams reasoned out by hand', () => {
  it('stationary: no error at all → p = s = 0 throughout, p + s never exceeds p_min + k·s_min = 0', () => {
    expect(run(ddm(), zeros(1000))).toEqual({ detections: [], warnings: [] });
  });

  it('abrupt: the first error after a clean warm-up is a drift (s_min = 0, so any p + s > 0 exceeds both thresholds)', () => {
    // Index 40 is the 41st value (n = 41 > warm_start): p + s > 0 = p_min + 3·s_min → drift, and the drift clears the warning.
    expect(run(ddm(), [...zeros(40), 1, ...zeros(100)])).toEqual({ detections: [40], warnings: [] });
  });

  it('lazy complete reset: the update after a drift restarts the counts, so the same pattern fires again 41 values later', () => {
    // Index 41 starts a fresh detector (n = 1); index 81 is again the 41st value with one error → drift.
    expect(run(ddm(), [...zeros(40), 1, ...zeros(40), 1, ...zeros(10)]).detections).toEqual([40, 81]);
  });

  it('warm-up: an error at index 10 (n = 11 ≤ 30) is absorbed, after which p + s only falls (each step is the new minimum)', () => {
    expect(run(ddm(), [...zeros(10), 1, ...zeros(189)])).toEqual({ detections: [], warnings: [] });
  });
});

describe('EDDM', () => {
  it('periodic errors (every 5th value): distances all 5, s′ = 0, p′ + 2s′ = 5 = its maximum, level 1 → nothing', () => {
    const stream = Array.from({ length: 1000 }, (_, i) => (i % 5 === 4 ? 1 : 0));
    expect(run(eddm(), stream)).toEqual({ detections: [], warnings: [] });
  });

  it('its warning persists across correct predictions (only x = 1 updates it) and a drift leaves it as it was', () => {
    for (const detector of [() => eddm(), () => eddm({ alpha: 0.8, beta: 0.75 })]) {
      const steps = docstring.map(
        (
          (d) => (x: number) =>
            d.update(x)
        )(detector()),
      );
      let checkedPersist = 0;
      for (let i = 1; i < docstring.length; i++) {
        const previous = steps[i - 1]!;
        if (previous.drift) continue; // the next update resets
        if (docstring[i] === 0) {
          expect(steps[i]!.warning).toBe(previous.warning);
          if (previous.warning) checkedPersist++;
        }
        if (steps[i]!.drift) expect(steps[i]!.warning).toBe(previous.warning);
      }
      expect(checkedPersist).toBeGreaterThan(0);
    }
  });

  it('refuses alpha < beta as EDDM.__init__ does', () => {
    expect(eddmSpec.checkParams?.({ warm_start: 30, alpha: 0.8, beta: 0.9 })).toMatch(/alpha \(0\.8\) must be greater than or equal to beta \(0\.9\)/);
    expect(eddmSpec.checkParams?.({ warm_start: 30, alpha: 0.95, beta: 0.9 })).toBeUndefined();
  });
});

describe('HDDM_A on streams reasoned out by hand', () => {
  it('stationary zeros (two-sided): z − x_min = x_max − z = 0 never reaches a positive bound', () => {
    expect(run(hddmA({ two_sided_test: true }), zeros(500))).toEqual({ detections: [], warnings: [] });
  });

  it('abrupt 0 → 1 after 100 values: drift at index 103, no warning before it', () => {
    // x_min is the snapshot at n = 100 (mean 0). At n = 100 + k (k ones): z = k/(100 + k), m = k/(100(100 + k)),
    // drift bound sqrt(m/2 · ln 2000), warning bound sqrt(m/2 · ln 400):
    //   k = 3: z = 0.029126 < warning 0.029539 → nothing;  k = 4: z = 0.038462 ≥ drift 0.038233 → drift at index 103.
    // (x_min stays: x_min + ε(100) = 0.18585 < z + ε(n_z).) After the reset only ones follow: z = 1, x_min follows z → nothing.
    expect(run(hddmA(), [...zeros(100), ...ones(100)])).toEqual({ detections: [103], warnings: [] });
  });
});

describe('HDDM_W on streams reasoned out by hand', () => {
  it('abrupt 0 → 1 after 100 values: warnings at 110–112, drift at 113', () => {
    // During the zeros total + ε keeps falling, so "before" = total (ewma 0, ibc ≈ c = λ²/(1 − (1 − λ)²) = 0.025641)
    // and "after" stays empty. From index 100 "after" takes the ones: ewma 1 (first update takes x), ibc after k
    // updates = c + (1 − c)·0.9025^k. 1 − 0 > sqrt((ibc₁ + ibc₂) · ln(1/c′) / 2) needs ibc₂ < 0.3518 at c′ = 0.005
    // (k ≥ 11 → index 110) and ibc₂ < 0.2639 at c′ = 0.001 (k ≥ 14 → index 113). After the reset only ones: nothing.
    expect(run(hddmW(), [...zeros(100), ...ones(50)])).toEqual({ detections: [113], warnings: [110, 111, 112] });
  });

  it("River 0.24+'s EWMA takes x on the first update only: a lone error after 100 zeros is no decrease afterwards", () => {
    // At index 100 total's ewma goes 0 → λ·1 = 0.05 (River ≤ 0.23 jumped to 1, the mean being 0); that snapshot becomes
    // the decrease cut point, and the zeros after it only drift 0.05 below it — far under McDiarmid's bound (≥ 0.3).
    // Under the old rule the snapshot would be 1 and the zeros after it a decrease (a drift near index 114).
    expect(run(hddmW({ two_sided_test: true }), [...zeros(100), 1, ...zeros(100)])).toEqual({ detections: [], warnings: [] });
  });
});

describe('binary input', () => {
  const specs = [ddmSpec, eddmSpec, hddmASpec, hddmWSpec];
  const factories = [() => ddm(), () => eddm(), () => hddmA(), () => hddmW()];

  it('checkValue accepts 0 and 1 only, saying what the values mean', () => {
    for (const spec of specs) {
      expect(spec.binary).toBe(true);
      expect(spec.checkValue?.(0)).toBeUndefined();
      expect(spec.checkValue?.(1)).toBeUndefined();
      for (const bad of [2, -1, 0.5, 1.0000001]) expect(spec.checkValue?.(bad)).toMatch(/expected 0 or 1 \(1 = error, 0 = correct\), got /);
    }
  });

  it('a detector used on its own refuses other values naming the index and the value', () => {
    factories.forEach((make, k) => {
      const detector = make();
      detector.update(0);
      detector.update(1);
      expect(() => detector.update(2)).toThrow(new RegExp(`^${specs[k]!.id}: value at index 2: expected 0 or 1 .*got 2;`));
    });
    expect(() => ddm().update(Number.NaN)).toThrow(/value at index 0: .*got NaN/);
  });

  it("params are River's constructor arguments with River's defaults", () => {
    const defaults = (spec: typeof ddmSpec) => Object.fromEntries(Object.entries(spec.params).map(([k, p]) => [k, p.default]));
    expect(defaults(ddmSpec)).toEqual({ warm_start: 30, warning_threshold: 2, drift_threshold: 3 });
    expect(defaults(eddmSpec)).toEqual({ warm_start: 30, alpha: 0.95, beta: 0.9 });
    expect(defaults(hddmASpec)).toEqual({ drift_confidence: 0.001, warning_confidence: 0.005, two_sided_test: false });
    expect(defaults(hddmWSpec)).toEqual({ drift_confidence: 0.001, warning_confidence: 0.005, lambda_val: 0.05, two_sided_test: false });
  });
});

describe('through the registry (runDetector, parseDetectorParams)', () => {
  it('runs with parameters typed as the CLI gives them', () => {
    expect(runDetector('ddm', {}, stream2).detections).toEqual([1049]);
    expect(runDetector('eddm', { alpha: '0.9', beta: '0.8' }, stream2).detections).toEqual([1059]);
    expect(runDetector('hddm_a', { two_sided_test: 'true' }, stream3).detections).toEqual([531, 1015, 1545]);
    expect(runDetector('hddm_w', { two_sided_test: true }, Float64Array.from(stream3)).detections).toEqual([507, 1032, 1508]);
  });

  it('returns every warning index, not only the first of a run', () => {
    const { warnings } = runDetector('hddm_w', {}, [...zeros(100), ...ones(50)]);
    expect(warnings).toEqual([110, 111, 112]);
  });

  it('refuses a value other than 0/1 naming its index, and bad parameters naming them', () => {
    expect(() => runDetector('hddm_a', {}, [0, 1, 0, 3])).toThrow('hddm_a: value at index 3: expected 0 or 1 (1 = error, 0 = correct), got 3');
    expect(() => runDetector('eddm', { alpha: '0.5' }, [0])).toThrow(/eddm: alpha \(0\.5\) must be greater than or equal to beta \(0\.9\)/);
    expect(() => parseDetectorParams('ddm', { threshold: 2 })).toThrow(/valid parameters are warm_start, warning_threshold, drift_threshold/);
    expect(() => parseDetectorParams('hddm_w', { drift_confidence: '0' })).toThrow(/drift_confidence: must be > 0/);
    expect(() => parseDetectorParams('hddm_a', { two_sided_test: 'yes' })).toThrow(/expected true or false/);
    expect(() => parseDetectorParams('ddm', { warm_start: '2.5' })).toThrow(/expected an integer/);
  });
});

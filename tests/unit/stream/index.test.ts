/** The detector registry and parameter parsing (names and defaults: River 0.26's constructors). */
import { describe, expect, it } from 'vitest';
import { DETECTORS, defaultDetectorParams, detectorSpec, parseDetectorParams, parseParamValue } from '../../../lib/stream/detectors/index';

describe('DETECTORS', () => {
  it("carries River's constructor argument names and defaults", () => {
    // river/drift/page_hinkley.py PageHinkley.__init__, adwin.py ADWIN.__init__, kswin.py KSWIN.__init__.
    expect(defaultDetectorParams('page_hinkley')).toEqual({ min_instances: 30, delta: 0.005, threshold: 50, alpha: 1 - 0.0001, mode: 'both' });
    expect(defaultDetectorParams('adwin')).toEqual({ delta: 0.002, clock: 32, max_buckets: 5, min_window_length: 5, grace_period: 10 });
    // seed: River's default is None (unseeded); ours is fixed so a run repeats.
    expect(defaultDetectorParams('kswin')).toEqual({ alpha: 0.005, window_size: 100, stat_size: 30, seed: 42 });
    expect(defaultDetectorParams('cusum')).toEqual({ k: 0.5, h: 5, mu: 0, sigma: 1 });
  });

  it('every spec is registered under its own id, with a label, a definition and described parameters', () => {
    for (const [id, spec] of Object.entries(DETECTORS)) {
      expect(spec.id).toBe(id);
      expect(spec.label.length).toBeGreaterThan(0);
      expect(spec.definition.length).toBeGreaterThan(0);
      for (const p of Object.values(spec.params)) expect(p.description.length).toBeGreaterThan(0);
      // The defaults pass their own checks.
      expect(parseDetectorParams(id, {})).toEqual(defaultDetectorParams(id));
    }
  });

  it('names the valid ids for an unknown detector', () => {
    expect(() => detectorSpec('adwinn')).toThrow(/unknown detector: "adwinn"; use one of page_hinkley, adwin, kswin, .*cusum/);
    expect(() => detectorSpec('__proto__')).toThrow(/unknown detector/);
  });
});

describe('parseDetectorParams', () => {
  it('parses CLI strings (trimmed) and keeps typed values', () => {
    expect(parseDetectorParams('page_hinkley', { threshold: ' 20 ', delta: '1e-3', min_instances: '10', mode: 'up' })).toEqual({
      min_instances: 10,
      delta: 0.001,
      threshold: 20,
      alpha: 1 - 0.0001,
      mode: 'up',
    });
    expect(parseDetectorParams('adwin', { clock: 1, delta: 0.01 })).toMatchObject({ clock: 1, delta: 0.01 });
  });

  it('refuses an unknown parameter, naming the valid ones', () => {
    expect(() => parseDetectorParams('adwin', { lambda: '1' })).toThrow(
      /unknown adwin parameter: "lambda"; valid parameters are delta, clock, max_buckets, min_window_length, grace_period/,
    );
    expect(() => parseDetectorParams('kswin', { constructor: 1 })).toThrow(/unknown kswin parameter/);
  });

  it('refuses wrong types and non-finite or out-of-range numbers with the parameter named', () => {
    expect(() => parseDetectorParams('adwin', { delta: 'abc' })).toThrow(/adwin parameter delta: expected a finite number, got "abc"/);
    expect(() => parseDetectorParams('adwin', { delta: '' })).toThrow(/adwin parameter delta: expected a number, got ""/);
    expect(() => parseDetectorParams('adwin', { delta: true })).toThrow(/expected a number, got true/);
    expect(() => parseDetectorParams('adwin', { delta: 'Infinity' })).toThrow(/expected a finite number/);
    expect(() => parseDetectorParams('adwin', { clock: '2.5' })).toThrow(/adwin parameter clock: expected an integer, got "2.5"/);
    expect(() => parseDetectorParams('adwin', { clock: 0 })).toThrow(/clock: must be ≥ 1, got 0/);
    expect(() => parseDetectorParams('adwin', { delta: 1 })).toThrow(/delta: must be < 1, got 1/);
    expect(() => parseDetectorParams('page_hinkley', { mode: 'sideways' })).toThrow(
      /page_hinkley parameter mode: expected one of up, down, both, got "sideways"/,
    );
  });

  it('booleans are true/false (typed or as text), nothing else', () => {
    const spec = { kind: 'bool', default: false, description: 'test' } as const;
    expect(parseParamValue('hddm_a', 'two_sided_test', spec, 'true')).toBe(true);
    expect(parseParamValue('hddm_a', 'two_sided_test', spec, 'false')).toBe(false);
    expect(parseParamValue('hddm_a', 'two_sided_test', spec, true)).toBe(true);
    expect(() => parseParamValue('hddm_a', 'two_sided_test', spec, 'yes')).toThrow(/hddm_a parameter two_sided_test: expected true or false, got "yes"/);
    expect(() => parseParamValue('hddm_a', 'two_sided_test', spec, 1)).toThrow(/expected true or false, got 1/);
  });
});

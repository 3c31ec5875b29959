import { describe, expect, it } from 'vitest';
import {
  CBPE_ASSUMPTIONS,
  estimatePerformanceCbpe,
  type BinaryMetrics,
  type CbpeChunking,
  type CbpeOptions,
  type MetricValues,
} from '../../../lib/metrics/cbpe';
import { rocAucScore } from '../../../lib/metrics/cbpe-realized';
import { AnalysisError, DataError } from '../../../lib/errors';
import { readJson } from '../../support';

type Side = Record<'scores' | 'labels' | 'predictions' | 'timestamps', (number | null)[] | undefined>;
interface ExpectedChunk {
  index: number;
  start: number;
  end: number;
  rows: number;
  estimated: BinaryMetrics;
  realized: MetricValues | null;
  samplingError: MetricValues;
  lower: MetricValues;
  upper: MetricValues;
  alert: Record<(typeof METRICS)[number], boolean>;
}
interface Case {
  name: string;
  reference: Side;
  current: Side;
  options: { threshold?: number; calibration?: CbpeOptions['calibration']; chunks?: CbpeChunking };
  expected: {
    calibrated: boolean;
    ece: { raw: number; calibrated: number } | null;
    reference: { rows: number; positiveRate: number; realized: BinaryMetrics; estimated: BinaryMetrics };
    current: { rows: number; labelled: number; estimated: BinaryMetrics; realized: BinaryMetrics | null };
    thresholds?: { lower: MetricValues; upper: MetricValues };
    chunks?: ExpectedChunk[];
  };
}

const fixture = readJson<{ sklearn: string; numpy: string; cases: Case[] }>('tests/fixtures/cbpe/cbpe.json');
const decode = (v: (number | null)[] | undefined) => (v ? Float64Array.from(v, (x) => (x === null ? NaN : x)) : undefined);
const RTOL = 1e-9;
const METRICS = ['accuracy', 'precision', 'recall', 'f1', 'rocAuc'] as const;
let maxRel = 0;

function expectValue(actual: number | null, expected: number | null, what: string): void {
  if (expected === null || actual === null) {
    expect(actual, what).toBe(expected);
    return;
  }
  const diff = Math.abs(actual - expected);
  const rel = expected === 0 ? diff : diff / Math.abs(expected);
  maxRel = Math.max(maxRel, rel);
  expect(rel <= RTOL, `${what}: ${actual} vs reference ${expected} (relative ${rel.toExponential(2)})`).toBe(true);
}

function expectMetrics(actual: MetricValues | BinaryMetrics | null, expected: MetricValues | BinaryMetrics | null, what: string): void {
  if (!expected || !actual) {
    expect(actual, what).toEqual(expected);
    return;
  }
  if ('confusionMatrix' in expected) {
    for (const k of ['tp', 'fp', 'fn', 'tn'] as const) expectValue((actual as BinaryMetrics).confusionMatrix[k], expected.confusionMatrix[k], `${what} ${k}`);
  }
  for (const k of METRICS) expectValue(actual[k], expected[k], `${what} ${k}`);
}

function run(c: Case) {
  const ref = { scores: decode(c.reference.scores)!, labels: decode(c.reference.labels)!, predictions: decode(c.reference.predictions) };
  const cur = {
    scores: decode(c.current.scores)!,
    labels: decode(c.current.labels),
    predictions: decode(c.current.predictions),
    timestamps: decode(c.current.timestamps),
  };
  return estimatePerformanceCbpe(
    { scores: ref.scores, labels: ref.labels, ...(ref.predictions && { predictions: ref.predictions }) },
    {
      scores: cur.scores,
      ...(cur.labels && { labels: cur.labels }),
      ...(cur.predictions && { predictions: cur.predictions }),
      ...(cur.timestamps && { timestamps: cur.timestamps }),
    },
    c.options,
  );
}

// tests/fixtures/generate_cbpe.py re-implements NannyML 0.13's CBPE in numpy/sklearn: calibration.py needs_calibration,
// chunk.py SizeBasedChunker/CountBasedChunker, confidence_based/metrics.py estimate_* and Metric.fit/alert,
// sampling_error/binary_classification.py, thresholds.py StandardDeviationThreshold.
describe(`estimatePerformanceCbpe vs NannyML's CBPE re-implemented with sklearn ${fixture.sklearn} / numpy ${fixture.numpy}`, () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const res = run(c);
      const e = c.expected;
      expect(res.calibrated, 'calibrated').toBe(e.calibrated);
      if (e.ece) {
        expectValue(res.ece!.raw, e.ece.raw, 'ECE raw');
        expectValue(res.ece!.calibrated, e.ece.calibrated, 'ECE calibrated');
      } else expect(res.ece).toBeNull();
      expect(res.reference.rows).toBe(e.reference.rows);
      expectValue(res.reference.positiveRate, e.reference.positiveRate, 'reference positive rate');
      expectMetrics(res.reference.realized, e.reference.realized, 'reference realized');
      expectMetrics(res.reference.estimated, e.reference.estimated, 'reference estimated');
      expect(res.current.rows).toBe(e.current.rows);
      expect(res.current.labelled).toBe(e.current.labelled);
      expectMetrics(res.current.estimated, e.current.estimated, 'current estimated');
      expectMetrics(res.current.realized, e.current.realized, 'current realized');
      expect(res.chunks?.length).toBe(e.chunks?.length);
      e.chunks?.forEach((ec, k) => {
        const rc = res.chunks![k]!;
        expect([rc.index, rc.start, rc.end, rc.rows], `chunk ${k}`).toEqual([ec.index, ec.start, ec.end, ec.rows]);
        expectMetrics(rc.estimated, ec.estimated, `chunk ${k} estimated`);
        expectMetrics(rc.realized, ec.realized, `chunk ${k} realized`);
        for (const m of METRICS) {
          expectValue(rc.samplingError[m], ec.samplingError[m], `chunk ${k} sampling error ${m}`);
          expectValue(rc.lower[m], ec.lower[m], `chunk ${k} lower ${m}`);
          expectValue(rc.upper[m], ec.upper[m], `chunk ${k} upper ${m}`);
        }
        expect(rc.alert, `chunk ${k} alerts`).toEqual(ec.alert);
      });
      if (e.thresholds) {
        for (const m of METRICS) {
          expectValue(res.thresholds!.lower[m], e.thresholds.lower[m], `lower threshold ${m}`);
          expectValue(res.thresholds!.upper[m], e.thresholds.upper[m], `upper threshold ${m}`);
        }
      } else expect(res.thresholds).toBeUndefined();
      expect(res.assumptions).toEqual(CBPE_ASSUMPTIONS);
      expect(JSON.parse(JSON.stringify(res))).toEqual(res);
    });
  }

  it('covers calibrated and uncalibrated, null precision, time, count and size chunks, incomplete chunks, alerts', () => {
    const all = fixture.cases.map((c) => c.expected);
    expect(all.some((e) => e.calibrated && e.ece)).toBe(true);
    expect(all.some((e) => !e.calibrated && e.ece)).toBe(true);
    expect(all.some((e) => e.current.estimated.precision === null)).toBe(true);
    expect(all.some((e) => e.chunks?.some((c) => c.rows === 0))).toBe(true);
    expect(fixture.cases.some((c) => c.options.chunks?.by === 'size')).toBe(true);
    // An incomplete last chunk: shorter than the first (NannyML's incomplete='keep').
    expect(all.some((e) => e.chunks && e.chunks.length > 1 && e.chunks.at(-1)!.end - e.chunks.at(-1)!.start < e.chunks[0]!.end - e.chunks[0]!.start)).toBe(
      true,
    );
    expect(all.some((e) => e.chunks?.some((c) => Object.values(c.alert).some(Boolean)))).toBe(true);
    expect(all.some((e) => e.chunks?.some((c) => !Object.values(c.alert).some(Boolean)))).toBe(true);
    console.log(`cbpe: ${fixture.cases.length} cases, max relative error ${maxRel.toExponential(2)}`);
  });
});

describe('estimatePerformanceCbpe inputs and warnings', () => {
  const ref = { scores: [0.1, 0.4, 0.35, 0.8, 0.9, 0.2, 0.7, 0.6], labels: [0, 0, 1, 1, 1, 0, 1, 0] };

  it('throws typed errors that say what to fix', () => {
    expect(() => estimatePerformanceCbpe({ ...ref, labels: [0, 2, 1, 1, 1, 0, 1, 0] }, { scores: [0.5] })).toThrow(DataError);
    expect(() => estimatePerformanceCbpe({ ...ref, labels: [0, 2, 1, 1, 1, 0, 1, 0] }, { scores: [0.5] })).toThrow(/reference label on row 2: 2/);
    expect(() => estimatePerformanceCbpe(ref, { scores: [1.5] })).toThrow(/probabilities in \[0, 1\]/);
    expect(() => estimatePerformanceCbpe(ref, { scores: [0.5], labels: [1, 0] })).toThrow(/2 values for 1 scores/);
    expect(() => estimatePerformanceCbpe({ scores: [NaN], labels: [1] }, { scores: [0.5] })).toThrow(AnalysisError);
    expect(() => estimatePerformanceCbpe(ref, { scores: [0.5] }, { threshold: NaN })).toThrow(/threshold/);
    expect(() => estimatePerformanceCbpe(ref, { scores: [0.5, 0.2] }, { chunks: { by: 'count', count: 3 } })).toThrow(/chunk count: 3/);
    expect(() => estimatePerformanceCbpe(ref, { scores: [0.5, 0.2] }, { chunks: { by: 'size', size: 0 } })).toThrow(/chunk size: 0/);
    expect(() => estimatePerformanceCbpe(ref, { scores: [0.5] }, { chunks: { by: 'time' } })).toThrow(/no current timestamps/);
  });

  it('returns nulls and warnings on degenerate current data', () => {
    const res = estimatePerformanceCbpe(ref, { scores: [NaN, NaN] });
    expect(res.current.rows).toBe(0);
    expect(res.current.estimated.accuracy).toBeNull();
    expect(res.current.estimated.rocAuc).toBeNull();
    expect(res.warnings.join('\n')).toMatch(/no rows to estimate/);
  });

  it('warns about clipped scores and partial labels, and reports the threshold', () => {
    const res = estimatePerformanceCbpe(ref, { scores: [0.05, 0.5, 0.95], labels: [1, NaN, 0] }, { calibration: 'always' });
    expect(res.calibrated).toBe(true);
    expect(res.calibrationReason).toMatch(/always/);
    expect(res.threshold).toBe(0.5);
    expect(res.warnings.join('\n')).toMatch(/2 current scores fall outside/);
    expect(res.warnings.join('\n')).toMatch(/use the 2 of 3 current rows/);
    const both = estimatePerformanceCbpe({ ...ref, predictions: [0, 0, 0, 1, 1, 0, 1, 1] }, { scores: [0.3], predictions: [1] });
    expect(both.threshold).toBeNull();
  });

  it('rocAucScore counts ties as one half, like sklearn', () => {
    expect(rocAucScore([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.8], [0, 1, 2, 3])).toBe(0.875);
    expect(rocAucScore([1, 1], [0.2, 0.3], [0, 1])).toBeNull();
  });
});

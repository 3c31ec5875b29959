/**
 * Business value against tests/fixtures/generate_value.py, which re-implements NannyML's business_value
 * in numpy/sklearn from its source (NannyML/nannyml):
 * - nannyml/performance_calculation/metrics/binary_classification.py, BinaryClassificationBusinessValue._calculate
 *   (realized: sklearn confusion_matrix × value matrix; 'per_prediction' = cm / cm.sum(axis=0), nan_to_num);
 * - nannyml/performance_estimation/confidence_based/metrics.py, estimate_business_value
 *   (estimated: np.mean(np.where(ŷ, p, 0)) · n and friends from calibrated probabilities).
 * Tolerance: 1e-9 relative (statistics), exact for realized counts.
 */
import { describe, expect, it } from 'vitest';
import { businessValue, expectedOutcomes, realizedOutcomes } from '../../../lib/compare/business-value';
import type { BusinessValueResult, ValueMatrix } from '../../../lib/compare/types';
import { computeBusinessValue, type BusinessValueConfig, type ValueGroup } from '../../../lib/compare/value-analysis';
import { ingestCsv } from '../../../lib/data/ingest';
import { expectClose, readFixture, readJson } from '../../support';

type Expected = Omit<BusinessValueResult, 'values' | 'reason'>;
interface Fixture {
  matrix: ValueMatrix;
  costPerPrediction: number;
  models: Record<
    string,
    {
      realized: Expected;
      realizedPerUnit: Expected;
      estimated: Expected;
      estimatedPerUnit: Expected;
      chunks: { rows: number; realized: Expected; estimated: Expected }[];
      segments: { label: string; realized: Expected; estimated: Expected }[];
    }
  >;
  allPositive: Expected;
  allPositiveEstimated: Expected;
}

const REL = 1e-9;
const fixture = readJson<Fixture>('tests/fixtures/value/expected.json');
const read = (file: string) => ingestCsv(readFixture(`tests/fixtures/value/${file}`), file);

function expectValue(actual: BusinessValueResult | null, expected: Expected, what: string): void {
  expect(actual, what).not.toBeNull();
  const got = actual!;
  expect(got.estimated, `${what} estimated`).toBe(expected.estimated);
  for (const key of ['total', 'perPrediction', 'perPredictionNannyML'] as const) expectClose(got[key], expected[key]!, REL, `${what} ${key}`);
  if (expected.roi === null) expect(got.roi, `${what} roi`).toBeNull();
  else expectClose(got.roi, expected.roi, REL, `${what} roi`);
  for (const o of ['tp', 'fp', 'tn', 'fn'] as const) {
    if (expected.estimated) expectClose(got.confusion[o], expected.confusion[o], REL, `${what} ${o}`);
    else expect(got.confusion[o], `${what} ${o}`).toBe(expected.confusion[o]);
  }
}

const config = (over: Partial<BusinessValueConfig> = {}): BusinessValueConfig => ({
  target: 'y',
  predictions: ['pred_a', 'pred_b'],
  scores: ['score_a', 'score_b'],
  matrix: fixture.matrix,
  costPerPrediction: fixture.costPerPrediction,
  calibration: 'always',
  chunks: 4,
  segmentColumn: 'region',
  ...over,
});

describe('businessValue: the definitions', () => {
  it('total, per prediction (documented and as NannyML computes it), ROI on a hand-checked matrix', () => {
    // TP 3, FP 1, TN 4, FN 2: total 3·5 − 1 + 0 − 2·10 = −6; NannyML: (0·4 − 10·2)/6 + (−1·1 + 5·3)/4 = −10/3 + 3.5.
    const v = businessValue({ counts: { tp: 3, fp: 1, tn: 4, fn: 2 } }, { tp: 5, fp: -1, tn: 0, fn: -10 }, { costPerPrediction: 0.5 });
    expect(v.total).toBe(-6);
    expect(v.perPrediction).toBe(-0.6);
    expectClose(v.perPredictionNannyML, -20 / 6 + 14 / 4, REL, 'per prediction (NannyML)');
    expect(v.roi).toBe((-6 - 5) / 5);
    expect(v.values).toEqual({ tp: 15, fp: -1, tn: 0, fn: -20 });
  });

  it('no rows: every number null with a reason; no cost: ROI null with a reason', () => {
    const empty = businessValue({ counts: { tp: 0, fp: 0, tn: 0, fn: 0 } }, fixture.matrix);
    expect([empty.total, empty.perPrediction, empty.perPredictionNannyML, empty.roi]).toEqual([null, null, null, null]);
    expect(empty.reason).toMatch(/no rows/);
    const noCost = businessValue({ counts: { tp: 1, fp: 0, tn: 1, fn: 0 } }, fixture.matrix);
    expect(noCost.roi).toBeNull();
    expect(noCost.reason).toMatch(/cost per prediction/);
  });

  it('rejects a matrix with a missing or infinite value, and a negative cost, naming the field', () => {
    expect(() => businessValue({ counts: { tp: 1, fp: 0, tn: 0, fn: 0 } }, { tp: Infinity, fp: 0, tn: 0, fn: 0 })).toThrow(/Value of TP/);
    expect(() => businessValue({ counts: { tp: 1, fp: 0, tn: 0, fn: 0 } }, fixture.matrix, { costPerPrediction: -1 })).toThrow(/Cost per prediction/);
  });

  it('all predictions positive: NannyML counts the empty negative side as 0 (nan_to_num), and says so', () => {
    const n = fixture.allPositive.confusion.tp + fixture.allPositive.confusion.fp;
    const labels = Float64Array.from({ length: n }, (_, i) => (i < fixture.allPositive.confusion.tp ? 1 : 0));
    const rows = Array.from({ length: n }, (_, i) => i);
    const v = businessValue(realizedOutcomes(labels, new Float64Array(n).fill(1), rows), fixture.matrix);
    expectValue(v, fixture.allPositive, 'all positive');
    expect(v.reason).toMatch(/no negative predictions/);
    const e = businessValue(expectedOutcomes(new Float64Array(n).fill(0.25), new Float64Array(n).fill(1), rows), fixture.matrix, { estimated: true });
    expectValue(e, fixture.allPositiveEstimated, 'all positive, estimated');
  });

  it('rows missing a label or a prediction are left out (NannyML common_nan_removal)', () => {
    const out = realizedOutcomes([1, NaN, 0, 1], [1, 1, NaN, 0], [0, 1, 2, 3]);
    expect(out.counts).toEqual({ tn: 0, fp: 0, fn: 1, tp: 1 });
  });
});

describe('computeBusinessValue against the NannyML re-implementation', () => {
  it('realized (labels) and estimated (CBPE, isotonic calibration) per model, per chunk and per segment', async () => {
    const [reference, current] = await Promise.all([read('reference.csv'), read('current.csv')]);
    const result = computeBusinessValue(reference, current, config());
    expect(result.models.map((m) => m.name)).toEqual(['pred_a', 'pred_b']);
    expect(result.windowBy).toBe('rows');
    for (const model of result.models) {
      const want = fixture.models[model.name]!;
      expectValue(model.overall.realized, want.realized, `${model.name} realized`);
      expectValue(model.overall.estimated, want.estimated, `${model.name} estimated`);
      expect(model.windows.map((w) => w.rows)).toEqual(want.chunks.map((c) => c.rows));
      model.windows.forEach((w: ValueGroup, k) => {
        expectValue(w.realized, want.chunks[k]!.realized, `${model.name} chunk ${k} realized`);
        expectValue(w.estimated, want.chunks[k]!.estimated, `${model.name} chunk ${k} estimated`);
      });
      expect(model.segments.map((s) => s.label)).toEqual(want.segments.map((s) => s.label));
      model.segments.forEach((s, k) => {
        expectValue(s.realized, want.segments[k]!.realized, `${model.name} ${s.label} realized`);
        expectValue(s.estimated, want.segments[k]!.estimated, `${model.name} ${s.label} estimated`);
      });
    }
  });

  it('per unit: each outcome worth v × the sum of its rows’ units (realized and expected)', async () => {
    const [reference, current] = await Promise.all([read('reference.csv'), read('current.csv')]);
    const result = computeBusinessValue(reference, current, config({ unit: 'amount' }));
    for (const model of result.models) {
      expectValue(model.overall.realized, fixture.models[model.name]!.realizedPerUnit, `${model.name} realized per unit`);
      expectValue(model.overall.estimated, fixture.models[model.name]!.estimatedPerUnit, `${model.name} estimated per unit`);
    }
  });

  it('without labels in the analysed file: only the estimate, the same numbers', async () => {
    const [reference, current] = await Promise.all([read('reference.csv'), read('current-unlabelled.csv')]);
    const result = computeBusinessValue(reference, current, config({ segmentColumn: undefined, chunks: undefined }));
    expect(result.data.labelled).toBe(0);
    for (const model of result.models) {
      expect(model.overall.realized).toBeNull();
      expectValue(model.overall.estimated, fixture.models[model.name]!.estimated, `${model.name} estimated, unlabelled`);
      expect(model.calibration).toMatch(/always/);
    }
  });

  it('no labels and no labelled reference: an error that says how to estimate', async () => {
    const current = await read('current-unlabelled.csv');
    expect(() => computeBusinessValue(current, undefined, config())).toThrow(/target "y": not in .* labelled reference and a score column/);
  });
});

import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { fitEncoding } from '../../../lib/multivariate/encode';
import { multivariateDrift } from '../../../lib/multivariate/multivariate';
import { fitReconstruction, rowErrors, stdThresholds, alertOf } from '../../../lib/multivariate/reconstruction';
import { expectClose, readFixture, readJson } from '../../support';

// tests/fixtures/generate_multivariate.py: sklearn 1.2 SimpleImputer + StandardScaler + PCA(svd_solver="full") and
// NannyML's DataReconstructionDriftCalculator re-implemented in pandas from its source
// (nannyml/drift/multivariate/data_reconstruction/calculator.py `_fit`, `_calculate_dre_results`, `_set_thresholds`,
// `_populate_thresholds`; nannyml/thresholds.py StandardDeviationThreshold; category_encoders count.py CountEncoder).
interface Chunk {
  start: number;
  end: number;
  value: number;
  alert?: boolean;
}
interface Case {
  features: string[];
  categorical: string[];
  variance: number;
  chunkSize: number | null;
  chunks: number | null;
  components: number;
  explainedVarianceRatio: number[];
  shares: Record<string, Record<string, number>>;
  imputed: Record<string, number | string>;
  referenceRowErrors: number[];
  currentRowErrors: number[];
  threshold: { lower: number | null; upper: number };
  reference: { chunks: Chunk[] };
  current: { chunks: Chunk[] };
  days?: { label: string; value: number }[];
}
const expected = readJson<Record<string, Case>>('tests/fixtures/multivariate/expected.json');
const load = (name: string) => ingestCsv(readFixture(`tests/fixtures/multivariate/${name}`), name);
const REL = 1e-9;

describe.each(Object.keys(expected))('PCA reconstruction drift = sklearn/NannyML (%s)', (name) => {
  const want = expected[name]!;

  it('imputes and frequency-encodes as SimpleImputer + CountEncoder(normalize=True) fitted on the reference', async () => {
    const encoding = fitEncoding(await load(`${name}-reference.csv`), want.features);
    for (const e of encoding) {
      if (e.kind === 'numeric') expectClose(e.mean, want.imputed[e.name] as number, REL, `${e.name} mean`);
      else {
        expect(e.mode, e.name).toBe(want.imputed[e.name]);
        expect(Object.keys(e.shares).sort()).toEqual(Object.keys(want.shares[e.name]!).sort());
        for (const [category, share] of Object.entries(want.shares[e.name]!)) expectClose(e.shares[category], share, REL, `${e.name}=${category}`);
      }
    }
    expect(encoding.filter((e) => e.kind === 'categorical').map((e) => e.name)).toEqual(want.categorical);
  });

  it('keeps the components of PCA(n_components=variance) and reconstructs each row as sklearn (1e-9)', async () => {
    const model = fitReconstruction(await load(`${name}-reference.csv`), want.features, want.variance);
    expect(model.pca.k).toBe(want.components);
    want.explainedVarianceRatio.forEach((r, i) => expectClose(model.pca.explainedVarianceRatio[i], r, REL, `ratio ${i}`));
    const cur = rowErrors(await load(`${name}-current.csv`), model);
    want.currentRowErrors.forEach((e, i) => expectClose(cur[i], e, REL, `current row ${i}`));
    const ref = rowErrors(await load(`${name}-reference.csv`), model);
    want.referenceRowErrors.forEach((e, i) => expectClose(ref[i], e, REL, `reference row ${i}`));
  });

  it('gives the chunks, thresholds and alerts of NannyML (1e-9)', async () => {
    const config = want.chunkSize ? { chunkSize: want.chunkSize } : { chunks: want.chunks! };
    const got = await multivariateDrift(await load(`${name}-reference.csv`), await load(`${name}-current.csv`), {
      columns: want.features,
      variance: want.variance,
      ...config,
    });
    expect(got.components).toBe(want.components);
    for (const side of ['reference', 'current'] as const) {
      expect(got[side].chunks.map((c) => [c.start, c.end])).toEqual(want[side].chunks.map((c) => [c.start, c.end]));
      want[side].chunks.forEach((c, i) => expectClose(got[side].chunks[i]!.value, c.value, REL, `${side} chunk ${i}`));
    }
    expect(got.current.chunks.map((c) => c.alert)).toEqual(want.current.chunks.map((c) => c.alert));
    if (want.threshold.lower === null) expect(got.threshold.lower).toBeNull();
    else expectClose(got.threshold.lower, want.threshold.lower, REL, 'lower');
    expectClose(got.threshold.upper, want.threshold.upper, REL, 'upper');
  });
});

describe('period chunks (NannyML PeriodBasedChunker by day)', () => {
  it('averages the row errors per calendar day of the timestamp; a reference without it gets 10 row chunks', async () => {
    const want = expected.mixed!;
    const got = await multivariateDrift(await load('mixed-reference.csv'), await load('mixed-current.csv'), {
      columns: want.features,
      timestamp: 'ts',
      period: 'day',
    });
    expect(got.chunkBy).toBe('period');
    expect(got.current.chunks.map((c) => c.label)).toEqual(want.days!.map((d) => d.label));
    expect(got.current.chunks.map((c) => c.rows)).toEqual(want.days!.map(() => 150));
    want.days!.forEach((d, i) => expectClose(got.current.chunks[i]!.value, d.value, REL, d.label));
    expect(got.reference.chunks.map((c) => [c.start, c.end])).toEqual(Array.from({ length: 10 }, (_, i) => [i * 100, i * 100 + 99]));
    expect(got.warnings).toEqual(['reference has no ts column: its thresholds come from 10 equal row chunks']);
  });
});

describe('thresholds (nannyml/thresholds.py StandardDeviationThreshold, calculate_threshold_values)', () => {
  it('is mean ± 3 population std, a lower value ≤ 0 is none, alerts outside the open interval', () => {
    const t = stdThresholds([1, 2, 3, 4]);
    const std = Math.sqrt(1.25);
    expect(t.upper).toBeCloseTo(2.5 + 3 * std, 14);
    expect(t.lower).toBeNull();
    expect(stdThresholds([10, 11, 12]).lower).toBeCloseTo(11 - 3 * Math.sqrt(2 / 3), 13);
    expect(alertOf(2, { lower: 1, upper: 2 })).toBe(true);
    expect(alertOf(1.5, { lower: 1, upper: 2 })).toBe(false);
    expect(alertOf(-5, { lower: null, upper: 2 })).toBe(false);
    expect(alertOf(null, { lower: 1, upper: 2 })).toBe(false);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { computeRegressionMetrics } from '../../../lib/metrics/compute-regression';
import { errorHistogram } from '../../../lib/metrics/regression-aggregates';
import { close, closeArray, decodeColumn, loadMetricsFixture, maxError, type FloatColumn, type Num } from '../../support/sklearn';

interface Stats {
  segment: string | null;
  count: number;
  mae: Num;
  rmse: Num;
  mean_error: Num;
}
interface Case {
  name: string;
  target: FloatColumn;
  prediction: FloatColumn;
  segment?: (string | number | null)[];
  feature?: FloatColumn;
  expected: {
    excluded_rows: number;
    mean_error?: Num;
    mae?: Num;
    mse?: Num;
    rmse?: Num;
    mape?: Num;
    r2?: Num | null;
    max_error?: Num;
    histogram_sturges?: { edges: Num[]; counts: number[] };
    histogram_bins?: { bins: number; edges: Num[]; counts: number[] };
    baseline?: { prediction: Num; mae: Num; rmse: Num; r2: Num | null };
    segments?: Stats[];
    feature_bins?: {
      bins: number;
      edges: Num[];
      count: number[];
      mean_feature: (Num | null)[];
      mean_error: (Num | null)[];
      mae: (Num | null)[];
      excluded_rows: number;
    };
  };
}

const fixture = loadMetricsFixture<{ sklearn: string; cases: Case[] }>('regression.json');

describe(`computeRegressionMetrics vs sklearn ${fixture.sklearn}`, () => {
  afterAll(() => console.log(`regression: ${fixture.cases.length} cases, max relative error ${maxError.value.toExponential(2)} (${maxError.what})`));

  it('fixture covers zeros in y_true, constant y_true, negative values and large n', () => {
    const names = fixture.cases.map((c) => c.name).join('\n');
    for (const part of ['zeros in y_true', 'constant y_true', 'negative', 'n=20000', 'missing']) expect(names).toContain(part);
  });

  for (const c of fixture.cases) {
    it(c.name, () => {
      const e = c.expected;
      const target = decodeColumn(c.target);
      const prediction = decodeColumn(c.prediction);
      const res = computeRegressionMetrics(
        {
          target,
          prediction,
          ...(c.segment ? { segments: [{ name: 'segment', values: c.segment }] } : {}),
          ...(c.feature ? { features: [{ name: 'feature', values: decodeColumn(c.feature) }] } : {}),
        },
        { featureBins: e.feature_bins?.bins ?? 10 },
      );
      expect(res.excluded_rows).toBe(e.excluded_rows);
      for (const k of ['mean_error', 'mae', 'mse', 'rmse', 'mape', 'r2', 'max_error'] as const) close(res[k], e[k], k);
      if (e.r2 === null) expect(res.warnings).toContain('r2: undefined for fewer than two rows');
      const h = res.residual_histogram!;
      closeArray(h.edges, e.histogram_sturges!.edges, 'sturges edges');
      expect(h.counts).toEqual(e.histogram_sturges!.counts);
      const errors = Float64Array.from(target.flatMap((y, i) => (y !== null && prediction[i] !== null ? [prediction[i]! - y] : [])));
      const hb = errorHistogram(errors, e.histogram_bins!.bins)!;
      closeArray(hb.edges, e.histogram_bins!.edges, 'histogram edges');
      expect(hb.counts).toEqual(e.histogram_bins!.counts);
      close(res.baseline?.prediction, e.baseline!.prediction, 'baseline prediction');
      close(res.baseline?.mae, e.baseline!.mae, 'baseline mae');
      close(res.baseline?.rmse, e.baseline!.rmse, 'baseline rmse');
      if (e.baseline!.r2 !== null) close(res.baseline?.r2, e.baseline!.r2, 'baseline r2');
      if (e.segments) {
        const groups = res.segments[0]!.groups;
        expect(groups.map((g) => g.segment)).toEqual(e.segments.map((g) => g.segment));
        for (const [k, g] of groups.entries()) {
          const want = e.segments[k]!;
          expect(g.count).toBe(want.count);
          close(g.mae, want.mae, `segment ${g.segment} mae`);
          close(g.rmse, want.rmse, `segment ${g.segment} rmse`);
          close(g.mean_error, want.mean_error, `segment ${g.segment} mean_error`);
        }
      }
      if (e.feature_bins) {
        const fb = res.residuals_by_feature[0]!;
        expect(fb.excluded_rows).toBe(e.feature_bins.excluded_rows);
        expect(fb.bins.map((b) => b.count)).toEqual(e.feature_bins.count);
        closeArray([...fb.bins.map((b) => b.lower), fb.bins[fb.bins.length - 1]!.upper], e.feature_bins.edges, 'feature edges');
        fb.bins.forEach((b, k) => {
          close(b.mean_feature, e.feature_bins!.mean_feature[k], `bin ${k} mean_feature`);
          close(b.mean_error, e.feature_bins!.mean_error[k], `bin ${k} mean_error`);
          close(b.mae, e.feature_bins!.mae[k], `bin ${k} mae`);
        });
      }
    });
  }
});

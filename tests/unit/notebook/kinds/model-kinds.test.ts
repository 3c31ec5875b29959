import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../../lib/data/ingest';
import { estimatePerformanceCbpe } from '../../../../lib/metrics/cbpe';
import { classificationCell } from '../../../../lib/notebook/kinds/classification';
import { estimatedCell } from '../../../../lib/notebook/kinds/estimated';
import { fairnessCell } from '../../../../lib/notebook/kinds/fairness';
import { operationalCell } from '../../../../lib/notebook/kinds/operational';
import { regressionCell } from '../../../../lib/notebook/kinds/regression';
import { expectClose, readJson, ROOT } from '../../../support';

const load = (name: string) => ingestCsv(new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/model', name))), name);
const csv = (text: string, name = 'x.csv') => ingestCsv(new TextEncoder().encode(text), name);
type Expected = Record<string, unknown>;
const expected = readJson<Record<string, Record<string, Expected>>>('tests/fixtures/model/expected.json');

/** Every field of `want` in `got`: non-integers within 1e-9 relative ("NaN" expected means null), the rest equal. */
function expectMatches(got: unknown, want: unknown, path: string): void {
  if (want === 'NaN') expect(got, path).toBeNull();
  else if (typeof want === 'number' && !Number.isInteger(want)) expectClose(got as number, want, 1e-9, path);
  else if (Array.isArray(want)) want.forEach((w, i) => expectMatches((got as unknown[])[i], w, `${path}[${i}]`));
  else if (want !== null && typeof want === 'object')
    for (const [k, w] of Object.entries(want)) expectMatches((got as Record<string, unknown>)[k], w, `${path}.${k}`);
  else expect(got, path).toBe(want);
}

describe('model cells compute what the CLI computes (sklearn / Fairlearn-definition fixtures)', () => {
  it('classification: both sides, columns by role', async () => {
    const [ref, cur] = await Promise.all([load('binary-ref.csv'), load('binary-cur.csv')]);
    const result = classificationCell(ref, cur, {});
    expect(result).toMatchObject({ task: 'binary', columns: { target: 'y', prediction: 'y_pred', score: ['score'] } });
    const { rows: _r, ...want } = expected.binary!.reference!;
    expectMatches(result.reference.metrics, want, 'reference');
    const { rows: _c, ...wantCur } = expected.binary!.current!;
    expectMatches(result.current!.metrics, wantCur, 'current');
  });

  it('regression: explicit columns', async () => {
    const [ref, cur] = await Promise.all([load('regression-ref.csv'), load('regression-cur.csv')]);
    const result = regressionCell(ref, cur, { target: 'price', prediction: 'price_pred' });
    expect(result.task).toBe('regression');
    const { rows: _r, ...want } = expected.regression!.reference!;
    expectMatches(result.reference.metrics, want, 'reference');
    const { rows: _c, ...wantCur } = expected.regression!.current!;
    expectMatches(result.current!.metrics, wantCur, 'current');
  });

  it('regression by segment and against a feature: same scalars, plus the breakdowns', async () => {
    const [ref, cur] = await Promise.all([load('regression-ref.csv'), load('regression-cur.csv')]);
    const plain = regressionCell(ref, cur, { target: 'price', prediction: 'price_pred' });
    const detailed = regressionCell(ref, cur, { target: 'price', prediction: 'price_pred', feature: 'area', segment: 'area' });
    for (const key of ['mean_error', 'mae', 'mse', 'rmse', 'mape', 'r2', 'max_error'] as const) {
      expect((detailed.reference.metrics as unknown as Record<string, number>)[key]).toBe((plain.reference.metrics as unknown as Record<string, number>)[key]);
      expect((detailed.current!.metrics as unknown as Record<string, number>)[key]).toBe((plain.current!.metrics as unknown as Record<string, number>)[key]);
    }
    const metrics = detailed.reference.metrics as unknown as { segments: { name: string }[]; residuals_by_feature: { name: string }[] };
    expect(metrics.segments.map((s) => s.name)).toEqual(['area']);
    expect(metrics.residuals_by_feature.map((f) => f.name)).toEqual(['area']);
    expect(() => regressionCell(ref, cur, { target: 'price', prediction: 'price_pred', feature: 'nope' })).toThrow(/nope/);
  });

  it('fairness: one sensitive column with weights', async () => {
    const data = await load('fairness.csv');
    const result = fairnessCell(data, undefined, { target: 'y', prediction: 'pred', sensitive: ['sex'], weight: 'w' });
    const { sensitive: _s, labels: _l, ...want } = expected.fairness!.sex_weighted!;
    expectMatches(result.reference, want, 'fairness');
    expect(result.columns).toEqual({ target: 'y', prediction: 'pred', sensitive: ['sex'], weight: 'w', score: null });
    expect(() => fairnessCell(data, undefined, { target: 'y', prediction: 'pred' })).toThrow(/sensitive: choose one or two sensitive columns/);
  });

  it('estimated performance maps the positive label to 1 and equals CBPE on the 0/1 arrays', async () => {
    const ref = await csv('label,s\nyes,0.9\nno,0.2\nyes,0.7\nno,0.4\nyes,0.6\nno,0.1\nno,0.55\nyes,0.8\n', 'ref.csv');
    const cur = await csv('label,s\nyes,0.85\nno,0.3\n,0.65\nno,0.45\nyes,0.52\n', 'cur.csv');
    const result = estimatedCell(ref, cur, { target: 'label', score: 's', posLabel: 'yes', chunks: 2 });
    const direct = estimatePerformanceCbpe(
      { scores: [0.9, 0.2, 0.7, 0.4, 0.6, 0.1, 0.55, 0.8], labels: [1, 0, 1, 0, 1, 0, 0, 1] },
      { scores: [0.85, 0.3, 0.65, 0.45, 0.52], labels: [1, 0, NaN, 0, 1] },
      { threshold: 0.5, calibration: 'auto', chunks: { by: 'count', count: 2 } },
    );
    expect(result.cbpe).toEqual(direct);
    expect(result).toMatchObject({ posLabel: 'true', columns: { target: 'label', score: 's', prediction: null }, current: { labelled: true, rows: 5 } });
    expect(() => estimatedCell(ref, cur, { target: 'label', score: 's', posLabel: 'maybe' })).toThrow(
      /pos_label: maybe is not a label — labels seen: false, true/,
    );
    const three = await csv('label,s\na,0.1\nb,0.2\nc,0.3\n');
    expect(() => estimatedCell(three, three, { target: 'label', score: 's' })).toThrow(/3 labels .* binary classifiers/);
  });

  it('operational: finds the latency column by name, computes each side', async () => {
    const ref = await csv('ts,latency_ms\n2026-01-01T00:00:00Z,120\n2026-01-01T00:00:30Z,250\n2026-01-01T00:01:10Z,80\n', 'ref.csv');
    const result = operationalCell(ref, undefined, { timestamp: 'ts', slaMs: 200 });
    expect(result.columns).toEqual({ latency: 'latency_ms', timestamp: 'ts' });
    expect(result.reference).toMatchObject({ name: 'ref.csv', rows: 3, count: 3, max: 250, min: 80, p50: 120 });
    expectClose(result.reference.shareOverSla!, 1 / 3, 1e-12, 'share over SLA');
    expect(result.reference.throughput?.windows.reduce((n, w) => n + w.count, 0)).toBe(3);
    const none = await csv('a,b\n1,2\n');
    expect(() => operationalCell(none, undefined, {})).toThrow(
      /latency: no column chosen and none is named like latency in x.csv — choose the column holding latencies in ms \(columns: a, b\)/,
    );
  });
});

describe('fairness cell: per-group thresholds', () => {
  it('equalise TPR by default and selection rate on request, only with a score column', async () => {
    const data = await load('fairness.csv');
    const base = { target: 'y', prediction: 'pred', sensitive: ['sex'] };
    expect(fairnessCell(data, undefined, base).reference.thresholds).toBeNull();
    const tpr = fairnessCell(data, undefined, { ...base, score: 'score' }).reference.thresholds;
    const rate = fairnessCell(data, undefined, { ...base, score: 'score', thresholdCriterion: 'selection_rate' }).reference.thresholds;
    expect(tpr).toMatchObject({ criterion: 'tpr' });
    expect(rate).toMatchObject({ criterion: 'selection_rate' });
  });
});

describe('fairness cell: predictions from the score at a threshold', () => {
  it('equals the fairness of a prediction column holding score ≥ t', async () => {
    const text = readFileSync(join(ROOT, 'tests/fixtures/model/fairness.csv'), 'utf8').trimEnd().split('\n');
    const header = text[0]!.split(',');
    const scoreAt = header.indexOf('score');
    // The same file with one more column: the predictions at t = 0.4, written out.
    const withPred = [
      `${text[0]},pred_04`,
      ...text.slice(1).map((line) => {
        const s = line.split(',')[scoreAt]!;
        return `${line},${s === '' ? '' : Number(s) >= 0.4 ? 1 : 0}`;
      }),
    ].join('\n');
    const data = await csv(withPred, 'f.csv');
    const base = { target: 'y', sensitive: ['sex', 'race'], score: 'score' };
    const derived = fairnessCell(data, undefined, { ...base, threshold: 0.4 });
    const explicit = fairnessCell(data, undefined, { ...base, prediction: 'pred_04', thresholds: undefined } as never);
    const strip = ({ thresholds: _t, warnings: _w, ...rest }: typeof derived.reference) => rest;
    expect(strip(derived.reference)).toEqual(strip(explicit.reference));
    expect(derived.columns.prediction).toBe('score ≥ 0.4');
    expect(derived.reference.thresholds).toMatchObject({ criterion: 'tpr' });
    expect(() => fairnessCell(data, undefined, { target: 'y', sensitive: ['sex'], threshold: 0.4 })).toThrow(
      /threshold: 0.4 derives predictions from a score — choose the score column too/,
    );
  });
});

describe('labels typed as the user writes them', () => {
  it('a boolean target takes "yes"/"1" as the positive label "true" in the classification and fairness cells', async () => {
    const rows = [
      'label,pred,s,g',
      ...Array.from({ length: 40 }, (_, i) => `${i % 3 ? 'yes' : 'no'},${i % 4 ? 'yes' : 'no'},${(i % 10) / 10},${'ab'[i % 2]}`),
    ].join('\n');
    const data = await csv(rows);
    const byYes = classificationCell(data, undefined, { target: 'label', prediction: 'pred', posLabel: 'yes' });
    const byTrue = classificationCell(data, undefined, { target: 'label', prediction: 'pred', posLabel: 'true' });
    expect(byYes.reference.metrics).toEqual(byTrue.reference.metrics);
    const fairYes = fairnessCell(data, undefined, { target: 'label', prediction: 'pred', sensitive: ['g'], posLabel: 'yes' });
    const fairTrue = fairnessCell(data, undefined, { target: 'label', prediction: 'pred', sensitive: ['g'], posLabel: 'true' });
    expect(fairYes.reference).toEqual(fairTrue.reference);
  });

  it('fairness rates with no cases: 0 by default, null on request', async () => {
    // Group b has no positives: its TPR is undefined.
    const data = await csv('y,p,g\n1,1,a\n0,1,a\n1,0,a\n0,0,b\n0,1,b\n');
    const zero = fairnessCell(data, undefined, { target: 'y', prediction: 'p', sensitive: ['g'] });
    const nul = fairnessCell(data, undefined, { target: 'y', prediction: 'p', sensitive: ['g'], undefinedRates: 'null' });
    expect(zero.reference.groups.find((g) => g.group === 'b')!.tpr).toBe(0);
    expect(nul.reference.groups.find((g) => g.group === 'b')!.tpr).toBeNull();
  });
});

describe('estimated performance by time', () => {
  it('chunks the current data by windows of a timestamp column, as CBPE with those timestamps', async () => {
    const lines = (n: number, shift: number) =>
      [
        'ts,label,s',
        ...Array.from(
          { length: n },
          (_, i) =>
            `2026-11-0${1 + Math.floor(i / 24)}T${String(i % 24).padStart(2, '0')}:00:00Z,${(i * 7 + shift) % 3 ? 1 : 0},${(((i * 13 + shift) % 97) / 97).toFixed(3)}`,
        ),
      ].join('\n');
    const ref = await csv(lines(72, 0), 'ref.csv');
    const cur = await csv(lines(48, 5), 'cur.csv');
    const result = estimatedCell(ref, cur, { target: 'label', score: 's', timestamp: 'ts', window: 'hour' });
    expect(result.chunkBy).toBe('time');
    const timestamps = Array.from({ length: 48 }, (_, i) => Date.UTC(2026, 10, 1 + Math.floor(i / 24), i % 24));
    const scores = Array.from({ length: 48 }, (_, i) => Number((((i * 13 + 5) % 97) / 97).toFixed(3)));
    const labels = Array.from({ length: 48 }, (_, i) => ((i * 7 + 5) % 3 ? 1 : 0));
    const refScores = Array.from({ length: 72 }, (_, i) => Number((((i * 13) % 97) / 97).toFixed(3)));
    const refLabels = Array.from({ length: 72 }, (_, i) => ((i * 7) % 3 ? 1 : 0));
    const direct = estimatePerformanceCbpe(
      { scores: refScores, labels: refLabels },
      { scores, labels, timestamps },
      { threshold: 0.5, calibration: 'auto', chunks: { by: 'time', window: 'hour' } },
    );
    expect(result.cbpe).toEqual(direct);
    expect(result.cbpe.chunks).toHaveLength(48);
  });
});

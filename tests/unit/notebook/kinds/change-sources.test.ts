import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { changeChart } from '../../../../lib/charts/change-chart';
import { ingestCsv } from '../../../../lib/data/ingest';
import type { Dataset } from '../../../../lib/data/types';
import { changeKind, type ChangeCellConfig, type ChangeCellResult } from '../../../../lib/notebook/kinds/change';
import { computeTimeline } from '../../../../lib/notebook/kinds/timeline';
import { changeSection } from '../../../../lib/report/sections/change';
import { runDetector } from '../../../../lib/stream/detectors/run';
import { expectClose, readFixture, readJson } from '../../../support';

// tests/fixtures/generate_change_sources.py: a classifier and a regressor whose errors grow after the stream's
// 200th hour (rows shuffled: `ts` puts them back), a reference, and the same errors written as columns by
// Python (err, err_score for score ≥ 0.5 → "yes", abserr), plus numpy's mean and std (ddof=1) of each reference series.
type Targets = Record<'x' | 'error' | 'abs_error', { mu: number; sigma: number; count: number }>;
const targets = readJson<Targets>('tests/fixtures/change-sources/targets.json');
const read = (name: string) => ingestCsv(readFixture(`tests/fixtures/change-sources/${name}`), name);

let stream: Dataset;
let reference: Dataset;

async function compute(config: ChangeCellConfig, withReference = false): Promise<ChangeCellResult> {
  stream ??= await read('stream.csv');
  reference ??= await read('reference.csv');
  const datasets = { reference: stream.meta, ...(withReference ? { current: reference.meta } : {}) };
  expect(changeKind.validate(config, datasets)).toEqual([]);
  return changeKind.compute!({ reference: stream, ...(withReference ? { current: reference } : {}) }, config);
}

const points = (r: ChangeCellResult) => ({ detections: r.detections, warnings: r.warnings, count: r.count });

describe('the change-detection cell: sources', () => {
  it('error: 1 where the prediction differs from the target, in time order — the same run as over the error column', async () => {
    const byColumn = await compute({ column: 'err', detector: 'ddm', orderBy: 'ts' });
    const byError = await compute({ source: 'error', target: 'y', prediction: 'pred', detector: 'ddm', orderBy: 'ts' });
    expect(byColumn.detections.length).toBeGreaterThan(0);
    expect(points(byError)).toEqual(points(byColumn));
    expect(byError.series).toEqual(byColumn.series);
    expect(byError).toMatchObject({ source: 'error', column: 'y ≠ pred', model: { target: 'y', prediction: 'pred', score: [] } });
    // EDDM and HDDM_A read it too.
    for (const detector of ['eddm', 'hddm_a']) {
      expect(points(await compute({ source: 'error', target: 'y', prediction: 'pred', detector, orderBy: 'ts' }))).toEqual(
        points(await compute({ column: 'err', detector, orderBy: 'ts' })),
      );
    }
  });

  it('error from a score: score ≥ threshold is the positive label, as the classification cell derives predictions', async () => {
    const byScore = await compute({ source: 'error', target: 'y', score: ['score'], posLabel: 'yes', threshold: 0.5, detector: 'hddm_a', orderBy: 'ts' });
    expect(points(byScore)).toEqual(points(await compute({ column: 'err_score', detector: 'hddm_a', orderBy: 'ts' })));
    // yes/no is read as a boolean column: the positive label "yes" is its "true", as in the classification cell.
    expect(byScore.model).toEqual({ target: 'y', prediction: null, score: ['score'], posLabel: 'true', threshold: 0.5 });
    // Without a threshold, 0.5 (the classification cell's default).
    expect(points(await compute({ source: 'error', target: 'y', score: ['score'], posLabel: 'yes', detector: 'hddm_a', orderBy: 'ts' }))).toEqual(
      points(byScore),
    );
  });

  it('abs_error: |target − prediction| — the same run as over the absolute-error column', async () => {
    const byColumn = await compute({ column: 'abserr', detector: 'page_hinkley', params: { threshold: 20 }, orderBy: 'ts' });
    const byError = await compute({
      source: 'abs_error',
      target: 'yreg',
      prediction: 'preg',
      detector: 'page_hinkley',
      params: { threshold: 20 },
      orderBy: 'ts',
    });
    expect(byColumn.detections.length).toBeGreaterThan(0);
    expect(points(byError)).toEqual(points(byColumn));
    expect(byError.values).toEqual(byColumn.values);
    expect(byError.column).toBe('|yreg − preg|');
  });

  it("CUSUM's untyped targets are the reference series' mean and sample std (numpy, ddof=1) for every source", async () => {
    const cases: [ChangeCellConfig, keyof Targets][] = [
      [{ column: 'x', detector: 'cusum' }, 'x'],
      [{ source: 'error', target: 'y', prediction: 'pred', detector: 'cusum' }, 'error'],
      [{ source: 'abs_error', target: 'yreg', prediction: 'preg', detector: 'cusum' }, 'abs_error'],
    ];
    for (const [config, name] of cases) {
      const result = await compute({ ...config, orderBy: 'ts' }, true);
      const want = targets[name];
      expectClose(result.targets?.mu, want.mu, 1e-12, `${name} mu`);
      expectClose(result.targets?.sigma, want.sigma, 1e-12, `${name} sigma`);
      expect(result.targets).toMatchObject({ reference: 'reference.csv', count: want.count });
      expect(result.params).toMatchObject({ mu: result.targets!.mu, sigma: result.targets!.sigma, k: 0.5, h: 5 });
      // The same run as with the targets typed.
      const typed = await compute({ ...config, orderBy: 'ts', params: { mu: result.targets!.mu, sigma: result.targets!.sigma } });
      expect(points(typed)).toEqual(points(result));
      expect(typed.targets).toBeUndefined();
    }
    // x shifts by 1.5 σ after row 200: CUSUM signals only after it.
    const shifted = await compute({ column: 'x', detector: 'cusum', orderBy: 'ts' }, true);
    expect(shifted.detections.length).toBeGreaterThan(0);
    expect(shifted.detections[0]!.index).toBeGreaterThanOrEqual(200);
    // A typed mu keeps its value; sigma still comes from the reference.
    const half = await compute({ column: 'x', detector: 'cusum', params: { mu: 10 }, orderBy: 'ts' }, true);
    expect(half.params.mu).toBe(10);
    expectClose(half.params.sigma as number, targets.x.sigma, 1e-12, 'sigma');
  });

  it('refuses CUSUM without targets, and rows without a target or prediction, naming the row', async () => {
    stream ??= await read('stream.csv');
    expect(changeKind.validate({ column: 'x', detector: 'cusum' }, { reference: stream.meta })).toEqual([
      'CUSUM: mu and sigma are not set and there is no reference dataset — choose a reference dataset (the mean and standard deviation of its values become the targets) or type mu and sigma',
    ]);
    await expect(changeKind.compute!({ reference: stream }, { column: 'x', detector: 'cusum' })).rejects.toThrow(/choose a reference dataset/);
    const gaps = await ingestCsv(new TextEncoder().encode('ts,y,p\n2026-01-01,a,a\n2026-01-03,b,\n2026-01-02,,a\n'), 'gaps.csv');
    await expect(changeKind.compute!({ reference: gaps }, { source: 'error', target: 'y', prediction: 'p', detector: 'ddm' })).rejects.toThrow(
      /error of "y" vs "p": row 2 \(index 1\) has no prediction \("p"\) — a detector needs a value on every row/,
    );
    await expect(changeKind.compute!({ reference: gaps }, { source: 'error', target: 'y', prediction: 'p', detector: 'ddm', orderBy: 'ts' })).rejects.toThrow(
      /row 3 \(index 1 in time order\) has no target \("y"\)/,
    );
    const problems = (config: Partial<ChangeCellConfig>) => changeKind.validate({ detector: 'ddm', ...config }, { reference: gaps.meta });
    expect(problems({ source: 'error', target: 'y', prediction: 'y' })).toEqual(['Target and prediction are the same column: choose the prediction column']);
    expect(problems({ source: 'error', target: 'q' })).toEqual(['Target: q is not a column of gaps.csv']);
    expect(problems({ source: 'abs_error', target: 'y', prediction: 'p' })).toEqual(['DDM reads 0/1 errors: choose the error indicator, or another detector']);
    expect(problems({ source: 'window_metric' })).toEqual(['Windows: choose how to split the stream and the metric per window']);
    expect(problems({ source: 'sideways' as never })[0]).toMatch(/^Source: sideways — use column, error, abs_error, window_metric$/);
  });

  it("window_metric: the Timeline's values per window, fed in window order; detections name their window", async () => {
    stream ??= await read('stream.csv');
    reference ??= await read('reference.csv');
    const window = {
      split: 'period',
      period: 'day',
      timestampColumn: 'ts',
      scalar: 'classification_accuracy',
      settings: { target: 'y', prediction: 'pred' },
    } as const;
    const result = await compute({ source: 'window_metric', window, detector: 'page_hinkley', params: { threshold: 0.5, min_instances: 5, mode: 'down' } });
    const timeline = await computeTimeline({ reference: stream, current: stream }, { ...window, heatmap: false });
    const values = timeline.windows.map((w) => w.value);
    expect(values.every((v) => v !== null)).toBe(true);
    const run = runDetector('page_hinkley', { threshold: 0.5, min_instances: 5, mode: 'down' }, values as number[]);
    expect(run.detections.length).toBeGreaterThan(0);
    expect(result.detections.map((d) => d.index)).toEqual(run.detections);
    const first = timeline.windows[run.detections[0]!]!;
    expect(result.detections[0]).toEqual({
      index: run.detections[0],
      window: first.index,
      label: first.label,
      timestamp: new Date(first.start!).toISOString(),
    });
    expect(result).toMatchObject({
      source: 'window_metric',
      count: timeline.windows.length,
      orderBy: 'ts',
      windows: { total: timeline.windows.length, skipped: 0 },
    });
    expect(result.column).toBe('Accuracy per window');
    expect(result.notes).toEqual(['no reference dataset: the timeline compares each window with the whole stream']);

    // CUSUM's targets: the reference chunks' values of the same metric (mean, sample std).
    const cusum = await compute({ source: 'window_metric', window, detector: 'cusum' }, true);
    const full = await computeTimeline({ reference, current: stream }, { ...window, heatmap: false });
    const chunks = full.referenceChunks.map((c) => c.value!);
    const mu = chunks.reduce((a, b) => a + b, 0) / chunks.length;
    const sigma = Math.sqrt(chunks.reduce((a, b) => a + (b - mu) ** 2, 0) / (chunks.length - 1));
    expect(cusum.targets).toMatchObject({ count: chunks.length });
    expectClose(cusum.targets!.mu, mu, 1e-12, 'chunk mu');
    expectClose(cusum.targets!.sigma, sigma, 1e-12, 'chunk sigma');
    // Drift scalars compare each window with a reference: one is needed.
    expect(
      changeKind.validate({ source: 'window_metric', window: { ...window, scalar: 'dataset_drift_share' }, detector: 'adwin' }, { reference: stream.meta }),
    ).toEqual(['Share of drifted columns: each window is compared with a reference — choose a reference dataset']);
  });

  it('labels the chart axis and the report by source; window events name their windows', async () => {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const error = await compute({ source: 'error', target: 'y', prediction: 'pred', detector: 'ddm', orderBy: 'ts' });
    expect(changeChart(error, { document }).textContent).toContain('error rate (y ≠ pred): mean of the last 30 values');
    const abs = await compute({ source: 'abs_error', target: 'yreg', prediction: 'preg', detector: 'cusum', orderBy: 'ts' }, true);
    expect(changeChart(abs, { document }).textContent).toContain('absolute error |yreg − preg|');
    const report = changeSection(abs, { document }).__html;
    expect(report).toMatch(/series <code>(<bdi>)?\|yreg − preg\|(<\/bdi>)?<\/code>/);
    expect(report).toMatch(/mu and sigma from (<bdi>)?reference\.csv(<\/bdi>)? \(300 values\)/);
    const window = {
      split: 'period',
      period: 'day',
      timestampColumn: 'ts',
      scalar: 'classification_accuracy',
      settings: { target: 'y', prediction: 'pred' },
    } as const;
    const windows = await compute({ source: 'window_metric', window, detector: 'page_hinkley', params: { threshold: 0.5, min_instances: 5, mode: 'down' } });
    expect(windows.detections.length).toBeGreaterThan(0);
    expect(changeChart(windows, { document }).textContent).toContain('Accuracy per window');
    const section = changeSection(windows, { document }).__html;
    expect(section).toContain('<th>Window</th>');
    expect(windows.detections[0]!.label).toMatch(/^2026-03-\d\d$/);
    expect(section).toMatch(new RegExp(`<td>(<bdi>)?${windows.detections[0]!.label}(</bdi>)?</td>`));
  });

  it('error from per-class probabilities (multiclass: the most probable class) and from the columns by role', async () => {
    // Row by row: argmax of proba_a, proba_b, proba_c (first on ties, np.argmax) against y.
    const text = 'y,proba_a,proba_b,proba_c,guess\na,0.7,0.2,0.1,a\nb,0.5,0.3,0.2,a\nc,0.1,0.1,0.8,c\nb,0.4,0.4,0.2,a\nc,0.3,0.6,0.1,b\n';
    const dataset = await ingestCsv(new TextEncoder().encode(text), 'multi.csv');
    const config: ChangeCellConfig = { source: 'error', target: 'y', score: ['proba_a', 'proba_b', 'proba_c'], detector: 'cusum', params: { mu: 0, sigma: 1 } };
    const result = await changeKind.compute!({ reference: dataset }, config);
    expect(result.series.map((b) => b.mean)).toEqual([0, 1, 0, 1, 1]);
    expect(result.model).toEqual({ target: 'y', prediction: null, score: ['proba_a', 'proba_b', 'proba_c'], posLabel: null });
    // The roles the dataset has: target and prediction columns found without naming them.
    const roled = { ...dataset, meta: { ...dataset.meta, roles: { y: 'target', guess: 'prediction' } } } as Dataset;
    const byRole = await changeKind.compute!({ reference: roled }, { source: 'error', detector: 'cusum', params: { mu: 0, sigma: 1 } });
    expect(byRole.series.map((b) => b.mean)).toEqual([0, 1, 0, 1, 1]);
    expect(byRole.column).toBe('y ≠ guess');
  });
});

import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../../lib/data/ingest';
import type { Dataset } from '../../../../lib/data/types';
import { computeTimeline, timelineKind, type TimelineCellConfig } from '../../../../lib/notebook/kinds/timeline';
import { estimatedKind } from '../../../../lib/notebook/kinds/estimated';
import { SCALARS, scalarSpec, scalarsOfKind, type KindSettings } from '../../../../lib/notebook/scalars';
import { timelineRows, windowColumnRows } from '../../../../lib/notebook/view/timeline-rows';
import { splitWindows, windowDataset } from '../../../../lib/stream/windows';
import { expectClose, readFixture, readJson } from '../../../support';

/**
 * The Timeline kind against tests/fixtures/generate_windows.py (pandas windows, scipy ks_2samp and
 * chisquare, NannyML's StandardDeviationThreshold with np.std, scipy mannwhitneyu, statsmodels
 * proportions_ztest). Statistics to 1e-9 relative, p-values to 1e-6.
 */
interface Case {
  name: string;
  split: { by: 'period'; period: 'day'; timeZone: string } | { by: 'rows'; size: number } | { by: 'count'; count: number };
  scalar: 'column_drift_score' | 'dataset_drift_share';
  bandMultiplier: number;
  minWindowRows: number;
  windows: { label: string; rows: number[]; value: number | null; small: boolean; flagged: boolean }[];
  referenceChunks: { label: string; rows: number; value: number | null }[];
  band: { mean: number; std: number; lower: number; upper: number };
  concept: {
    task: 'classification' | 'regression';
    windows: ({ mwuStatistic: number; mwuPValue: number; current: number; reference: number; zStatistic?: number; zPValue?: number } | null)[];
  };
}

const { cases } = readJson<{ cases: Case[] }>('tests/fixtures/windows/timeline.json');
const read = (file: string) => ingestCsv(readFixture(`tests/fixtures/windows/${file}`), file);

function configOf(c: Case): TimelineCellConfig {
  const split: Partial<TimelineCellConfig> =
    c.split.by === 'period'
      ? { split: 'period', period: c.split.period, timestampColumn: 'ts', timeZone: c.split.timeZone }
      : c.split.by === 'rows'
        ? { split: 'rows', size: c.split.size }
        : { split: 'count', count: c.split.count };
  const concept =
    c.concept.task === 'classification'
      ? { task: 'classification' as const, target: 'y_true', prediction: 'y_pred' }
      : { task: 'regression' as const, target: 'r_true', prediction: 'r_pred' };
  return {
    ...split,
    split: split.split!,
    scalar: c.scalar,
    ...(c.scalar === 'column_drift_score'
      ? { column: 'x1' }
      : { settings: { columns: ['x1', 'x2', 'x3', 'c'], numericMethod: 'ks', categoricalMethod: 'chisquare' } }),
    bandMultiplier: c.bandMultiplier,
    minWindowRows: c.minWindowRows,
    concept,
  };
}

describe('the Timeline kind (pandas / scipy / NannyML fixtures)', () => {
  let data: { reference: Dataset; current: Dataset } | undefined;
  const inputs = async () => (data ??= { reference: await read('events-reference.csv'), current: await read('events-current.csv') });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const input = await inputs();
    const config = configOf(c);
    expect(timelineKind.validate(config, { reference: input.reference.meta, current: input.current.meta })).toEqual([]);
    const progress: [number, number][] = [];
    const result = await computeTimeline(input, config, { onProgress: (done, total) => progress.push([done, total]) });
    expect(progress.at(-1)).toEqual([c.windows.length + c.referenceChunks.length, c.windows.length + c.referenceChunks.length]);

    expect(result.windows.map((w) => w.label)).toEqual(c.windows.map((w) => w.label));
    expect(result.windows.map((w) => w.rows)).toEqual(c.windows.map((w) => w.rows.length));
    expect(result.referenceChunks.map((w) => [w.label, w.rows])).toEqual(c.referenceChunks.map((w) => [w.label, w.rows]));
    const tol = c.scalar === 'column_drift_score' ? 1e-6 : 1e-9;
    c.windows.forEach((want, i) => {
      const got = result.windows[i]!;
      if (want.value === null) expect(got.value, want.label).toBeNull();
      else expectClose(got.value, want.value, { rel: tol, abs: 1e-300 }, `${c.name} ${want.label}`);
      expect([got.small, got.flagged], want.label).toEqual([want.small, want.flagged]);
    });
    c.referenceChunks.forEach((want, i) => {
      if (want.value === null) expect(result.referenceChunks[i]!.value).toBeNull();
      else expectClose(result.referenceChunks[i]!.value, want.value, { rel: tol, abs: 1e-300 }, `reference ${want.label}`);
    });
    for (const key of ['mean', 'std', 'lower', 'upper'] as const) expectClose(result.band![key], c.band[key], { rel: 1e-6, abs: 1e-15 }, `band ${key}`);

    c.concept.windows.forEach((want, i) => {
      const got = result.concept!.windows[i];
      if (want === null) return expect(got).toBeNull();
      expectClose(got!.mwuStatistic, want.mwuStatistic, 1e-9, `U ${i}`);
      expectClose(got!.mwuPValue, want.mwuPValue, 1e-6, `U p ${i}`);
      expectClose(got!.current, want.current, 1e-9, `error ${i}`);
      expectClose(got!.reference, want.reference, 1e-9, `reference error ${i}`);
      if (want.zStatistic !== undefined) {
        expectClose(got!.zStatistic, want.zStatistic, 1e-9, `z ${i}`);
        expectClose(got!.zPValue, want.zPValue!, 1e-6, `z p ${i}`);
      }
    });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('keeps the gap day as an empty window, reports unplaced timestamps and the method threshold', async () => {
    const input = await inputs();
    const result = await computeTimeline(input, configOf(cases[0]!));
    const gap = result.windows.find((w) => w.label === '2026-10-24')!;
    expect(gap).toMatchObject({ rows: 0, value: null, small: true, flagged: false });
    expect(result.unplaced).toMatchObject({ missing: 2, unparsed: 2 });
    expect(result.threshold).toEqual({ value: 0.05, direction: 'below' });
    expect(result.warnings).toContain('2 current rows have no ts and are in no window');
    expect(timelineRows(result).find((r) => r.label === '2026-10-24')!.status).toBe('empty');
    // The heatmap: every tested column, sorted by its first drifted window.
    const heatmap = result.heatmap!;
    expect(heatmap.columns.map((c) => c.name)).toContain('x1');
    const firsts = heatmap.columns.map((c) => c.firstDrift ?? Infinity);
    expect([...firsts].sort((a, b) => a - b)).toEqual(firsts);
    expect(heatmap.scores.every((row) => row.length === result.windows.length)).toBe(true);
    const x1 = heatmap.columns.findIndex((c) => c.name === 'x1');
    expect(heatmap.scores[x1]).toEqual(result.windows.map((w) => w.value));
    // One window's detail: its column of the heatmap, drifted columns first.
    const last = result.windows.length - 2;
    const detail = windowColumnRows(result, last);
    expect(detail.map((r) => r.name).sort()).toEqual(heatmap.columns.map((c) => c.name).sort());
    const firstCalm = detail.findIndex((r) => !r.drifted);
    expect(detail.slice(firstCalm).every((r) => !r.drifted)).toBe(true);
    expect(detail.find((r) => r.name === 'x1')).toMatchObject({ method: 'ks', drifted: result.windows[last]!.crossed });
  });

  it('gives each period window its segment where one is exact (UTC ISO text), none otherwise', async () => {
    const input = await inputs();
    const config: TimelineCellConfig = { split: 'period', period: 'day', timestampColumn: 'ts', timeZone: 'Europe/Paris', scalar: 'missing_share' };
    const clean = await computeTimeline({ reference: input.reference, current: input.reference }, config);
    expect(clean.windows[0]!.segment).toBe(`d => d["ts"] >= '2026-03-19T23:00:00Z' && d["ts"] < '2026-03-20T23:00:00Z'`);
    expect(clean.windows.every((w) => w.rows === 0 || w.segment)).toBe(true);
    const messy = await computeTimeline(input, config);
    expect(messy.windows.some((w) => w.segment)).toBe(false);
  });

  it('says so when no current row has a timestamp', async () => {
    const input = await inputs();
    const result = await computeTimeline(input, { split: 'period', period: 'day', timestampColumn: 'c', scalar: 'dataset_drift_share' });
    expect(result.windows).toEqual([]);
    expect(result.warnings).toContain('no current row has a timestamp: there are no windows — choose another timestamp column or split by rows');
    expect(result.unplaced.unparsed).toBe(input.current.table.numRows);
  });

  it("defaults to NannyML's 10 chunks of the drift share, with the datetime column ready for periods", async () => {
    const input = await inputs();
    const plain = { ...input.current.meta, schema: input.current.meta.schema.filter((c) => c.name !== 'ts') };
    expect(timelineKind.defaultConfig({ reference: plain, current: plain })).toEqual({
      split: 'count',
      count: 10,
      scalar: 'dataset_drift_share',
      bandMultiplier: 3,
      minWindowRows: 30,
    });
    const ref = input.reference.meta;
    const cur = { ...input.current.meta, schema: input.current.meta.schema.map((c) => (c.name === 'ts' ? { ...c, type: 'datetime' as const } : c)) };
    expect(timelineKind.defaultConfig({ reference: ref, current: cur })).toMatchObject({ split: 'count', period: 'day', timestampColumn: 'ts' });
  });

  it('stops between windows when cancelled', async () => {
    const input = await inputs();
    const controller = new AbortController();
    const run = computeTimeline(input, configOf(cases[1]!), { signal: controller.signal, onProgress: (done) => done === 2 && controller.abort() });
    await expect(run).rejects.toMatchObject({ code: 'aborted' });
  });

  it('says what is wrong with a config in a form’s words', () => {
    expect(timelineKind.validate({ split: 'rows', scalar: 'column_drift_score' })).toEqual([
      'Rows per window: a whole number, 1 or more',
      "A column's drift score (p-value or distance): choose the column",
    ]);
    expect(timelineKind.validate({ split: 'period', scalar: 'nope', timeZone: 'Nowhere/Land' })).toEqual([
      'Period windows: choose the timestamp column',
      'time zone: Nowhere/Land is not an IANA time zone — use e.g. UTC, Europe/Paris or America/New_York',
      expect.stringMatching(/^Scalar: nope — use one of column_drift_score, column_drift_detected, dataset_drift_share, missing_share, /),
    ]);
  });
});

describe("other kinds' scalars per window (sklearn / numpy / Fairlearn definitions)", () => {
  type Windows = { label: string; values: Record<string, number> }[];
  const { catalogue } = readJson<{ catalogue: Record<'reference' | 'current', Windows> }>('tests/fixtures/windows/timeline.json');
  const settings: Record<string, KindSettings> = {
    classification: { target: 'y_true', prediction: 'y_pred', posLabel: '1' },
    regression: { target: 'r_true', prediction: 'r_pred' },
    operational: { latency: 'latency_ms', slaMs: 40 },
    fairness: { target: 'y_true', prediction: 'y_pred', sensitive: ['group'], posLabel: '1' },
    quality: {},
  };
  const ids = (['reference', 'current'] as const).flatMap((side) => Object.keys(catalogue[side][0]!.values).map((key) => [key, side] as const));

  it.each(ids)('%s on the %s windows', async (key, side) => {
    const [id, column] = key.split(':') as [string, string | undefined];
    const spec = scalarSpec(id);
    const windows = catalogue[side];
    const reference = await read('events-reference.csv');
    const input = { reference, current: side === 'reference' ? reference : await read('events-current.csv') };
    const config: TimelineCellConfig = {
      split: 'rows',
      size: 100,
      scalar: id,
      settings: settings[spec.kind],
      minWindowRows: 0,
      heatmap: false,
      ...(column ? { column } : {}),
    };
    expect(timelineKind.validate(config, { reference: input.reference.meta, current: input.current.meta })).toEqual([]);
    const result = await computeTimeline(input, config);
    expect(result.windows.map((w) => w.label)).toEqual(windows.map((c) => c.label));
    windows.forEach((want, i) => expectClose(result.windows[i]!.value, want.values[key]!, { rel: 1e-9, abs: 1e-15 }, `${key} ${want.label}`));
    expect(result.band).not.toBeNull();
  });

  it('lists every kind that offers scalars, with stable snake_case ids', () => {
    expect(new Set(SCALARS.map((s) => s.kind))).toEqual(new Set(['drift', 'quality', 'classification', 'regression', 'estimated', 'operational', 'fairness']));
    for (const s of SCALARS) expect(s.id).toMatch(/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/);
    expect(new Set(SCALARS.map((s) => s.id)).size).toBe(SCALARS.length);
    expect(scalarsOfKind('drift').map((s) => s.id)).toEqual(['column_drift_score', 'column_drift_detected', 'dataset_drift_share']);
  });

  it('estimated (CBPE) scalars: each window is one CBPE chunk of the estimated kind', async () => {
    const input = { reference: await read('events-reference.csv'), current: await read('events-current.csv') };
    const cbpe = { target: 'y_true', score: 'proba' };
    const result = await computeTimeline(input, { split: 'rows', size: 100, scalar: 'estimated_accuracy', settings: cbpe, minWindowRows: 0 });
    const [first] = splitWindows(input.current, { by: 'rows', size: 100 }).windows;
    const direct = await estimatedKind.compute!({ reference: input.reference, current: windowDataset(input.current, first!) }, { ...cbpe, chunks: 1 });
    expect(result.windows[0]!.value).toBe(direct.cbpe.current.estimated.accuracy);
  });
});

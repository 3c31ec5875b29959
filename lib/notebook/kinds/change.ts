/**
 * The "Change detection" cell: one sequential detector (lib/stream/detectors, River 0.26's and CUSUM)
 * over one column, in time order when a timestamp column is given. `driftbook detect` builds this
 * config from its flags and prints the result's detections and warnings.
 */
import type { Dataset, DatasetMeta } from '../../data/types';
import { AnalysisError, DataError } from '../../errors';
import { formatScore } from '../../format';
import { detectOnRows, detectOnSequence, type ChangeDetectionResult, type ChangePoint } from '../../stream/detect';
import { DETECTOR_IDS, DETECTORS, isDetectorId, parseDetectorParams, type RawDetectorParams } from '../../stream/detectors/index';
import type { WindowSplit } from '../../stream/windows';
import {
  CHANGE_SOURCES,
  referenceTargets,
  rowSources,
  type ChangeSource,
  type ChangeTargets,
  type ErrorColumnsUsed,
  type ModelErrorColumns,
} from '../change-source';
import { sameColumnProblem, thresholdProblems } from '../model-inputs';
import { scalarSpec, SCALAR_IDS } from '../scalars';
import { need, type CellKindSpec, type ComputeInput, type ComputeOptions, type DatasetsBySlot } from '../types';
import { computeTimeline, timelineProblems, type TimelineCellConfig } from './timeline';

export type { ChangeSource, ChangeTargets } from '../change-source';
export { referenceTargets } from '../change-source';

/** The windows and the metric of a `window_metric` stream: a Timeline config's split and scalar. */
export type ChangeWindowConfig = Pick<
  TimelineCellConfig,
  'split' | 'size' | 'count' | 'period' | 'timestampColumn' | 'timeZone' | 'scalar' | 'column' | 'settings'
>;

export interface ChangeCellConfig extends ModelErrorColumns {
  /** What the detector reads: a column (default), the model's per-row error indicator or absolute error, or a metric per window. */
  source?: ChangeSource;
  /** The monitored column (numeric; 0/1 or boolean errors for the binary detectors). */
  column?: string;
  /** source window_metric: the windows and the metric (the Timeline kind's compute). */
  window?: ChangeWindowConfig;
  /** A detector id: page_hinkley, adwin, kswin, ddm, eddm, hddm_a, hddm_w, cusum. */
  detector: string;
  /** River's constructor arguments, as typed or as text; absent ones take River's defaults (CUSUM's mu and sigma: the reference's). */
  params?: RawDetectorParams;
  /** A timestamp column: the rows are fed in its (stable) time order. */
  orderBy?: string;
}

/**
 * The detector's run: `detections` and `warnings` are the stream positions (with their data row or window and, when
 * ordered, timestamp) whose update left a drift or a warning — River's names, so `warnings` here are
 * detector warnings, not notes (those are `notes`); `series` summarises the stream for the chart.
 */
export interface ChangeCellResult extends ChangeDetectionResult {
  kind: 'change';
  /** Absent in results stored before sources existed: a column. */
  source?: ChangeSource;
  data: { name: string; rows: number };
  label: string;
  series: NonNullable<ChangeDetectionResult['series']>;
  /** error / abs_error: the model's columns. */
  model?: ErrorColumnsUsed;
  /** window_metric: the split, the metric, and how many windows had no value (left out of the stream). */
  windows?: { split: WindowSplit; scalar: { id: string; label: string; column?: string }; total: number; skipped: number };
  targets?: ChangeTargets;
  notes?: string[];
}

/** Buckets drawn in the chart: enough for a 1000-pixel line, small enough for the stored result. */
export const CHANGE_SERIES_POINTS = 800;

const DEFAULT_DETECTOR = 'page_hinkley';

export const SOURCE_LABELS: Record<ChangeSource, string> = {
  column: 'a column',
  error: 'error indicator (classification: 1 = wrong)',
  abs_error: 'absolute error (regression)',
  window_metric: 'a metric per window',
};

function columnProblem(meta: DatasetMeta | undefined, name: string, what: string): string | undefined {
  if (!meta || meta.schema.some((c) => c.name === name)) return undefined;
  return `${what}: ${name} is not a column of ${meta.name}`;
}

const typed = (params: RawDetectorParams | undefined, name: string) => params?.[name] !== undefined && params[name] !== '';

/** CUSUM without typed mu or sigma takes them from the reference dataset. */
const needsTargets = (config: Pick<ChangeCellConfig, 'detector' | 'params'>) =>
  config.detector === 'cusum' && !(typed(config.params, 'mu') && typed(config.params, 'sigma'));

const NO_TARGETS =
  'CUSUM: mu and sigma are not set and there is no reference dataset — choose a reference dataset (the mean and standard deviation of its values become the targets) or type mu and sigma';

/** The stream's dataset (slot reference, as before sources) and the reference for targets (slot current). */
const streamMeta = (datasets?: DatasetsBySlot) => datasets?.reference;
const referenceMeta = (datasets?: DatasetsBySlot) => datasets?.current;

function sourceProblems(config: ChangeCellConfig, datasets?: DatasetsBySlot): string[] {
  const meta = streamMeta(datasets);
  const source = config.source ?? 'column';
  const problems: string[] = [];
  if (!CHANGE_SOURCES.includes(source)) return [`Source: ${String(source)} — use ${CHANGE_SOURCES.join(', ')}`];
  if (source === 'column') {
    if (!config.column) problems.push('Column: choose the values to monitor');
    else {
      const missing = columnProblem(meta, config.column, 'Column');
      if (missing) problems.push(missing);
    }
  } else if (source === 'error' || source === 'abs_error') {
    for (const [name, what] of [
      [config.target, 'Target'],
      [config.prediction, 'Prediction'],
      ...(config.score ?? []).map((s) => [s, 'Score'] as const),
    ] as const) {
      const missing = name === undefined ? undefined : columnProblem(meta, name, what);
      if (missing) problems.push(missing);
    }
    problems.push(...sameColumnProblem(config), ...thresholdProblems(config, { exclusive: true }));
    if (source === 'abs_error') {
      if (config.score?.length || config.threshold !== undefined || config.posLabel !== undefined)
        problems.push('Absolute error: a regression has no score, threshold or positive label — clear them');
      if (isDetectorId(config.detector) && DETECTORS[config.detector].binary)
        problems.push(`${DETECTORS[config.detector].label} reads 0/1 errors: choose the error indicator, or another detector`);
    }
  } else {
    if (!config.window) problems.push('Windows: choose how to split the stream and the metric per window');
    else {
      // The Timeline's checks: the stream is its current data, the reference (or the stream itself) its reference.
      problems.push(...timelineProblems({ ...config.window }, { current: meta, reference: referenceMeta(datasets) ?? meta }));
      if (SCALAR_IDS.includes(config.window.scalar) && scalarSpec(config.window.scalar).kind === 'drift' && datasets && !referenceMeta(datasets))
        problems.push(`${scalarSpec(config.window.scalar).label}: each window is compared with a reference — choose a reference dataset`);
    }
    if (config.orderBy !== undefined) problems.push('Order by: windows are in time order already — clear it');
  }
  return problems;
}

/** The params with CUSUM's untyped targets filled in from `targets`. */
function withTargets(params: RawDetectorParams, targets: ChangeTargets | undefined): RawDetectorParams {
  if (!targets) return params;
  return { ...params, ...(typed(params, 'mu') ? {} : { mu: targets.mu }), ...(typed(params, 'sigma') ? {} : { sigma: targets.sigma }) };
}

/** A metric per window of the stream (the Timeline kind's compute), fed to the detector in window order. */
async function computeWindowMetric(stream: Dataset, reference: Dataset | undefined, config: ChangeCellConfig, options: ComputeOptions) {
  const window = config.window!;
  const timeline = await computeTimeline(
    { reference: reference ?? stream, current: stream },
    { ...window, heatmap: false, minWindowRows: 0 },
    { ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.signal ? { signal: options.signal } : {}) },
  );
  const kept = timeline.windows.filter((w) => w.value !== null);
  const chunks = timeline.referenceChunks.flatMap((c) => (c.value === null ? [] : [c.value]));
  const targets = needsTargets(config)
    ? referenceTargets(chunks, (i) => `chunk ${i}`, `${reference!.meta.name} (its chunks' ${timeline.scalar.label})`)
    : undefined;
  const time = timeline.split.by === 'period';
  const what = `${timeline.scalar.label}${timeline.scalar.column ? ` of "${timeline.scalar.column}"` : ''} per window`;
  const point = (index: number): ChangePoint => {
    const w = kept[index]!;
    return { index, window: w.index, label: w.label, ...(time && w.start ? { timestamp: new Date(w.start).toISOString() } : {}) };
  };
  if (kept.length === 0)
    throw new DataError('empty', `no window has a value of ${timeline.scalar.label}${timeline.warnings.length ? `: ${timeline.warnings.join('; ')}` : ''}`);
  const result = detectOnSequence(
    Float64Array.from(kept, (w) => w.value!),
    { detector: config.detector, params: withTargets(config.params ?? {}, targets) },
    what,
    {
      describe: (i) => `window ${kept[i]!.label} (index ${i})`,
      point,
      ...(time ? { timeAt: (i: number) => Date.parse(kept[i]!.start!) } : {}),
    },
    { seriesPoints: CHANGE_SERIES_POINTS, ...(options.signal ? { signal: options.signal } : {}) },
  );
  const skipped = timeline.windows.length - kept.length;
  const notes = [
    ...(skipped ? [`${skipped} of ${timeline.windows.length} windows have no value (empty, or the metric failed) and are not in the stream`] : []),
    ...(reference ? [] : ['no reference dataset: the timeline compares each window with the whole stream']),
  ];
  return {
    ...result,
    column: what,
    ...(time ? { orderBy: (timeline.split as Extract<WindowSplit, { by: 'period' }>).timestampColumn } : {}),
    windows: { split: timeline.split, scalar: timeline.scalar, total: timeline.windows.length, skipped },
    ...(targets ? { targets } : {}),
    ...(notes.length ? { notes } : {}),
  };
}

async function computeChange(input: ComputeInput, config: ChangeCellConfig, options: ComputeOptions = {}): Promise<ChangeCellResult> {
  const stream = need(input, 'reference');
  const reference = input.current;
  const source = config.source ?? 'column';
  const detector = config.detector;
  parseDetectorParams(detector, config.params ?? {});
  if (needsTargets(config) && !reference) throw new AnalysisError('missing-reference', NO_TARGETS);
  const label = DETECTORS[detector as keyof typeof DETECTORS].label;
  const common = { kind: 'change' as const, source, data: { name: stream.meta.name, rows: stream.table.numRows }, label };
  if (source === 'window_metric') {
    const result = await computeWindowMetric(stream, reference, config, options);
    return { ...common, ...result, series: result.series ?? [] };
  }
  const targetsWanted = needsTargets(config);
  const { series, columns } = rowSources(source, targetsWanted ? [stream, reference!] : [stream], config);
  const targets = targetsWanted ? referenceTargets(series[1]!.values, (i) => `row ${i + 1} of ${series[1]!.what}`, reference!.meta.name) : undefined;
  const result = detectOnRows(
    stream,
    series[0]!,
    { detector, params: withTargets(config.params ?? {}, targets), ...(config.orderBy === undefined ? {} : { orderBy: config.orderBy }) },
    { seriesPoints: CHANGE_SERIES_POINTS, ...(options.signal ? { signal: options.signal } : {}) },
  );
  return { ...common, ...result, series: result.series ?? [], ...(columns ? { model: columns } : {}), ...(targets ? { targets } : {}) };
}

export const changeKind: CellKindSpec<'change', ChangeCellConfig, ChangeCellResult> = {
  kind: 'change',
  label: 'Change detection',
  description:
    "A sequential drift detector (River's Page-Hinkley, ADWIN, KSWIN, DDM, EDDM, HDDM; CUSUM) over a column, a model's errors or a metric per window, in time order",
  // The stream is the reference slot (as cells stored before the optional reference); the reference for CUSUM's targets the current slot.
  inputs: {
    required: ['reference'],
    optional: ['current'],
    labels: { reference: 'stream', current: 'reference' },
    fill: { reference: 'current', current: 'reference' },
  },
  defaultConfig(datasets) {
    const meta = streamMeta(datasets);
    const role = (name: string) => meta?.roles?.[name];
    const monitorable = (type: string) => meta?.schema.find((c) => c.type === type && role(c.name) !== 'id' && role(c.name) !== 'timestamp')?.name;
    // A 0/1 error column is often read as categorical: it is chosen by hand (its values are not known here).
    const column = monitorable('numeric') ?? monitorable('boolean');
    const orderBy = (meta?.schema.find((c) => role(c.name) === 'timestamp') ?? meta?.schema.find((c) => c.type === 'datetime'))?.name;
    return { detector: DEFAULT_DETECTOR, params: {}, ...(column ? { column } : {}), ...(orderBy ? { orderBy } : {}) };
  },
  validate(config, datasets) {
    const problems = sourceProblems(config, datasets);
    const meta = streamMeta(datasets);
    if (!isDetectorId(config.detector)) problems.push(`Detector: ${config.detector} is not one of ${DETECTOR_IDS.join(', ')}`);
    else {
      try {
        parseDetectorParams(config.detector, config.params ?? {});
      } catch (error) {
        problems.push(`Parameters: ${(error as Error).message}`);
      }
      if (datasets && needsTargets(config) && !referenceMeta(datasets)) problems.push(NO_TARGETS);
    }
    if (config.orderBy !== undefined && (config.source ?? 'column') !== 'window_metric') {
      const missing = columnProblem(meta, config.orderBy, 'Order by');
      if (missing) problems.push(missing);
      else if (config.orderBy === config.column && (config.source ?? 'column') === 'column')
        problems.push('Order by: choose a timestamp column other than the monitored one');
    }
    return problems;
  },
  compute: computeChange,
  capabilities: { autoRun: true },
};

/** The parameters as one line, `name = value`, in the detector's order. */
export function paramsNote(result: Pick<ChangeCellResult, 'params'>): string {
  return Object.entries(result.params)
    .map(([name, value]) => `${name} = ${typeof value === 'number' ? formatScore(value) : String(value)}`)
    .join(' · ');
}

/** Consecutive warning positions as runs [first, last], for a chart band or a list. */
export function warningRuns(result: Pick<ChangeCellResult, 'warnings'>): [first: number, last: number][] {
  const runs: [number, number][] = [];
  for (const { index } of result.warnings) {
    const last = runs[runs.length - 1];
    if (last && last[1] === index - 1) last[1] = index;
    else runs.push([index, index]);
  }
  return runs;
}

/** One sentence: how many drifts and warning positions, on how many values. */
export function changeSummary(result: ChangeCellResult): string {
  const drifts = result.detections.length;
  const runs = warningRuns(result).length;
  const warned = result.warnings.length;
  const order = result.orderBy ? ' in time order' : '';
  const warnText = warned ? `; warnings at ${warned} position${warned === 1 ? '' : 's'} in ${runs} run${runs === 1 ? '' : 's'}` : '';
  return `${drifts} drift${drifts === 1 ? '' : 's'} in ${result.count} values${order}${warnText}`;
}

/** A drift, or a run of consecutive warning positions: one row of the cell's and the report's event table. */
export interface ChangeEvent {
  type: 'drift' | 'warning';
  /** Stream positions, first and last (equal for a drift). */
  first: number;
  last: number;
  /** 1-based data row of the first position, as messages name rows (a stream of rows). */
  row?: number;
  /** The first position's window label, and the last's (a stream of per-window values). */
  window?: string;
  windowTo?: string;
  from?: string;
  to?: string;
}

function where(a: ChangePoint, b: ChangePoint): Pick<ChangeEvent, 'row' | 'window' | 'windowTo'> {
  if (a.label !== undefined) return { window: a.label, ...(b.label !== a.label && b.label !== undefined ? { windowTo: b.label } : {}) };
  return a.row === undefined ? {} : { row: a.row + 1 };
}

/** Where the positions of a result are: data rows, or windows. */
export const positionsAre = (result: Pick<ChangeCellResult, 'source'>): 'rows' | 'windows' => (result.source === 'window_metric' ? 'windows' : 'rows');

/** Drifts and warning runs in stream order (a drift sorts before a warning run starting at the same position). */
export function changeEvents(result: Pick<ChangeCellResult, 'detections' | 'warnings'>): ChangeEvent[] {
  const byIndex = new Map(result.warnings.map((w) => [w.index, w]));
  const events: ChangeEvent[] = result.detections.map((d) => ({
    type: 'drift',
    first: d.index,
    last: d.index,
    ...where(d, d),
    ...(d.timestamp ? { from: d.timestamp, to: d.timestamp } : {}),
  }));
  for (const [first, last] of warningRuns(result)) {
    const a = byIndex.get(first)!;
    const b = byIndex.get(last)!;
    events.push({ type: 'warning', first, last, ...where(a, b), ...(a.timestamp && b.timestamp ? { from: a.timestamp, to: b.timestamp } : {}) });
  }
  return events.sort((p, q) => p.first - q.first || (p.type === q.type ? 0 : p.type === 'drift' ? -1 : 1));
}

import type { Dataset, DatasetMeta } from '../../data/types';
import { AnalysisError, DataError } from '../../errors';
import { labelColumn, numberColumn } from '../../metrics/model-columns';
import type { ColumnProfile } from '../../profile/column-profile';
import { DEFAULT_CHUNK_COUNT } from '../../metrics/cbpe-chunks';
import { DEFAULT_BAND_MULTIPLIER, outsideBand, referenceBand, type Band } from '../../stream/bands';
import { conceptDriftPoint, rowErrors, type ConceptDriftPoint, type ErrorTask } from '../../stream/concept-drift';
import { PERIODS, splitWindows, windowDataset, type DataWindow, type Period, type WindowSplit, type WindowSplitResult } from '../../stream/windows';
import { timestampLayout, windowSegment, type TimestampLayout } from '../../stream/window-segment';
import { zoneOf } from '../../stream/zoned-time';
import { scalarSpec, SCALAR_IDS, type ColumnScore, type KindSettings, type ScalarOutcome, type ScalarReading } from '../scalars';
import { need, type CellKindSpec, type ComputeInput, type ComputeOptions, type DatasetsBySlot } from '../types';

export type SplitMode = 'rows' | 'count' | 'period';

/** A timeline: one scalar per window of the current data, against a band from the reference's chunks. */
export interface TimelineCellConfig {
  split: SplitMode;
  /** Rows per window (split 'rows'). */
  size?: number;
  /** Number of windows (split 'count', NannyML's CountBasedChunker). */
  count?: number;
  period?: Period;
  /** The timestamp column periods are read from (split 'period'). */
  timestampColumn?: string;
  /** IANA time zone of the periods (default UTC). */
  timeZone?: string;
  /** A scalar id of lib/notebook/scalars.ts (dataset_drift_share, column_drift_score, classification_f1, …). */
  scalar: string;
  column?: string;
  /** The scalar's kind's settings (its config: drift method and threshold, model columns…). */
  settings?: KindSettings;
  /** Band = mean ± bandMultiplier × std of the reference chunks' values (NannyML: 3). */
  bandMultiplier?: number;
  /** Windows with fewer rows are greyed, never flagged (default 30). */
  minWindowRows?: number;
  /** Drift scalars: also every column's score per window, as a heatmap (default true). */
  heatmap?: boolean;
  /** Concept drift per window: the model's per-row errors against the reference's. */
  concept?: { task: ErrorTask; target: string; prediction: string };
}

export interface TimelineWindow {
  index: number;
  label: string;
  start?: string;
  end?: string;
  rowStart?: number;
  rowEnd?: number;
  rows: number;
  value: number | null;
  /** Outside the band, or across the method's own threshold — and not small. */
  flagged: boolean;
  outsideBand: boolean;
  crossed: boolean;
  /** Fewer rows than minWindowRows: greyed with a warning, never flagged. */
  small: boolean;
  /** Why the scalar could not be computed on this window. */
  error?: string;
  /** The window's rows as a segment of the current dataset (lib/stream/window-segment.ts), where one is exact. */
  segment?: string;
}

export interface TimelineHeatmap {
  /** Tested columns, sorted by the first window where they drifted (never drifted last, then in file order). */
  columns: { name: string; method: string | null; firstDrift: number | null }[];
  /** scores[c][w] of columns[c] in window w (null: not computed, empty window). */
  scores: (number | null)[][];
  drifted: boolean[][];
}

export interface TimelineCellResult {
  kind: 'timeline';
  reference: { name: string; rows: number };
  current: { name: string; rows: number };
  split: WindowSplit;
  /** How the reference was chunked for the band (its own split when it lacks the timestamp column). */
  referenceSplit: WindowSplit;
  scalar: { id: string; label: string; column?: string };
  windows: TimelineWindow[];
  referenceChunks: { label: string; rows: number; value: number | null; error?: string }[];
  band: Band | null;
  /** The method's own threshold (drift score, drift share), when the scalar has one. */
  threshold: ScalarReading['threshold'] | null;
  minWindowRows: number;
  heatmap?: TimelineHeatmap;
  concept?: { task: ErrorTask; target: string; prediction: string; reference: number | null; windows: (ConceptDriftPoint | null)[] };
  /** Current rows in no window: missing or unparseable timestamps. */
  unplaced: WindowSplitResult['unplaced'];
  warnings: string[];
}

export const DEFAULT_MIN_WINDOW_ROWS = 30;

/** The split a config asks for (throws on an incomplete one: validate says it in a form's words). */
export function timelineSplit(config: TimelineCellConfig): WindowSplit {
  if (config.split === 'rows') return { by: 'rows', size: config.size ?? 0 };
  if (config.split === 'count') return { by: 'count', count: config.count ?? DEFAULT_CHUNK_COUNT };
  if (!config.timestampColumn) throw new AnalysisError('missing-timestamp', 'period windows: choose the timestamp column');
  return { by: 'period', period: config.period ?? 'day', timestampColumn: config.timestampColumn, ...(config.timeZone ? { timeZone: config.timeZone } : {}) };
}

const hasColumn = (meta: DatasetMeta | undefined, name: string) => meta?.schema.some((c) => c.name === name) ?? false;

export function timelineProblems(config: TimelineCellConfig, datasets?: DatasetsBySlot): string[] {
  const problems: string[] = [];
  if (config.split === 'rows' && !(Number.isInteger(config.size) && config.size! >= 1)) problems.push('Rows per window: a whole number, 1 or more');
  if (config.split === 'count' && config.count !== undefined && !(Number.isInteger(config.count) && config.count >= 1))
    problems.push('Number of windows: a whole number, 1 or more');
  if (config.split === 'period') {
    if (config.period !== undefined && !PERIODS.includes(config.period)) problems.push(`Period: ${String(config.period)} — use ${PERIODS.join(', ')}`);
    if (!config.timestampColumn) problems.push('Period windows: choose the timestamp column');
    else if (datasets?.current && !hasColumn(datasets.current, config.timestampColumn))
      problems.push(`Timestamp column: ${config.timestampColumn} is not in ${datasets.current.name}`);
    try {
      zoneOf(config.timeZone);
    } catch (error) {
      problems.push((error as Error).message);
    }
  } else if (config.split !== 'rows' && config.split !== 'count') problems.push(`Split: ${String(config.split)} — use rows, count or period`);
  if (!SCALAR_IDS.includes(config.scalar)) problems.push(`Scalar: ${config.scalar} — use one of ${SCALAR_IDS.join(', ')}`);
  else {
    const spec = scalarSpec(config.scalar);
    if (spec.column === 'required' && !config.column) problems.push(`${spec.label}: choose the column`);
    problems.push(...spec.validate(config.settings ?? {}));
  }
  if (config.column && datasets?.reference && !hasColumn(datasets.reference, config.column))
    problems.push(`Column: ${config.column} is not in ${datasets.reference.name}`);
  if (config.bandMultiplier !== undefined && !(config.bandMultiplier >= 0 && Number.isFinite(config.bandMultiplier)))
    problems.push('Band multiplier: a number ≥ 0 (NannyML uses 3)');
  if (config.minWindowRows !== undefined && !(Number.isInteger(config.minWindowRows) && config.minWindowRows >= 0))
    problems.push('Minimum rows per window: a whole number ≥ 0');
  if (config.concept) {
    if (!config.concept.target || !config.concept.prediction) problems.push('Concept drift: choose the target and the prediction columns');
    else if (config.concept.target === config.concept.prediction) problems.push('Concept drift: target and prediction are the same column');
    if (config.concept.task !== 'classification' && config.concept.task !== 'regression')
      problems.push('Concept drift: the task is classification or regression');
  }
  return problems;
}

/** The reference's split: the current's, or NannyML's default 10 chunks when it lacks the timestamp column. */
function referenceSplitOf(split: WindowSplit, reference: Dataset, warnings: string[]): WindowSplit {
  if (split.by !== 'period' || hasColumn(reference.meta, split.timestampColumn)) return split;
  warnings.push(`the reference has no ${split.timestampColumn}: its band comes from ${DEFAULT_CHUNK_COUNT} row chunks (NannyML's default chunker)`);
  return { by: 'count', count: Math.min(DEFAULT_CHUNK_COUNT, Math.max(1, reference.table.numRows)) };
}

function segmentOf(column: string, window: DataWindow, layout: TimestampLayout): { segment?: string } {
  const segment = windowSegment(column, window, layout);
  return segment ? { segment } : {};
}

const isDataProblem = (error: unknown): error is AnalysisError | DataError =>
  (error instanceof AnalysisError || error instanceof DataError) && error.code !== 'aborted';

function heatmapOf(perWindow: (ColumnScore[] | undefined)[]): TimelineHeatmap | undefined {
  const names: string[] = [];
  const methods = new Map<string, string | null>();
  for (const columns of perWindow)
    for (const c of columns ?? []) {
      if (!methods.has(c.name)) names.push(c.name);
      if (!methods.get(c.name)) methods.set(c.name, c.method);
    }
  if (names.length === 0) return undefined;
  const rows = names.map((name, order) => {
    const cells = perWindow.map((columns) => columns?.find((c) => c.name === name));
    const drifted = cells.map((c) => c?.drifted === true);
    const first = drifted.indexOf(true);
    return { name, order, method: methods.get(name) ?? null, firstDrift: first < 0 ? null : first, scores: cells.map((c) => c?.score ?? null), drifted };
  });
  rows.sort((a, b) => (a.firstDrift ?? Infinity) - (b.firstDrift ?? Infinity) || a.order - b.order);
  return {
    columns: rows.map(({ name, method, firstDrift }) => ({ name, method, firstDrift })),
    scores: rows.map((r) => r.scores),
    drifted: rows.map((r) => r.drifted),
  };
}

function conceptSeries(config: NonNullable<TimelineCellConfig['concept']>, reference: Dataset, current: Dataset, windows: readonly DataWindow[]) {
  const errorsOf = (d: Dataset) =>
    config.task === 'regression'
      ? rowErrors('regression', numberColumn(d, config.target), numberColumn(d, config.prediction))
      : rowErrors('classification', labelColumn(d, config.target), labelColumn(d, config.prediction));
  const referenceErrors = errorsOf(reference);
  const errors = errorsOf(current);
  const points = windows.map((w) => (w.rows.length ? conceptDriftPoint(config.task, referenceErrors, errors, w.rows) : null));
  return { ...config, reference: points.find((p) => p !== null)?.reference ?? null, windows: points };
}

/** Runs the scalar on every window (the window as current against the whole reference) and on the reference's chunks for the band. */
export async function computeTimeline(
  input: ComputeInput,
  config: TimelineCellConfig,
  // Not options.driftColumn: the engine binds that runner to the cell's whole current dataset, not to a window.
  { onProgress, signal }: ComputeOptions = {},
): Promise<TimelineCellResult> {
  const reference = need(input, 'reference');
  const current = need(input, 'current');
  const spec = scalarSpec(config.scalar);
  const warnings: string[] = [];
  const split = timelineSplit(config);
  const referenceSplit = referenceSplitOf(split, reference, warnings);
  const cur = splitWindows(current, split, 'current');
  const ref = splitWindows(reference, referenceSplit, 'reference');
  warnings.push(...cur.warnings, ...ref.warnings.filter((w) => !/windows are empty/.test(w)));
  if (cur.windows.length === 0) warnings.push('no current row has a timestamp: there are no windows — choose another timestamp column or split by rows');
  const minWindowRows = config.minWindowRows ?? DEFAULT_MIN_WINDOW_ROWS;
  const allColumns = spec.kind === 'drift' && config.heatmap !== false;
  const total = cur.windows.length + ref.windows.length;
  let done = 0;
  const referenceProfiles = new Map<string, ColumnProfile | undefined>();
  const evaluate = async (from: Dataset, window: DataWindow): Promise<ScalarOutcome & { error?: string }> => {
    if (signal?.aborted) throw new AnalysisError('aborted', 'timeline cancelled');
    try {
      if (window.rows.length === 0) return { reading: { value: null } };
      return await spec.evaluate({ reference, current: windowDataset(from, window) }, config.settings ?? {}, config.column, {
        allColumns,
        referenceProfiles,
      });
    } catch (error) {
      if (!isDataProblem(error)) throw error;
      return { reading: { value: null }, error: error.message };
    } finally {
      onProgress?.(++done, total);
    }
  };
  const outcomes: (ScalarOutcome & { error?: string })[] = [];
  for (const w of cur.windows) outcomes.push(await evaluate(current, w));
  const chunkOutcomes: (ScalarOutcome & { error?: string })[] = [];
  for (const w of ref.windows) chunkOutcomes.push(await evaluate(reference, w));
  const known = [...outcomes, ...chunkOutcomes].find((o) => o.reading.bounds || o.reading.threshold)?.reading;
  const band = referenceBand(
    chunkOutcomes.map((o) => o.reading.value),
    config.bandMultiplier ?? DEFAULT_BAND_MULTIPLIER,
    known?.bounds,
  );
  if (!band) warnings.push('no reference chunk has a value: no band');
  const layout = split.by === 'period' && cur.numericTimestamps !== undefined ? timestampLayout(current, split.timestampColumn, cur.numericTimestamps) : null;
  const windows = cur.windows.map((w, i): TimelineWindow => {
    const { reading, error } = outcomes[i]!;
    const small = w.rows.length < minWindowRows;
    const outside = outsideBand(reading.value, band);
    const crossed = reading.crossed === true;
    return {
      index: w.index,
      label: w.label,
      ...(w.start === undefined ? {} : { start: w.start, end: w.end }),
      ...(w.rowStart === undefined ? {} : { rowStart: w.rowStart, rowEnd: w.rowEnd }),
      rows: w.rows.length,
      value: reading.value,
      flagged: !small && (outside || crossed),
      outsideBand: outside,
      crossed,
      small,
      ...(error ? { error } : {}),
      ...(split.by === 'period' && w.rows.length ? segmentOf(split.timestampColumn, w, layout) : {}),
    };
  });
  const small = windows.filter((w) => w.small && w.rows > 0).length;
  if (small) warnings.push(`${small} window${small === 1 ? ' has' : 's have'} fewer than ${minWindowRows} rows: greyed and never flagged`);
  const failed = windows.filter((w) => w.error);
  if (failed.length) warnings.push(`${failed.length} window${failed.length === 1 ? ' has' : 's have'} no value: ${failed[0]!.label}: ${failed[0]!.error}`);
  const heatmap = allColumns ? heatmapOf(outcomes.map((o) => o.columns)) : undefined;
  return {
    kind: 'timeline',
    reference: { name: reference.meta.name, rows: reference.table.numRows },
    current: { name: current.meta.name, rows: current.table.numRows },
    split,
    referenceSplit,
    scalar: { id: spec.id, label: spec.label, ...(config.column ? { column: config.column } : {}) },
    windows,
    referenceChunks: ref.windows.map((w, i) => {
      const o = chunkOutcomes[i]!;
      return { label: w.label, rows: w.rows.length, value: o.reading.value, ...(o.error ? { error: o.error } : {}) };
    }),
    band,
    threshold: known?.threshold ?? null,
    minWindowRows,
    ...(heatmap ? { heatmap } : {}),
    ...(config.concept ? { concept: conceptSeries(config.concept, reference, current, cur.windows) } : {}),
    unplaced: cur.unplaced,
    warnings,
  };
}

export const timelineKind: CellKindSpec<'timeline', TimelineCellConfig, TimelineCellResult> = {
  kind: 'timeline',
  label: 'Timeline',
  description: 'A metric per window over time (rows, chunks or calendar periods) against reference bands, drift heatmap, concept drift',
  inputs: { required: ['reference', 'current'], optional: [] },
  // NannyML's default 10 chunks of the dataset drift share (a period's row count is unknown before reading the
  // timestamps: daily windows of a daily file would all be small); the first datetime column is pre-chosen for periods.
  defaultConfig(datasets) {
    const time = datasets?.current?.schema.find((c) => c.type === 'datetime' && hasColumn(datasets.reference, c.name));
    return {
      split: 'count',
      count: DEFAULT_CHUNK_COUNT,
      scalar: 'dataset_drift_share',
      bandMultiplier: DEFAULT_BAND_MULTIPLIER,
      minWindowRows: DEFAULT_MIN_WINDOW_ROWS,
      ...(time ? { period: 'day', timestampColumn: time.name } : {}),
    };
  },
  validate: timelineProblems,
  compute: computeTimeline,
  capabilities: { autoRun: true },
};

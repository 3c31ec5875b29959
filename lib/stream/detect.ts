/**
 * A sequential detector over one column of a dataset, optionally ordered by a timestamp column:
 * what `driftbook detect` prints and what the "Change detection" cell shows. Indices are 0-based
 * positions in the stream as the detector saw it (after ordering), River's
 * `for i, x in enumerate(stream)` convention; `row` keeps the 0-based data row of the file.
 */
import { readLabels, readNumbers } from '../data/columns';
import type { Dataset } from '../data/types';
import { AnalysisError, DataError } from '../errors';
import { detectorSpec, parseDetectorParams, type DetectorParams, type RawDetectorParams } from './detectors/index';
import { runDetector } from './detectors/run';
import { readTimestamps } from './windows';

export interface ChangeDetectionConfig {
  /** The monitored column: numeric, or boolean (false = 0, true = 1) for the binary detectors. */
  column: string;
  /** A DETECTORS id: page_hinkley, adwin, kswin, ddm, eddm, hddm_a, hddm_w, cusum. */
  detector: string;
  /** River's constructor arguments; absent ones take River's defaults. */
  params: RawDetectorParams;
  /** A timestamp column: rows are fed in time order (stable: ties keep file order). */
  orderBy?: string;
}

export interface ChangePoint {
  /** 0-based position in the stream the detector saw (after ordering). */
  index: number;
  /** 0-based data row of the file (a stream of rows). */
  row?: number;
  /** A stream of per-window values: the window's index in the timeline (empty windows are not in the stream) and label. */
  window?: number;
  label?: string;
  /** The row's timestamp, or the window's start (ISO 8601, UTC), when ordered by time. */
  timestamp?: string;
}

export interface ChangeDetectionResult {
  detector: string;
  /** Every parameter, defaults filled in. */
  params: DetectorParams;
  /** The monitored column, or the description of the series (`rain ≠ rain_predicted`, a metric per window). */
  column: string;
  orderBy?: string;
  count: number;
  detections: ChangePoint[];
  warnings: ChangePoint[];
  /** Summary of the monitored values. */
  values: { min: number; max: number; mean: number };
  /** The stream in at most `seriesPoints` consecutive buckets, for a chart (when asked for). */
  series?: SeriesBucket[];
}

/** Consecutive stream positions [start, end) summarised; `time` (epoch ms) is the first one's when ordered by time. */
export interface SeriesBucket {
  start: number;
  end: number;
  min: number;
  max: number;
  mean: number;
  time?: number;
}

export interface DetectChangesOptions {
  signal?: AbortSignal;
  /** Also return the stream as at most this many buckets (every value when it has fewer). */
  seriesPoints?: number;
}

/** The stream cut into at most `points` runs of equal length (the last may be shorter), each with its min, max and mean. */
export function seriesBuckets(values: ArrayLike<number>, points: number, timeAt?: (index: number) => number): SeriesBucket[] {
  const size = Math.max(1, Math.ceil(values.length / Math.max(1, Math.floor(points))));
  const buckets: SeriesBucket[] = [];
  for (let start = 0; start < values.length; start += size) {
    const end = Math.min(values.length, start + size);
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    for (let i = start; i < end; i++) {
      const x = values[i]!;
      if (x < min) min = x;
      if (x > max) max = x;
      sum += x;
    }
    buckets.push({ start, end, min, max, mean: sum / (end - start), ...(timeAt ? { time: timeAt(start) } : {}) });
  }
  return buckets;
}

// Date's range (ECMA-262 §21.4.1.1): beyond it a time has no ISO form.
const MAX_TIME = 8.64e15;

/** The timestamps' stable time order (positions → data rows); a missing or unreadable timestamp is refused. */
export function timeOrder(dataset: Dataset, column: string): { order: Uint32Array; times: Float64Array } {
  const { times, firstUnparsed } = readTimestamps(dataset, column);
  if (firstUnparsed) {
    throw new DataError(
      'bad-order-column',
      `timestamp column "${column}": row ${firstUnparsed.row + 1} holds "${firstUnparsed.text}", which is not a date — fix it or drop the row (e.g. with a segment)`,
    );
  }
  for (let row = 0; row < times.length; row++) {
    const t = times[row]!;
    if (!(Math.abs(t) <= MAX_TIME)) {
      throw new DataError(
        'bad-order-column',
        `timestamp column "${column}": row ${row + 1} has ${t === t ? `a time out of range (${t} ms)` : 'no timestamp'} — every row needs one to be put in order; fill it or drop the row (e.g. with a segment)`,
      );
    }
  }
  const order = Uint32Array.from({ length: times.length }, (_, i) => i);
  // Array.prototype.sort is stable (ES2019); equal times keep file order.
  const sorted = Array.from(order).sort((a, b) => times[a]! - times[b]!);
  return { order: Uint32Array.from(sorted), times };
}

/**
 * The column as numbers (booleans as 0/1). A column of few distinct numbers (a 0/1 error column) is read as
 * categorical at ingest: its values are parsed back to numbers; text that is no number is refused naming its row.
 */
export function columnValues(dataset: Dataset, column: string): Float64Array {
  const schema = dataset.meta.schema.find((c) => c.name === column);
  if (!schema) {
    throw new AnalysisError(
      'unknown-column',
      `column "${column}": not in ${dataset.meta.name} — its columns are ${dataset.meta.schema.map((c) => c.name).join(', ')}`,
    );
  }
  if (schema.type === 'boolean') {
    return Float64Array.from(readLabels(dataset.table, column), (label) => (label === 'true' ? 1 : label === 'false' ? 0 : NaN));
  }
  return readNumbers(dataset.table, column, {
    onText: (text, row) => {
      throw new AnalysisError(
        'not-numeric',
        `column "${column}": row ${row + 1} holds "${text}", which is not a number — a detector reads numbers (0/1 errors for ddm, eddm, hddm_a, hddm_w); choose a numeric column`,
      );
    },
  });
}

/** Per-row values of a dataset for a detector (a column, or a model's per-row errors), with the words messages use. */
export interface RowSeries {
  /** One value per data row, NaN where missing. */
  values: Float64Array;
  /** What the values are, in messages: `column "x"`, `error of "y" vs "p"`. */
  what: string;
  /** Shown as the result's `column`: the column's name, or the series' description. */
  label: string;
  /** Why a data row (0-based) has no value, when more can be said than "is missing". */
  missing?: (row: number) => string;
}

/** A sequence's stream positions as points (data rows or windows) and, when in time order, their time (epoch ms). */
export interface StreamPositions {
  describe(index: number): string;
  point(index: number): ChangePoint;
  timeAt?: (index: number) => number;
}

/** The detector over values already in stream order; `what` and `positions` word the messages and the points. */
export function detectOnSequence(
  values: Float64Array,
  config: Pick<ChangeDetectionConfig, 'detector' | 'params'>,
  what: string,
  positions: StreamPositions,
  { signal, seriesPoints }: DetectChangesOptions = {},
): Omit<ChangeDetectionResult, 'column' | 'orderBy'> {
  const spec = detectorSpec(config.detector);
  const params = parseDetectorParams(spec.id, config.params);
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    const problem = Number.isFinite(x) ? spec.checkValue?.(x) : `${x} is not a finite number`;
    if (problem !== undefined) throw new DataError('bad_detector_value', `${spec.id}: ${what}, ${positions.describe(i)}: ${problem}`);
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (values.length === 0) throw new DataError('empty', `no values to run ${spec.id} on`);
  const { detections, warnings } = runDetector(spec.id, params, values, signal ? { signal } : {});
  return {
    detector: spec.id,
    params,
    count: values.length,
    detections: detections.map(positions.point),
    warnings: warnings.map(positions.point),
    values: { min, max, mean: sum / values.length },
    ...(seriesPoints ? { series: seriesBuckets(values, seriesPoints, positions.timeAt) } : {}),
  };
}

/** The detector over per-row values, in time order when `orderBy` is set; a row without a value is refused naming it. */
export function detectOnRows(
  dataset: Dataset,
  rows: RowSeries,
  config: Omit<ChangeDetectionConfig, 'column'>,
  options: DetectChangesOptions = {},
): ChangeDetectionResult {
  if (rows.values.length === 0) throw new DataError('empty', `${dataset.meta.name} has no rows to run ${detectorSpec(config.detector).id} on`);
  const ordered = config.orderBy === undefined ? undefined : timeOrder(dataset, config.orderBy);
  const rowAt = (index: number): number => (ordered ? ordered.order[index]! : index);
  // Rows are 1-based in messages, as everywhere in Driftbook; the index is the detector's.
  const describe = (i: number) => (ordered ? `row ${rowAt(i) + 1} (index ${i} in time order)` : `row ${i + 1} (index ${i})`);
  const values = new Float64Array(rows.values.length);
  for (let i = 0; i < values.length; i++) {
    const x = rows.values[rowAt(i)]!;
    if (x !== x) {
      const why = rows.missing?.(rowAt(i)) ?? 'is missing';
      throw new DataError(
        'missing-value',
        `${rows.what}: ${describe(i)} ${why} — a detector needs a value on every row; fill it or drop the row (e.g. with a segment)`,
      );
    }
    values[i] = x;
  }
  const point = (index: number): ChangePoint => {
    const row = rowAt(index);
    return ordered ? { index, row, timestamp: new Date(ordered.times[row]!).toISOString() } : { index, row };
  };
  const result = detectOnSequence(
    values,
    config,
    rows.what,
    { describe, point, ...(ordered ? { timeAt: (i: number) => ordered.times[rowAt(i)]! } : {}) },
    options,
  );
  return { ...result, column: rows.label, ...(config.orderBy === undefined ? {} : { orderBy: config.orderBy }) };
}

/** Runs the configured detector over the column (in time order when `orderBy` is set). */
export function detectChanges(dataset: Dataset, config: ChangeDetectionConfig, options: DetectChangesOptions = {}): ChangeDetectionResult {
  // Detector and parameters are checked before the column is read.
  parseDetectorParams(config.detector, config.params);
  const values = columnValues(dataset, config.column);
  return detectOnRows(dataset, { values, what: `column "${config.column}"`, label: config.column }, config, options);
}

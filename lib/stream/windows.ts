/**
 * Windows over time: a dataset split by row count, by number of chunks (NannyML 0.13's
 * SizeBasedChunker / CountBasedChunker, lib/metrics/cbpe-chunks.ts) or by calendar period (hour,
 * day, ISO week, month, quarter) of a timestamp column in UTC or an IANA time zone. Every period
 * between the first and the last timestamp is a window, empty ones included (gaps are kept, with
 * 0 rows). Rows whose timestamp is missing or not a date fall in no window and are counted.
 * A window's rows become a dataset through the segments' path (takeDatasetRows in
 * lib/data/frame.ts), so any kind's compute runs on it.
 */
import { readTimes } from '../data/columns';
import { takeDatasetRows } from '../data/frame';
import { utcMs } from '../data/time';
import type { Dataset } from '../data/types';
import { AnalysisError } from '../errors';
import { countChunks, sizeChunks, type ChunkSpan } from '../metrics/cbpe-chunks';
import { timestampColumn } from '../metrics/model-columns';
import { MAX_WINDOWS } from '../metrics/time-windows';
import { instantOf, offsetText, zonedIso, zoneOf, type Zone } from './zoned-time';

export type Period = 'hour' | 'day' | 'week' | 'month' | 'quarter';
export const PERIODS: readonly Period[] = ['hour', 'day', 'week', 'month', 'quarter'];

/** How to split: chunks of `size` rows, `count` chunks, or calendar periods of a timestamp column. */
export type WindowSplit =
  { by: 'rows'; size: number } | { by: 'count'; count: number } | { by: 'period'; period: Period; timestampColumn: string; timeZone?: string };

export interface DataWindow {
  index: number;
  /** NannyML's chunk key for row chunks ('[0:99]', rows inclusive), the period for periods ('2026-03-29', '2026-W53', '2026-Q1'). */
  label: string;
  /** Periods: the first instant and the first instant after, as local ISO 8601 with the zone's offset. */
  start?: string;
  end?: string;
  /** Row chunks: the first and last row (0-based, inclusive, as NannyML). */
  rowStart?: number;
  rowEnd?: number;
  /** The rows in the window, ascending. */
  rows: Uint32Array;
}

export interface WindowSplitResult {
  windows: DataWindow[];
  /** Period splits: the timestamp column held numbers (epoch seconds or ms), not dates. */
  numericTimestamps?: { seconds: boolean } | null;
  /** Rows left out of every window: missing timestamp, or text that is not a date (first one shown). */
  unplaced: { missing: number; unparsed: number; firstUnparsed?: { row: number; text: string } };
  warnings: string[];
}

const range = (from: number, to: number) => Uint32Array.from({ length: to - from }, (_, i) => from + i);

function rowWindows(spans: ChunkSpan[]): DataWindow[] {
  return spans.map((span, index) => ({
    index,
    label: `[${span.start}:${span.end - 1}]`,
    rowStart: span.start,
    rowEnd: span.end - 1,
    rows: range(span.start, span.end),
  }));
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const floorMod = (a: number, b: number) => ((a % b) + b) % b;

/** Epoch ms of a local calendar date written as UTC, with month overflow carried into the year. */
function localDate(year: number, month: number, day: number): number {
  const m0 = month - 1;
  return utcMs(year + Math.floor(m0 / 12), floorMod(m0, 12) + 1, day);
}

/** ISO 8601 week-numbering year and week of a local date (days since the epoch): the week of its Thursday. */
function isoWeek(days: number): { year: number; week: number } {
  const monday = days - floorMod(days + 3, 7);
  const thursday = new Date((monday + 3) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const jan1 = utcMs(year, 1, 1) / DAY_MS;
  return { year, week: Math.floor((monday + 3 - jan1) / 7) + 1 };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The local start (wall time as UTC ms) of the period holding local time `local`, and the next period's. */
function periodOf(period: Exclude<Period, 'hour'>, local: number): { start: number; next: number; label: string } {
  const d = new Date(local);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  if (period === 'day') {
    const start = localDate(year, month, d.getUTCDate());
    return { start, next: start + DAY_MS, label: `${pad(year, 4)}-${pad(month)}-${pad(d.getUTCDate())}` };
  }
  if (period === 'week') {
    const days = Math.floor(local / DAY_MS);
    const monday = days - floorMod(days + 3, 7);
    const { year: wy, week } = isoWeek(days);
    return { start: monday * DAY_MS, next: (monday + 7) * DAY_MS, label: `${pad(wy, 4)}-W${pad(week)}` };
  }
  if (period === 'month') return { start: localDate(year, month, 1), next: localDate(year, month + 1, 1), label: `${pad(year, 4)}-${pad(month)}` };
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  return { start: localDate(year, first, 1), next: localDate(year, first + 3, 1), label: `${pad(year, 4)}-Q${(first + 2) / 3}` };
}

/** The instant the zone's local hour holding `instant` began (the time elapsed since the local hour started, taken off). */
function hourStart(zone: Zone, instant: number): number {
  return instant - floorMod(instant + zone.offset(instant), HOUR_MS);
}

interface Boundaries {
  starts: number[];
  labels: string[];
  /** The instant after the last window. */
  end: number;
}

/** Period boundaries (instants) from the period holding `min` through the one holding `max`. */
export function periodBoundaries(period: Period, zone: Zone, min: number, max: number): Boundaries {
  const starts: number[] = [];
  const labels: string[] = [];
  const push = (start: number, label: string) => {
    if (starts.length >= MAX_WINDOWS)
      throw new AnalysisError('too-many-windows', `${period} windows: more than ${MAX_WINDOWS} between the first and last timestamp — choose a longer period`);
    starts.push(start);
    labels.push(label);
  };
  if (period === 'hour') {
    let start = hourStart(zone, min);
    while (start <= max) {
      const iso = zonedIso(zone, start);
      push(start, `${iso.slice(0, 16)}${offsetText(zone.offset(start))}`);
      // Local hours are whole hours of instants except across an offset change of a fraction of an hour.
      start = hourStart(zone, start + HOUR_MS);
    }
    return { starts, labels, end: start };
  }
  let { start: local, label } = periodOf(period, min + zone.offset(min));
  let start = instantOf(zone, local);
  while (start <= max) {
    const p = periodOf(period, local);
    push(start, label);
    local = p.next;
    label = periodOf(period, local).label;
    start = instantOf(zone, local);
  }
  return { starts, labels, end: start };
}

/** Index i with starts[i] ≤ t < starts[i + 1] (t ≥ starts[0]). */
function locate(starts: readonly number[], t: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A timestamp column as epoch ms (NaN where missing or not a date), with its missing and unparsed counts. */
export function readTimestamps(
  dataset: Dataset,
  column: string,
): {
  times: Float64Array;
  missing: number;
  unparsed: number;
  firstUnparsed?: { row: number; text: string };
  /** Numbers rather than dates: epoch seconds (read ×1000) or milliseconds. */
  numeric: { seconds: boolean } | null;
} {
  if (!dataset.table.getChild(column)) {
    throw new AnalysisError(
      'unknown-column',
      `timestamp column "${column}": not in ${dataset.meta.name} — its columns are ${dataset.meta.schema.map((c) => c.name).join(', ')}`,
    );
  }
  const read = readTimes(dataset.table, column);
  const { unparsed, firstUnparsed } = read;
  // Numbers: epoch seconds or ms by the model cells' rule (timestampColumn; numbers are never "unparsed").
  const values = read.numeric ? timestampColumn(dataset, column) : read.values;
  let nan = 0;
  for (const x of values) if (!Number.isFinite(x)) nan++;
  const at = read.numeric ? read.values.findIndex((x) => Number.isFinite(x) && x !== 0) : -1;
  const numeric = read.numeric ? { seconds: at >= 0 && values[at] !== read.values[at] } : null;
  return { times: values, missing: nan - unparsed, unparsed, ...(firstUnparsed ? { firstUnparsed } : {}), numeric };
}

/** Calendar-period windows of epoch-ms timestamps (NaN: no window). */
export function periodWindows(times: ArrayLike<number>, period: Period, timeZone?: string): DataWindow[] {
  if (!PERIODS.includes(period)) throw new AnalysisError('bad-period', `period: ${String(period)} — use ${PERIODS.join(', ')}`);
  const zone = zoneOf(timeZone);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    if (!Number.isFinite(t)) continue;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  if (min === Infinity) return [];
  const { starts, labels, end } = periodBoundaries(period, zone, min, max);
  const counts = new Uint32Array(starts.length);
  const where = new Int32Array(times.length).fill(-1);
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    if (!Number.isFinite(t)) continue;
    const w = locate(starts, t);
    where[i] = w;
    counts[w]!++;
  }
  const rows = Array.from(counts, (n) => new Uint32Array(n));
  const fill = new Uint32Array(starts.length);
  for (let i = 0; i < times.length; i++) {
    const w = where[i]!;
    if (w >= 0) rows[w]![fill[w]!++] = i;
  }
  return starts.map((start, index) => ({
    index,
    label: labels[index]!,
    start: zonedIso(zone, start),
    end: zonedIso(zone, index + 1 < starts.length ? starts[index + 1]! : end),
    rows: rows[index]!,
  }));
}

/** Splits `dataset` into windows (`what` names it in messages: "current", "reference"). */
export function splitWindows(dataset: Dataset, split: WindowSplit, what = 'current'): WindowSplitResult {
  const n = dataset.table.numRows;
  if (split.by === 'rows') return { windows: rowWindows(sizeChunks(n, split.size)), unplaced: { missing: 0, unparsed: 0 }, warnings: [] };
  if (split.by === 'count') return { windows: rowWindows(countChunks(n, split.count, what)), unplaced: { missing: 0, unparsed: 0 }, warnings: [] };
  const { times, missing, unparsed, firstUnparsed, numeric } = readTimestamps(dataset, split.timestampColumn);
  const windows = periodWindows(times, split.period, split.timeZone);
  const warnings: string[] = [];
  if (missing) warnings.push(`${missing} ${what} rows have no ${split.timestampColumn} and are in no window`);
  if (unparsed)
    warnings.push(
      `${unparsed} ${what} rows have a ${split.timestampColumn} that is not a date (first: "${firstUnparsed!.text}", row ${firstUnparsed!.row + 1}) and are in no window`,
    );
  const gaps = windows.filter((w) => w.rows.length === 0).length;
  if (gaps) warnings.push(`${gaps} of ${windows.length} ${what} ${split.period} windows are empty (gaps, kept with 0 rows)`);
  return { windows, numericTimestamps: numeric, unplaced: { missing, unparsed, ...(firstUnparsed ? { firstUnparsed } : {}) }, warnings };
}

/** The window's rows of `dataset` as a dataset (the segments' path), named by the window in its description. */
export function windowDataset(dataset: Dataset, window: DataWindow): Dataset {
  const segment = dataset.meta.segment;
  return takeDatasetRows(dataset, window.rows, `${segment === undefined ? '' : `${segment} · `}window ${window.label}`);
}

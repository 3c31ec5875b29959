/**
 * Operational metrics of a model service: latency distribution, share of requests over an SLA,
 * and — given timestamps — throughput and latency per UTC-aligned time window.
 *
 * Conventions (each matches numpy 1.24 on the non-missing latencies in row order):
 * - mean = np.mean, std = np.std with numpy's default ddof = 0 (population std; a single value gives 0);
 * - p50…p99 = np.percentile(…, method='linear'), numpy's default;
 * - shareOverSla = share of non-missing latencies strictly greater than the SLA (a request that
 *   takes exactly the SLA meets it);
 * - missing latencies (NaN) are counted in `missing` and left out of every latency statistic, but
 *   a row with a timestamp still counts as a prediction in its window's count and throughput.
 */
import { DataError, AnalysisError } from '../errors';
import { numpySum } from '../stats/numpy-sum';
import { sortFloat64 } from '../stats/sort-float64';
import { percentileSorted } from '../stats/quantile';
import { rateUnitFor, UNIT_MS, windowGrid, windowOf, type RateUnit, type WindowOption } from './time-windows';

export interface OperationalOptions {
  /** SLA threshold in ms; a latency strictly above it is a breach. */
  slaMs: number;
  /** Prediction times in ms since the Unix epoch (NaN = missing), one per latency. */
  timestamps?: ArrayLike<number>;
  /** Window length for throughput; 'auto' (default) aims at 80–200 windows (see windowGrid). */
  window?: WindowOption;
}

export interface LatencyStats {
  /** Non-missing latencies. */
  count: number;
  /** Missing (NaN) latencies. */
  missing: number;
  mean: number | null;
  /** Population standard deviation (ddof = 0, numpy's default). */
  std: number | null;
  min: number | null;
  max: number | null;
  p50: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
  /** Share of non-missing latencies > slaMs. */
  shareOverSla: number | null;
}

export interface OperationalWindow {
  /** Window start, ms since epoch (UTC-aligned); the window is [start, start + window.ms). */
  start: number;
  /** Rows (predictions) with a timestamp in the window, latency missing or not. */
  count: number;
  /** Of those, rows with a missing latency. */
  missing: number;
  /** count / window length in `rateUnit`s. */
  throughput: number;
  /** Null when the window has no latency (the line chart shows a gap). */
  p50: number | null;
  p95: number | null;
  p99: number | null;
  shareOverSla: number | null;
}

export interface OperationalWindows {
  /** Window length in ms and its label ("5 minutes"); `auto` when chosen automatically. */
  ms: number;
  label: string;
  auto: boolean;
  /** Throughput unit: predictions per second (windows < 1 min), per minute (< 1 h) or per hour. */
  rateUnit: RateUnit;
  /** Rows left out of the windows because their timestamp is missing. */
  missingTimestamps: number;
  /** Every window from the first to the last timestamp, empty ones included (count 0). */
  windows: OperationalWindow[];
}

export interface OperationalResult extends LatencyStats {
  slaMs: number;
  /** Null without timestamps, or when every timestamp is missing. */
  throughput: OperationalWindows | null;
  warnings: string[];
}

function checkLatencies(latency: ArrayLike<number>): void {
  for (let i = 0; i < latency.length; i++) {
    const x = latency[i]!;
    if (x < 0 || x === Infinity) {
      throw new DataError('bad-latency', `latency on row ${i + 1}: ${x} ms — latencies must be finite and ≥ 0; check the column holds durations in ms`);
    }
  }
}

/** Mean and population std exactly as np.mean / np.std (pairwise sums, two passes). */
function meanStd(values: Float64Array): { mean: number; std: number } {
  const n = values.length;
  const mean = numpySum(values) / n;
  const sq = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    sq[i] = d * d;
  }
  return { mean, std: Math.sqrt(numpySum(sq) / n) };
}

function countOver(sorted: Float64Array, sla: number): number {
  // Sorted ascending: binary search for the first value > sla.
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! > sla) hi = mid;
    else lo = mid + 1;
  }
  return sorted.length - lo;
}

function latencyStats(values: Float64Array, missing: number, sla: number): LatencyStats {
  const n = values.length;
  if (n === 0) {
    const none = { mean: null, std: null, min: null, max: null, p50: null, p90: null, p95: null, p99: null, shareOverSla: null };
    return { count: 0, missing, ...none };
  }
  const { mean, std } = meanStd(values);
  const sorted = sortFloat64(values.slice());
  return {
    count: n,
    missing,
    mean,
    std,
    min: sorted[0]!,
    max: sorted[n - 1]!,
    p50: percentileSorted(sorted, 50),
    p90: percentileSorted(sorted, 90),
    p95: percentileSorted(sorted, 95),
    p99: percentileSorted(sorted, 99),
    shareOverSla: countOver(sorted, sla) / n,
  };
}

function computeWindows(
  latency: ArrayLike<number>,
  timestamps: ArrayLike<number>,
  sla: number,
  window: WindowOption,
  warnings: string[],
): OperationalWindows | null {
  const n = latency.length;
  let min = Infinity;
  let max = -Infinity;
  let missingTimestamps = 0;
  for (let i = 0; i < n; i++) {
    const t = timestamps[i]!;
    if (Number.isNaN(t)) {
      missingTimestamps++;
      continue;
    }
    if (!Number.isFinite(t)) {
      throw new DataError('bad-timestamp', `timestamp on row ${i + 1}: ${t} — timestamps must be finite ms since the Unix epoch`);
    }
    if (t < min) min = t;
    if (t > max) max = t;
  }
  if (missingTimestamps === n) {
    warnings.push(`no timestamps: all ${n} rows lack a timestamp — throughput and per-window latency need a timestamp column`);
    return null;
  }
  if (missingTimestamps > 0) {
    warnings.push(`${missingTimestamps} of ${n} rows have no timestamp and are left out of the throughput windows`);
  }
  const grid = windowGrid(min, max, window);
  const k = grid.count;
  const counts = new Float64Array(k);
  const missing = new Float64Array(k);
  const index = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const t = timestamps[i]!;
    if (Number.isNaN(t)) continue;
    const w = windowOf(t, grid);
    index[i] = w;
    counts[w]!++;
    if (Number.isNaN(latency[i]!)) missing[w]!++;
  }
  // Counting sort of the latencies by window, then sort each window's slice.
  const offsets = new Float64Array(k + 1);
  for (let w = 0; w < k; w++) offsets[w + 1] = offsets[w]! + counts[w]! - missing[w]!;
  const grouped = new Float64Array(offsets[k]!);
  const fill = offsets.slice(0, k);
  for (let i = 0; i < n; i++) {
    const w = index[i]!;
    const x = latency[i]!;
    if (w >= 0 && !Number.isNaN(x)) grouped[fill[w]!++] = x;
  }
  const rateUnit = rateUnitFor(grid.ms);
  const perUnit = grid.ms / UNIT_MS[rateUnit];
  const windows: OperationalWindow[] = [];
  for (let w = 0; w < k; w++) {
    const slice = sortFloat64(grouped.subarray(offsets[w]!, offsets[w + 1]!));
    const m = slice.length;
    windows.push({
      start: grid.start + w * grid.ms,
      count: counts[w]!,
      missing: missing[w]!,
      throughput: counts[w]! / perUnit,
      p50: percentileSorted(slice, 50),
      p95: percentileSorted(slice, 95),
      p99: percentileSorted(slice, 99),
      shareOverSla: m ? countOver(slice, sla) / m : null,
    });
  }
  return { ms: grid.ms, label: grid.label, auto: grid.auto, rateUnit, missingTimestamps, windows };
}

/** Latency statistics, SLA breaches and (with timestamps) throughput per window. */
export function computeOperationalMetrics(latencyMs: ArrayLike<number>, { slaMs, timestamps, window = 'auto' }: OperationalOptions): OperationalResult {
  if (!Number.isFinite(slaMs) || slaMs < 0) {
    throw new AnalysisError('bad-sla', `SLA threshold: ${slaMs} ms — give a finite number of milliseconds ≥ 0`);
  }
  if (timestamps && timestamps.length !== latencyMs.length) {
    throw new DataError('length-mismatch', `timestamps: ${timestamps.length} values for ${latencyMs.length} latencies — give one timestamp per row`);
  }
  checkLatencies(latencyMs);
  const warnings: string[] = [];
  const n = latencyMs.length;
  let missing = 0;
  for (let i = 0; i < n; i++) if (Number.isNaN(latencyMs[i]!)) missing++;
  const values = new Float64Array(n - missing);
  for (let i = 0, j = 0; i < n; i++) if (!Number.isNaN(latencyMs[i]!)) values[j++] = latencyMs[i]!;
  if (n === 0) warnings.push('no rows: the latency column is empty — latency statistics need at least one value');
  else if (values.length === 0) warnings.push(`no latencies: all ${n} values are missing — check the latency column`);
  const stats = latencyStats(values, missing, slaMs);
  const throughput = timestamps && n > 0 ? computeWindows(latencyMs, timestamps, slaMs, window, warnings) : null;
  return { ...stats, slaMs, throughput, warnings };
}

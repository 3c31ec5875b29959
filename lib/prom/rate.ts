import { METRIC_NAME_LABEL, type PromPoint, type PromSeries } from './types';

export type RateFunction = 'rate' | 'increase' | 'delta';

export interface RangeOptions {
  /** The range selector's length, ms (`[5m]` → 300000). */
  rangeMs: number;
  /**
   * Prometheus 2.x selects samples with t − range ≤ time ≤ t; 3.0 made the start exclusive
   * (t − range < time ≤ t). Default false: 2.x, as Debian 12's Prometheus 2.42.
   */
  leftOpen?: boolean;
}

/**
 * Prometheus' extrapolatedRate (promql/functions.go) for float samples inside [rangeStart, rangeEnd]
 * (ms): last − first, plus the value before each counter reset; the sampled interval is extended
 * to a range boundary when the gap to it is below 1.1 × the average sample spacing, else by half a
 * spacing; a counter is not extrapolated below zero. Undefined with fewer than 2 samples (Prometheus
 * drops the series there).
 */
export function extrapolatedRate(samples: readonly PromPoint[], rangeStart: number, rangeEnd: number, isCounter: boolean, isRate: boolean): number | undefined {
  const n = samples.length;
  if (n < 2) return undefined;
  const first = samples[0]!;
  const last = samples[n - 1]!;
  let result = last.v - first.v;
  if (isCounter) {
    let previous = first.v;
    for (let i = 1; i < n; i++) {
      const current = samples[i]!.v;
      if (current < previous) result += previous;
      previous = current;
    }
  }
  let durationToStart = (first.t - rangeStart) / 1000;
  const durationToEnd = (rangeEnd - last.t) / 1000;
  const sampledInterval = (last.t - first.t) / 1000;
  const averageBetweenSamples = sampledInterval / (n - 1);
  if (isCounter && result > 0 && first.v >= 0) {
    // Where the counter would have been zero, going back at the observed slope.
    const durationToZero = sampledInterval * (first.v / result);
    if (durationToZero < durationToStart) durationToStart = durationToZero;
  }
  const threshold = averageBetweenSamples * 1.1;
  let extrapolateTo = sampledInterval;
  extrapolateTo += durationToStart < threshold ? durationToStart : averageBetweenSamples / 2;
  extrapolateTo += durationToEnd < threshold ? durationToEnd : averageBetweenSamples / 2;
  let factor = extrapolateTo / sampledInterval;
  if (isRate) factor /= (rangeEnd - rangeStart) / 1000;
  return result * factor;
}

/** Index of the first point with time ≥ t (or > t when `after`). */
function lowerBound(points: readonly PromPoint[], t: number, after: boolean): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid]!.t < t || (after && points[mid]!.t === t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The samples a range selector `[range]` evaluated at time t (ms) sees. */
export function rangeWindow(points: readonly PromPoint[], t: number, options: RangeOptions): PromPoint[] {
  const start = lowerBound(points, t - options.rangeMs, options.leftOpen ?? false);
  const end = lowerBound(points, t, true);
  return points.slice(start, end);
}

const FLAGS: Record<RateFunction, [isCounter: boolean, isRate: boolean]> = {
  rate: [true, true],
  increase: [true, false],
  delta: [false, false],
};

/** `rate|increase|delta(series[range])` evaluated at time t (ms); undefined where Prometheus has no sample. */
export function rateAt(fn: RateFunction, points: readonly PromPoint[], t: number, options: RangeOptions): number | undefined {
  const [isCounter, isRate] = FLAGS[fn];
  return extrapolatedRate(rangeWindow(points, t, options), t - options.rangeMs, t, isCounter, isRate);
}

/**
 * `fn(series[range])` at each evaluation time (ms; a range query's start, start + step, … end): the
 * series without its metric name, as Prometheus returns it, with the times that have a value.
 */
export function rateSeries(fn: RateFunction, series: PromSeries, times: readonly number[], options: RangeOptions): PromSeries {
  const metric = { ...series.metric };
  delete metric[METRIC_NAME_LABEL];
  const points: PromPoint[] = [];
  for (const t of times) {
    const v = rateAt(fn, series.points, t, options);
    if (v !== undefined) points.push({ t, v });
  }
  return { metric, points };
}

/** A range query's evaluation times: start, start + step, … ≤ end (ms). */
export function stepTimes(startMs: number, endMs: number, stepMs: number): number[] {
  const times: number[] = [];
  for (let t = startMs; t <= endMs; t += stepMs) times.push(t);
  return times;
}

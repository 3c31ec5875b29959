/**
 * Fixed time windows aligned to UTC boundaries, for throughput charts and time-based chunks.
 * Timestamps are milliseconds since the Unix epoch. Every window length divides a day (or is a
 * whole number of days), and epoch milliseconds carry no leap seconds, so window k covers
 * [k·ms, (k + 1)·ms): a minute window starts on a whole UTC minute, a day window at 00:00 UTC.
 */
import { AnalysisError } from '../errors';

export type WindowUnit = 'second' | 'minute' | 'hour' | 'day';
export type WindowOption = WindowUnit | 'auto';
export type RateUnit = 'second' | 'minute' | 'hour';

export const UNIT_MS: Readonly<Record<WindowUnit, number>> = {
  second: 1_000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
};

/** Auto mode's target: the shortest window giving at most this many windows. */
export const AUTO_MAX_WINDOWS = 200;
/** An explicit unit giving more windows than this is refused (the chart and the result would be huge). */
export const MAX_WINDOWS = 100_000;

// Durations that divide a UTC day, each at most 2.5× the previous: the first one giving ≤ 200
// windows gives ≥ 80 of them whenever the span allows.
const AUTO_LADDER: readonly [number, WindowUnit][] = [
  [1, 'second'],
  [2, 'second'],
  [5, 'second'],
  [10, 'second'],
  [15, 'second'],
  [30, 'second'],
  [1, 'minute'],
  [2, 'minute'],
  [5, 'minute'],
  [10, 'minute'],
  [15, 'minute'],
  [30, 'minute'],
  [1, 'hour'],
  [2, 'hour'],
  [3, 'hour'],
  [6, 'hour'],
  [12, 'hour'],
  [1, 'day'],
];

export interface WindowGrid {
  /** Window length in ms. */
  ms: number;
  /** "1 minute", "5 minutes", "2 days". */
  label: string;
  /** True when the length was chosen automatically. */
  auto: boolean;
  /** Start (ms since epoch) of the first window, the one holding the earliest timestamp. */
  start: number;
  /** Number of windows from the earliest to the latest timestamp, empty ones included. */
  count: number;
}

function label(size: number, unit: WindowUnit): string {
  return `${size} ${unit}${size === 1 ? '' : 's'}`;
}

function windowCount(min: number, max: number, ms: number): number {
  return Math.floor(max / ms) - Math.floor(min / ms) + 1;
}

function grid(min: number, max: number, size: number, unit: WindowUnit, auto: boolean): WindowGrid {
  const ms = size * UNIT_MS[unit];
  return { ms, label: label(size, unit), auto, start: Math.floor(min / ms) * ms, count: windowCount(min, max, ms) };
}

/**
 * The window grid covering timestamps in [min, max]. 'auto' takes the shortest of 1/2/5/10/15/30 s,
 * 1/2/5/10/15/30 min, 1/2/3/6/12 h, 1 day, then whole days, that gives at most 200 windows —
 * so 80–200 windows for any span over 80 s; a shorter span gets 1-second windows (fewer than 80).
 */
export function windowGrid(min: number, max: number, window: WindowOption): WindowGrid {
  if (window !== 'auto') {
    if (!(window in UNIT_MS)) {
      throw new AnalysisError('bad-window', `window: ${String(window)} — use 'second', 'minute', 'hour', 'day' or 'auto'`);
    }
    const g = grid(min, max, 1, window, false);
    if (g.count > MAX_WINDOWS) {
      throw new AnalysisError(
        'too-many-windows',
        `window '${window}': ${g.count} windows between the first and last timestamp — choose a longer window or 'auto'`,
      );
    }
    return g;
  }
  for (const [size, unit] of AUTO_LADDER) {
    if (windowCount(min, max, size * UNIT_MS[unit]) <= AUTO_MAX_WINDOWS) return grid(min, max, size, unit, true);
  }
  // Fewer days than span / (200 days) always give more than 200 windows: start there.
  let days = Math.max(2, Math.ceil((max - min) / (AUTO_MAX_WINDOWS * UNIT_MS.day)));
  while (windowCount(min, max, days * UNIT_MS.day) > AUTO_MAX_WINDOWS) days++;
  return grid(min, max, days, 'day', true);
}

/** Index of the window holding timestamp t (same float operations as the grid's start). */
export function windowOf(t: number, grid: WindowGrid): number {
  return Math.floor(t / grid.ms) - Math.floor(grid.start / grid.ms);
}

/** The unit throughput is reported in: per second under 1-minute windows, per minute under 1-hour ones, else per hour. */
export function rateUnitFor(ms: number): RateUnit {
  if (ms < UNIT_MS.minute) return 'second';
  return ms < UNIT_MS.hour ? 'minute' : 'hour';
}

/**
 * Rate per variant per time window (calendar periods of the timestamp column, lib/stream/windows),
 * each with its Wilson interval: the running test's history. `n` is the variant's rows in the
 * window; the rate is over those with a binary outcome (null without one).
 */
import type { Dataset } from '../data/types';
import { wilsonInterval } from '../stats/wilson';
import { splitWindows, type Period } from '../stream/windows';
import type { AbData } from './ab-data';
import type { AbTestResult } from './types';

export interface AbWindowsConfig {
  timestamp: string;
  period?: Period;
  timeZone?: string;
  alpha: number;
}

/** Windows of the test and the split's warnings (rows without a time, empty windows). */
export function abWindows(dataset: Dataset, data: AbData, config: AbWindowsConfig): { windows: NonNullable<AbTestResult['windows']>; warnings: string[] } {
  const split = splitWindows(dataset, {
    by: 'period',
    period: config.period ?? 'day',
    timestampColumn: config.timestamp,
    ...(config.timeZone ? { timeZone: config.timeZone } : {}),
  });
  const k = data.names.length;
  const windows = split.windows.map((window) => {
    const n = new Array<number>(k).fill(0);
    const rated = new Array<number>(k).fill(0);
    const converted = new Array<number>(k).fill(0);
    for (const row of window.rows) {
      const v = data.variant[row]!;
      if (v < 0) continue;
      n[v]!++;
      const b = data.binary ? data.binary[row]! : -1;
      if (b >= 0) {
        rated[v]!++;
        converted[v]! += b;
      }
    }
    return {
      label: window.label,
      ...(window.start ? { start: window.start } : {}),
      ...(window.end ? { end: window.end } : {}),
      variants: data.names.map((name, v) => ({
        name,
        n: n[v]!,
        rate: rated[v]! > 0 ? converted[v]! / rated[v]! : null,
        ci: rated[v]! > 0 ? wilsonInterval(converted[v]!, rated[v]!, config.alpha) : null,
      })),
    };
  });
  return { windows, warnings: split.warnings };
}

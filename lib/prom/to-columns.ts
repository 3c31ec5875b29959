import { seriesName } from './series-name';
import type { PromSeries } from './types';

export interface SeriesColumn {
  /** `metric{label="v", …}` (or the series' own display name); made unique with " #2", " #3"… */
  name: string;
  metric: Record<string, string>;
  /** One value per time of `SeriesColumns.times`; null where this series has no sample then. */
  values: (number | null)[];
}

export interface SeriesColumns {
  /** Every time any series has a sample, ascending (ms). */
  times: number[];
  columns: SeriesColumn[];
}

/** Series → time-aligned wide columns: the union of their times, one column per series, null where a series has no sample. */
export function seriesToColumns(series: readonly PromSeries[]): SeriesColumns {
  const times = [...new Set(series.flatMap((s) => s.points.map((p) => p.t)))].sort((a, b) => a - b);
  const row = new Map(times.map((t, i) => [t, i]));
  const used = new Map<string, number>();
  const columns = series.map((s): SeriesColumn => {
    const base = s.name ?? seriesName(s.metric);
    const seen = (used.get(base) ?? 0) + 1;
    used.set(base, seen);
    const values: (number | null)[] = new Array<number | null>(times.length).fill(null);
    for (const { t, v } of s.points) values[row.get(t)!] = v;
    return { name: seen === 1 ? base : `${base} #${seen}`, metric: s.metric, values };
  });
  return { times, columns };
}

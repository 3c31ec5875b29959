import { formatCount, formatScore } from '../../format';
import type { MetricsCellResult } from '../kinds/metrics';
import { rangeText } from '../metrics-series';

/** What the chart shows, in a line: the dataset, the time column, the transform and the timeline beside it. */
export function metricsNote(result: MetricsCellResult): string {
  const { id, rangeSeconds, quantile } = result.transform;
  const transform =
    id === 'raw'
      ? 'raw values'
      : id === 'rate'
        ? `rate over [${rangeText(rangeSeconds ?? 0)}] (per second, Prometheus' extrapolation)`
        : `histogram_quantile(${quantile}) of the le buckets${rangeSeconds ? `, after rate over [${rangeText(rangeSeconds)}]` : ''}`;
  const live = result.live ? ` · live query ${result.live.query} from ${result.live.start} to ${result.live.end}, step ${result.live.step} s` : '';
  const timeline = result.timeline ? ` · beside ${result.timeline.label} per window of “${result.timeline.title}”` : '';
  return `${formatCount(result.series.length)} series of ${result.dataset.name} by ${result.timeColumn} · ${transform}${timeline}${live}`;
}

/** One row per charted series: its name, points, last, min and max value (formatted). */
export interface MetricsSeriesRow {
  name: string;
  points: string;
  last: string;
  min: string;
  max: string;
}

export function metricsSeriesRows(result: MetricsCellResult): MetricsSeriesRow[] {
  return result.series.map((s) => {
    const values = s.points.map((p) => p.v).filter((v): v is number => v !== null);
    const last = [...s.points].reverse().find((p) => p.v !== null)?.v ?? null;
    return {
      name: s.name,
      points: formatCount(s.points.length),
      last: formatScore(last),
      min: formatScore(values.length ? values.reduce((a, b) => Math.min(a, b)) : null),
      max: formatScore(values.length ? values.reduce((a, b) => Math.max(a, b)) : null),
    };
  });
}

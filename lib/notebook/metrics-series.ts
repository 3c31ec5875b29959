/**
 * The Metrics cell's series: a dataset of time series (a Prometheus query_range file or a Grafana
 * CSV, read by lib/data as a time column plus one numeric column per series, named as
 * lib/prom/series-name.ts writes them) back into Prometheus series, and the cell's transforms over
 * them — raw, rate(x[range]) and histogram_quantile(q, …), with lib/prom's implementations.
 */
import { readNumbers, readTimes } from '../data/columns';
import type { Dataset, DatasetMeta } from '../data/types';
import { AnalysisError } from '../errors';
import { histogramQuantileSeries } from '../prom/histogram-quantile';
import { rateSeries } from '../prom/rate';
import { parseSeriesName, seriesName } from '../prom/series-name';
import type { PromSeries } from '../prom/types';

export type MetricsTransform = 'raw' | 'rate' | 'histogram_quantile';

export const METRICS_TRANSFORMS: readonly MetricsTransform[] = ['raw', 'rate', 'histogram_quantile'];

/** A named series as the cell charts it: epoch-ms times, null where the value is missing or not finite. */
export interface NamedSeries {
  name: string;
  points: { t: number; v: number | null }[];
}

/** The time column a series dataset is read by: the chosen one, else the timestamp role, else the first datetime column. */
export function timeColumnOf(meta: DatasetMeta, chosen?: string): string | undefined {
  if (chosen !== undefined) return chosen;
  const byRole = Object.entries(meta.roles ?? {}).find(([name, role]) => role === 'timestamp' && meta.schema.some((c) => c.name === name))?.[0];
  return byRole ?? meta.schema.find((c) => c.type === 'datetime')?.name;
}

/** Every numeric column but the time column: the dataset's series. */
export function seriesColumnsOf(meta: DatasetMeta, time: string | undefined): string[] {
  return meta.schema.filter((c) => c.name !== time && c.type === 'numeric').map((c) => c.name);
}

// Epoch numbers below this are seconds (Prometheus' unit, and a Grafana CSV's "Time" as Unix time): 1e11 ms is 1973.
const SECONDS_BELOW = 1e11;

/** The dataset's columns as Prometheus series (labels parsed from the column name; a name that is not one keeps it whole). */
export function readSeries(dataset: Dataset, time: string, columns: readonly string[]): PromSeries[] {
  const { schema, name } = dataset.meta;
  if (!schema.some((c) => c.name === time)) throw new AnalysisError('missing-column', `time column: ${time} is not in ${name} — choose its time column`);
  const times = readTimes(dataset.table, time);
  if (times.numeric) for (let i = 0; i < times.values.length; i++) if (Math.abs(times.values[i]!) < SECONDS_BELOW) times.values[i]! *= 1000;
  return columns.map((column) => {
    if (!schema.some((c) => c.name === column)) throw new AnalysisError('missing-column', `series: ${column} is not in ${name} — choose the series again`);
    const values = readNumbers(dataset.table, column);
    const points: PromSeries['points'] = [];
    // A gap (empty cell) is no sample, as a missing step is in Prometheus' answer.
    for (let i = 0; i < values.length; i++)
      if (times.values[i] === times.values[i] && values[i] === values[i]) points.push({ t: times.values[i]!, v: values[i]! });
    points.sort((a, b) => a.t - b.t);
    const metric = parseSeriesName(column);
    return metric ? { metric, points } : { metric: {}, name: column, points };
  });
}

/** How the cell turns the imported series into the charted ones. */
export interface TransformOptions {
  transform: MetricsTransform;
  /** rate's range in seconds (also taken before histogram_quantile when given). */
  rangeSeconds?: number;
  quantile?: number;
}

/** A range as PromQL writes it: `5m`, `1h`, `90s`. */
export function rangeText(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

/** A series' display name: its own (a Grafana legend) or its label set as Prometheus writes it. */
const displayName = (series: PromSeries): string => series.name ?? seriesName(series.metric);

const named = (series: PromSeries, name: string): NamedSeries => ({
  name,
  points: series.points.map(({ t, v }) => ({ t, v: Number.isFinite(v) ? v : null })),
});

/** The transform over the series, each named as the PromQL expression that would give it. */
export function transformSeries(series: readonly PromSeries[], { transform, rangeSeconds, quantile }: TransformOptions): NamedSeries[] {
  const range = rangeSeconds ?? DEFAULT_RANGE_SECONDS;
  // Evaluated at each of the series' own sample times (the imported query's steps), as a range query would at its steps.
  const rated = (list: readonly PromSeries[]) =>
    list.map((s) => ({
      series: rateSeries(
        'rate',
        s,
        s.points.map((p) => p.t),
        { rangeMs: range * 1000 },
      ),
      source: s,
    }));
  if (transform === 'raw') return series.map((s) => named(s, displayName(s)));
  if (transform === 'rate') return rated(series).map(({ series: r, source }) => named(r, `rate(${displayName(source)}[${rangeText(range)}])`));
  const q = quantile ?? DEFAULT_QUANTILE;
  const withRate = rangeSeconds !== undefined;
  const input = withRate ? rated(series).map(({ series: r, source }) => ({ ...r, metric: source.metric })) : [...series];
  const families = [...new Set(series.filter((s) => s.metric.le !== undefined).map((s) => s.metric.__name__ ?? ''))];
  if (families.length === 0) throw new AnalysisError('no-buckets', 'histogram_quantile: no series has an le label — choose the _bucket series of a histogram');
  // Prometheus drops the metric name: two histograms with the same other labels would be merged into one.
  if (families.length > 1)
    throw new AnalysisError(
      'mixed-buckets',
      `histogram_quantile: the series hold the buckets of ${families.join(', ')} — choose the _bucket series of one histogram`,
    );
  const buckets = families[0];
  return histogramQuantileSeries(q, input).map((s) => {
    const inner = buckets ? seriesName({ ...s.metric, __name__: buckets }) : seriesName(s.metric);
    return named(s, `histogram_quantile(${q}, ${withRate ? `rate(${inner}[${rangeText(range)}])` : inner})`);
  });
}

export const DEFAULT_RANGE_SECONDS = 300;
export const DEFAULT_QUANTILE = 0.95;

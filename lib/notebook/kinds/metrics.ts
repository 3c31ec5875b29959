import { AnalysisError } from '../../errors';
import {
  DEFAULT_QUANTILE,
  DEFAULT_RANGE_SECONDS,
  METRICS_TRANSFORMS,
  readSeries,
  seriesColumnsOf,
  timeColumnOf,
  transformSeries,
  type MetricsTransform,
  type NamedSeries,
} from '../metrics-series';
import { need, type CellKindSpec, type ComputeInput, type DatasetsBySlot } from '../types';

export type { MetricsTransform, NamedSeries } from '../metrics-series';

/**
 * A timeline cell's windows as the Metrics cell draws them on its time axis (model metric over
 * time): copied into the config when chosen, so the result and the report stand alone.
 */
export interface MetricsTimelineOverlay {
  cellId: string;
  title: string;
  /** The timeline's scalar (e.g. "Accuracy"). */
  label: string;
  windows: { label: string; start: string; end: string; value: number | null; flagged: boolean }[];
}

/** The last live query (a build with DRIFTBOOK_PROMETHEUS_URL): its answer became the cell's dataset. */
export interface MetricsLiveQuery {
  query: string;
  /** ISO times. */
  start: string;
  end: string;
  /** Seconds between points. */
  step: number;
}

export interface MetricsCellConfig {
  /** Default: the timestamp role, else the first datetime column. */
  timeColumn?: string;
  /** Columns to chart (default: every numeric column, at most MAX_SERIES). */
  series?: string[];
  transform: MetricsTransform;
  /** rate's range in seconds (default 300, i.e. [5m]); before histogram_quantile only when set. */
  rangeSeconds?: number;
  /** histogram_quantile's φ in [0, 1] (default 0.95). */
  quantile?: number;
  timeline?: MetricsTimelineOverlay;
  live?: MetricsLiveQuery;
}

export interface MetricsCellResult {
  kind: 'metrics';
  dataset: { name: string; rows: number };
  timeColumn: string;
  transform: { id: MetricsTransform; rangeSeconds?: number; quantile?: number };
  /** The charted series, each named as the PromQL expression that would give it. */
  series: NamedSeries[];
  timeline?: MetricsTimelineOverlay;
  live?: MetricsLiveQuery;
  warnings: string[];
}

/** More lines than this are unreadable in one chart: the first ones are drawn and a warning says so. */
export const MAX_SERIES = 40;

const hasColumn = (datasets: DatasetsBySlot | undefined, name: string) => datasets?.reference?.schema.some((c) => c.name === name) ?? true;

export function metricsProblems(config: MetricsCellConfig, datasets?: DatasetsBySlot): string[] {
  const problems: string[] = [];
  if (!METRICS_TRANSFORMS.includes(config.transform)) problems.push(`Transform: ${String(config.transform)} — use ${METRICS_TRANSFORMS.join(', ')}`);
  if (config.rangeSeconds !== undefined && !(Number.isInteger(config.rangeSeconds) && config.rangeSeconds >= 1))
    problems.push('Range: a whole number of seconds, 1 or more (300 is [5m])');
  if (config.quantile !== undefined && !(config.quantile >= 0 && config.quantile <= 1)) problems.push('Quantile: a number from 0 to 1 (0.95 is p95)');
  if (config.timeColumn && !hasColumn(datasets, config.timeColumn)) problems.push(`Time column: ${config.timeColumn} is not in the dataset`);
  const missing = (config.series ?? []).filter((name) => !hasColumn(datasets, name));
  if (missing.length) problems.push(`Series: ${missing.slice(0, 3).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in the dataset`);
  if (datasets?.reference && !timeColumnOf(datasets.reference, config.timeColumn))
    problems.push(`${datasets.reference.name} has no datetime column: import a Prometheus query_range JSON or a Grafana CSV, or choose the time column`);
  if (config.live) {
    const { start, end, step } = config.live;
    if (!config.live.query.trim()) problems.push('Query: write a PromQL expression');
    if (!(Date.parse(start) < Date.parse(end))) problems.push('Start and end: two times, the start first');
    if (!(step > 0)) problems.push('Step: seconds between points, more than 0');
  }
  return problems;
}

/** Reads the dataset's series, applies the transform, and carries the timeline overlay and the live query along. */
export async function computeMetrics(input: ComputeInput, config: MetricsCellConfig): Promise<MetricsCellResult> {
  const dataset = need(input, 'reference');
  const time = timeColumnOf(dataset.meta, config.timeColumn);
  if (!time)
    throw new AnalysisError(
      'missing-time',
      `${dataset.meta.name} has no datetime column — import a Prometheus query_range JSON or a Grafana CSV, or choose the column holding the times`,
    );
  const warnings: string[] = [];
  const all = config.series?.length ? config.series : seriesColumnsOf(dataset.meta, time);
  if (all.length === 0) throw new AnalysisError('no-series', `${dataset.meta.name} has no numeric column besides ${time}: no series to chart`);
  const columns = all.slice(0, MAX_SERIES);
  if (all.length > columns.length) warnings.push(`${all.length} series: the first ${MAX_SERIES} are charted — choose the series to see others`);
  const series = transformSeries(readSeries(dataset, time, columns), config);
  const blank = series.reduce((n, s) => n + s.points.filter((p) => p.v === null).length, 0);
  if (blank) warnings.push(`${blank} point${blank === 1 ? ' is' : 's are'} NaN or infinite: not drawn`);
  if (series.every((s) => s.points.length === 0)) warnings.push('no series has a point: nothing to chart');
  const { transform } = config;
  return {
    kind: 'metrics',
    dataset: { name: dataset.meta.name, rows: dataset.table.numRows },
    timeColumn: time,
    transform: {
      id: transform,
      ...(transform === 'rate' || config.rangeSeconds !== undefined ? { rangeSeconds: config.rangeSeconds ?? DEFAULT_RANGE_SECONDS } : {}),
      ...(transform === 'histogram_quantile' ? { quantile: config.quantile ?? DEFAULT_QUANTILE } : {}),
    },
    series,
    ...(config.timeline ? { timeline: config.timeline } : {}),
    ...(config.live ? { live: config.live } : {}),
    warnings,
  };
}

export const metricsKind: CellKindSpec<'metrics', MetricsCellConfig, MetricsCellResult> = {
  kind: 'metrics',
  label: 'Metrics',
  description: 'Prometheus or Grafana series (CPU, memory, latency histograms, request rates) over time, beside a timeline, with alert thresholds',
  inputs: { required: ['reference'], optional: [], labels: { reference: 'series' } },
  defaultConfig: () => ({ transform: 'raw' }),
  validate: metricsProblems,
  compute: computeMetrics,
  capabilities: { autoRun: true },
};

/**
 * Prometheus' data model as Driftbook reads it: a series is a label set (the metric name under
 * `__name__`) and its float samples in time order. Native histograms are not read.
 */
export interface PromPoint {
  /** Sample time, milliseconds since the Unix epoch (Prometheus' own resolution). */
  t: number;
  /** Sample value; NaN, +Inf and -Inf are values Prometheus can hold. */
  v: number;
}

export interface PromSeries {
  /** Label name → value, `__name__` included when the series has a metric name. */
  metric: Record<string, string>;
  /** A display name that is not a label set (a Grafana legend such as "cpu 0"); seriesName(metric) otherwise. */
  name?: string;
  /** Samples in increasing time order, one per timestamp. */
  points: PromPoint[];
}

/** The label holding the metric name. */
export const METRIC_NAME_LABEL = '__name__';

/** A custom chart cell: which columns to draw, with which Plot mark. */
export type ChartMark = 'histogram' | 'bar' | 'line' | 'scatter' | 'box';

export const CHART_MARKS: readonly ChartMark[] = ['histogram', 'bar', 'line', 'scatter', 'box'];

export interface ChartConfig {
  mark: ChartMark;
  /** histogram/line/scatter: the x column; bar: the category column; box: the grouping column (optional). */
  x?: string;
  /** line/scatter/box: the numeric y column (line without y counts rows per time bin). */
  y?: string;
  /** A categorical column: one panel per value (the most frequent values, the rest as "other"). */
  facet?: string;
  /** Which datasets to draw, coloured reference vs current. */
  sides?: 'both' | 'reference' | 'current';
}

export type ChartSide = 'reference' | 'current';

/**
 * One drawn series point/bin; `side` colours reference vs current, `facet` picks the panel.
 * Fields by mark:
 * - histogram: x0, x1, count, share (count / the side's values in that panel)
 * - bar: category, count, share
 * - line: x0, x1, count, and mean (of y; null for an empty bin) when a y column is chosen
 * - scatter: x, y (a sample)
 * - box: group (with an x column), count, min, q1, median, q3, max, whiskerLow, whiskerHigh, outliers
 */
export interface ChartDatum {
  side: ChartSide;
  facet?: string;
  [field: string]: string | number | null | undefined;
}

/** Aggregates only (bins, counts, quartiles, a bounded sample for scatter): never raw rows beyond the sample. */
export interface ChartData {
  kind: 'chart';
  mark: ChartMark;
  x?: string;
  y?: string;
  facet?: string;
  /** Axis labels and how the data was reduced ("30 bins", "sample of 2,000 of 1,000,000 rows"). */
  xLabel?: string;
  yLabel?: string;
  notes: string[];
  data: ChartDatum[];
  warnings: string[];
  /** The sides drawn, in drawing order (a side is left out when asked to or when it lacks a column). */
  sides?: ChartSide[];
  /** How x values read: numbers, epoch milliseconds (UTC) of a datetime column, or category labels. */
  xType?: 'number' | 'time' | 'category';
  /** bar: the categories in axis order; box: the groups in axis order. */
  domain?: string[];
  /** The domain's last label when it gathers the less frequent values ("other (12 categories)"). */
  otherLabel?: string;
  /** Panel labels in order when faceted (the most frequent values, then "other (…)"). */
  facets?: string[];
}

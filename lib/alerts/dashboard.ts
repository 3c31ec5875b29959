/**
 * A stat tile's numbers, as Grafana's stat panel shows them: the series' latest value, the change
 * from the one before (previous window, batch or logged run), a sparkline of its history, and a
 * colour from the workspace's alert rules — the highest severity of an enabled rule on this series
 * whose condition holds for the latest value (`for` is not waited for: the tile shows the value,
 * the Alerts tab shows what fired). Pure: the page gathers the observations.
 */
import { formatCount, formatScore, formatShare, formatTimeSpan } from '../format';
import { familyOf } from './catalogue';
import { sameLabels } from './dashboard-tiles';
import { conditionHolds, matches } from './evaluate';
import type { AlertRule, FamilyName, MetricFamily, Observation, Sample, Severity } from './types';

/** A sparkline keeps the latest points only (Grafana's stat panel shows the recent range too). */
export const MAX_TILE_POINTS = 60;

/** One point of a tile's history; `value` null: the series was absent or undefined then. */
export interface TilePoint {
  at: string;
  label: string;
  value: number | null;
}

/** `ok`: a rule watches the series and none holds; `unwatched`: no enabled rule names this series. */
export type TileStatus = Severity | 'ok' | 'unwatched';

export interface StatView {
  value: number | null;
  previous: number | null;
  /** value − previous when both are finite. */
  change: number | null;
  points: TilePoint[];
  status: TileStatus;
  /** The enabled rules on this series whose condition holds for `value`, most severe first. */
  holding: AlertRule[];
  unit: MetricFamily['unit'];
}

const SEVERITY_ORDER: readonly Severity[] = ['critical', 'warning', 'info'];

/** The sample of this series in a list (labels compared as sets), if any. */
export function findSample(samples: readonly Sample[], metric: FamilyName, labels: Record<string, string>): Sample | undefined {
  return samples.find((s) => s.metric === metric && sameLabels(s.labels, labels));
}

/** How a point is named in the tile: the window's label, the batch's name or date, else its time to the minute (`2026-03-01 09:30 UTC`). */
export function observationLabel(observation: Observation): string {
  const { window, batch } = observation.source;
  const minute = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)/.exec(observation.at);
  return window?.label ?? batch?.name ?? batch?.date ?? (minute ? `${minute[1]} ${minute[2]} UTC` : observation.at);
}

/** The series' value at each observation (in the order given, oldest first), the latest `max` kept. */
export function seriesPoints(observations: readonly Observation[], metric: FamilyName, labels: Record<string, string>, max = MAX_TILE_POINTS): TilePoint[] {
  const points = observations.map((o) => ({ at: o.at, label: observationLabel(o), value: findSample(o.samples, metric, labels)?.value ?? null }));
  return points.slice(Math.max(0, points.length - max));
}

/** The tile's colour: the most severe enabled rule on this series that holds for the value. */
export function tileStatus(rules: readonly AlertRule[], sample: Sample): { status: TileStatus; holding: AlertRule[] } {
  const watching = rules.filter((r) => r.enabled !== false && matches(r, sample));
  const holding = watching
    .filter((r) => conditionHolds(r, sample.value))
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  return { status: holding[0]?.severity ?? (watching.length ? 'ok' : 'unwatched'), holding };
}

/** A stat tile's numbers from its series' history (oldest first) and the workspace's rules. */
export function statView(metric: FamilyName, labels: Record<string, string>, observations: readonly Observation[], rules: readonly AlertRule[]): StatView {
  const points = seriesPoints(observations, metric, labels);
  const value = points.at(-1)?.value ?? null;
  const previous = points.at(-2)?.value ?? null;
  const change = value !== null && previous !== null && Number.isFinite(value) && Number.isFinite(previous) ? value - previous : null;
  const { status, holding } = tileStatus(rules, { metric, labels, value });
  return { value, previous, change, points, status, holding, unit: familyOf(metric).unit };
}

/** A value in its family's unit: seconds as a time span, ratios as percents, booleans as yes/no. */
export function formatTileValue(value: number | null, unit: MetricFamily['unit']): string {
  if (value === null || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return formatScore(value);
  if (unit === 'seconds') return value < 0 ? `−${formatTimeSpan(-value * 1000)}` : formatTimeSpan(value * 1000);
  if (unit === 'ratio') return formatShare(value);
  if (unit === 'boolean') return value === 1 ? 'yes' : value === 0 ? 'no' : formatScore(value);
  if (unit === 'count') return formatCount(value);
  return formatScore(value);
}

/** A change with its sign: ratios in percentage points ("+2.5 pp"), seconds as a span, "±0" for none. */
export function formatTileChange(change: number | null, unit: MetricFamily['unit']): string {
  if (change === null) return '—';
  if (change === 0) return '±0';
  const sign = change > 0 ? '+' : '−';
  const size = Math.abs(change);
  if (unit === 'ratio') return `${sign}${Number((size * 100).toPrecision(3))} pp`;
  if (unit === 'seconds') return `${sign}${formatTimeSpan(size * 1000)}`;
  if (unit === 'count') return `${sign}${formatCount(size)}`;
  return `${sign}${formatScore(size)}`;
}

/** A series as a reader names it: `model_metric · metric=accuracy · dataset=current`. */
export function seriesText(metric: FamilyName, labels: Record<string, string>): string {
  return [metric, ...Object.entries(labels).map(([k, v]) => `${k}=${v}`)].join(' · ');
}

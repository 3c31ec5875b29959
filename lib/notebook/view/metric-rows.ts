/**
 * The metric table every model cell shares (metric | reference | current | Δ, Δ flagged when the
 * model got worse), as plain rows: the app's cells and the report's sections render the same rows.
 */
import { formatCount, formatScore, formatShare } from '../../format';

/** Which way a metric improves: 'zero' for a signed error (closer to 0 is better); null for counts and context. */
export type Better = 'higher' | 'lower' | 'zero' | null;
export type MetricUnit = 'score' | 'share' | 'ms' | 'count';

export interface MetricRow {
  /** snake_case id, as in the result (`data-metric`). */
  id: string;
  label: string;
  reference: number | null;
  /** Absent without a current side. */
  current?: number | null;
  /** The realized value on current, beside an estimate (estimated performance). */
  realized?: number | null;
  better: Better;
  unit?: MetricUnit;
}

export interface MetricDelta {
  text: string;
  worse: boolean;
}

export interface MetricTableLabels {
  reference: string;
  current: string;
  realized?: string;
}

/** A metric's value; '—' where it is undefined (null) or not computed. */
export function formatMetric(value: number | null | undefined, unit: MetricUnit = 'score'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (unit === 'count') return formatCount(value);
  if (unit === 'share') return formatShare(value);
  if (unit === 'ms') return `${formatScore(value)} ms`;
  return formatScore(value);
}

/** current − reference with its sign (shares in percentage points); null when either side is missing. */
export function metricDelta(row: MetricRow): MetricDelta | null {
  const { reference: ref, current: cur } = row;
  if (ref === null || cur === null || cur === undefined || !Number.isFinite(ref) || !Number.isFinite(cur)) return null;
  const d = cur - ref;
  const sign = d > 0 ? '+' : d < 0 ? '−' : '';
  const size = Math.abs(d);
  const unit = row.unit ?? 'score';
  const text =
    d === 0
      ? '0'
      : unit === 'count'
        ? formatCount(size)
        : unit === 'share'
          ? `${Number((size * 100).toFixed(1))} pp`
          : unit === 'ms'
            ? `${formatScore(size)} ms`
            : formatScore(size);
  const worse = row.better === 'higher' ? d < 0 : row.better === 'lower' ? d > 0 : row.better === 'zero' ? Math.abs(cur) > Math.abs(ref) : false;
  return { text: `${sign}${text}`, worse };
}

/** Warnings of each side, prefixed by the side's name when there are two. */
export function sideWarnings(sides: readonly { name: string; warnings: readonly string[] }[]): string[] {
  return sides.flatMap((s) => s.warnings.map((w) => (sides.length > 1 ? `${s.name}: ${w}` : w)));
}

/** Rows of `spec` with a value on some side (a side's null is shown as '—'; rows undefined everywhere are left out). */
export function rowsOf<M>(
  sides: { reference?: M; current?: M },
  spec: readonly [id: string, label: string, better: Better, value: (m: M) => number | null | undefined, unit?: MetricUnit][],
): MetricRow[] {
  const { reference: ref, current: cur } = sides;
  if (!ref) return [];
  return spec
    .filter(([, , , value]) => typeof value(ref) === 'number' || (cur !== undefined && typeof value(cur) === 'number'))
    .map(([id, label, better, value, unit]) => ({ id, label, better, unit, reference: value(ref) ?? null, ...(cur ? { current: value(cur) ?? null } : {}) }));
}

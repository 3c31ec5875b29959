/**
 * What the runs table and the compare view show, as pure functions over runs: a metric's last / min /
 * max, nested runs under their parent (tag `mlflow.parentRunId`), the side-by-side rows with
 * "differences only", MLflow's EMA smoothing, and whether a param's values are numbers or categories.
 */
import { metricValue as aggregateOf, type MetricAggregate } from './search';
import type { MetricPoint, Run } from './types';

export type { MetricAggregate };
export const PARENT_TAG = 'mlflow.parentRunId';

/**
 * A metric's last (MLflow's latest: highest step, then latest timestamp), min or max value (NaN
 * points left out of min/max); null when the run never logged it. The same numbers the search
 * filter compares and the CSV writes (lib/tracking/search.ts).
 */
export function metricValue(history: readonly MetricPoint[] | undefined, aggregate: MetricAggregate): number | null {
  return aggregateOf(history, aggregate) ?? null;
}

/** A run and its children (runs whose `mlflow.parentRunId` tag names it), as the table lists them. */
export interface RunNode<R extends Run = Run> {
  run: R;
  depth: number;
  children: RunNode<R>[];
}

/**
 * Runs as a forest: a run whose parent is among `runs` goes under it (in the given order); a run
 * whose parent is missing (filtered out, deleted, in another experiment) stays at the top. Cycles
 * (a run that is its own ancestor) are broken at the first run met.
 */
export function nestRuns<R extends Run>(runs: readonly R[]): RunNode<R>[] {
  const byId = new Map(runs.map((r) => [r.id, r]));
  const parentOf = (r: R): string | undefined => {
    const p = r.tags[PARENT_TAG];
    return p !== undefined && p !== r.id && byId.has(p) ? p : undefined;
  };
  const children = new Map<string, R[]>();
  const roots: R[] = [];
  for (const r of runs) {
    const p = parentOf(r);
    if (p === undefined) roots.push(r);
    else children.set(p, [...(children.get(p) ?? []), r]);
  }
  const seen = new Set<string>();
  const build = (run: R, depth: number): RunNode<R> => {
    seen.add(run.id);
    const kids = (children.get(run.id) ?? []).filter((c) => !seen.has(c.id));
    return { run, depth, children: kids.map((c) => build(c, depth + 1)) };
  };
  const forest = roots.map((r) => build(r, 0));
  // Runs only reachable through a cycle: listed at the top so none disappears.
  for (const r of runs) if (!seen.has(r.id)) forest.push(build(r, 0));
  return forest;
}

/** The forest as rows, children listed only under the expanded parents. */
export function visibleRows<R extends Run>(forest: readonly RunNode<R>[], expanded: ReadonlySet<string>): RunNode<R>[] {
  const out: RunNode<R>[] = [];
  const walk = (nodes: readonly RunNode<R>[]) => {
    for (const n of nodes) {
      out.push(n);
      if (expanded.has(n.run.id)) walk(n.children);
    }
  };
  walk(forest);
  return out;
}

export type CompareSection = 'params' | 'metrics' | 'tags';

/** One row of the side-by-side table: a key and each run's value (null: not logged). */
export interface CompareRow {
  section: CompareSection;
  key: string;
  values: (string | number | null)[];
  /** Whether the runs do not all hold the same value (a missing value differs from any value). */
  differs: boolean;
}

function same(a: string | number | null, b: string | number | null): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b) || a === b;
  return a === b;
}

/**
 * Params, metrics (as `aggregate`) and tags of the runs side by side, keys sorted in each section;
 * with `differencesOnly`, only the rows where the runs differ. Tags starting with `mlflow.` are kept
 * (they hold the source, the user, the parent) — the caller may hide them.
 */
export function compareRows(
  runs: readonly Run[],
  { aggregate = 'last', differencesOnly = false }: { aggregate?: MetricAggregate; differencesOnly?: boolean } = {},
): CompareRow[] {
  const rows: CompareRow[] = [];
  const keys = (pick: (r: Run) => Record<string, unknown>) => [...new Set(runs.flatMap((r) => Object.keys(pick(r))))].sort();
  const add = (section: CompareSection, key: string, values: (string | number | null)[]) => {
    const differs = values.some((v) => !same(v, values[0] ?? null));
    if (!differencesOnly || differs) rows.push({ section, key, values, differs });
  };
  for (const key of keys((r) => r.params))
    add(
      'params',
      key,
      runs.map((r) => r.params[key] ?? null),
    );
  for (const key of keys((r) => r.metrics))
    add(
      'metrics',
      key,
      runs.map((r) => metricValue(r.metrics[key], aggregate)),
    );
  for (const key of keys((r) => r.tags))
    add(
      'tags',
      key,
      runs.map((r) => r.tags[key] ?? null),
    );
  return rows;
}

/**
 * Exponential moving average with bias correction, as MLflow's metric charts smooth
 * (mlflow/server/js/src/experiment-tracking/utils/MetricsUtils.ts, `EMA`: the weight is the slider
 * value / (max + 1), non-finite values are passed through and not counted, a constant series and a
 * weight of 0 return the values unchanged). `weight` in [0, 1).
 */
export function emaSmooth(values: readonly number[], weight: number): number[] {
  if (!(weight > 0) || values.length <= 1 || values.every((v) => Object.is(v, values[0]))) return [...values];
  if (weight >= 1) throw new RangeError(`smoothing weight must be below 1, got ${weight}`);
  let ema = 0;
  let finite = 0;
  return values.map((v) => {
    if (!Number.isFinite(v)) return v;
    ema = ema * weight + (1 - weight) * v;
    finite += 1;
    return ema / (1 - weight ** finite);
  });
}

/**
 * A param's values as numbers when every logged one parses as a finite number (MLflow logs params as
 * strings), else null: a categorical param (drawn as boxes, not as a scatter axis).
 */
export function numericValues(values: readonly (string | null)[]): (number | null)[] | null {
  const out: (number | null)[] = [];
  for (const v of values) {
    if (v === null) {
      out.push(null);
      continue;
    }
    const t = v.trim();
    const n = t === '' ? NaN : Number(t);
    if (!Number.isFinite(n)) return null;
    out.push(n);
  }
  return out;
}

/** A run's label in charts and headers: its name, else the first 8 characters of its id. */
export function runLabel(run: Pick<Run, 'id' | 'name'>): string {
  return run.name && run.name !== '' ? run.name : run.id.slice(0, 8);
}

/** A `params.x` or `metrics.x` key's values over the runs: metrics as the aggregate; params as numbers when all parse, else as strings (categorical). */
export function axisValues(runs: readonly Run[], key: string, aggregate: MetricAggregate): (number | string | null)[] {
  if (key.startsWith('metrics.')) return runs.map((r) => metricValue(r.metrics[key.slice(8)], aggregate));
  const raw = runs.map((r) => r.params[key.slice(7)] ?? null);
  return numericValues(raw) ?? raw;
}

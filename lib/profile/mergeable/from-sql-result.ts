/**
 * An engine's profile rows (the result of sql-emit.ts's query: column_name, stat, label, n, value)
 * → a `.dbprofile`. The rows carry the column types, order, category limits and edges, so nothing
 * else is needed. Numeric columns get the engine's quantile grid as `quantiles` (EngineQuantiles, with
 * the rank-error bound of engine-quantiles.ts), and DuckDB's exact sum as the mean.
 */
import { DataError } from '../../errors';
import { engineRankError, largestHalfGap } from './engine-quantiles';
import { PROFILE_FORMAT, PROFILE_VERSION, type DbProfile, type EngineQuantiles, type ProfileColumn, type ProfileColumnType } from './types';

/** One result row as an engine or a CSV gives it (numbers may come as bigint or text). */
export interface SqlProfileRow {
  column_name: string | null;
  stat: string;
  label: string | null;
  n: number | bigint | string | null;
  value: number | string | null;
}

const TYPES: readonly ProfileColumnType[] = ['numeric', 'categorical', 'boolean', 'text'];
const KNOWN_STATS = new Set([
  'rows',
  'type',
  'count',
  'missing',
  'nonfinite',
  'min',
  'max',
  'mean',
  'm2',
  'quantile',
  'quantile_method',
  'sum',
  'edge',
  'bin',
  'distinct',
  'max_categories',
  'category',
]);

interface Collected {
  type?: ProfileColumnType;
  position: number;
  ints: Map<string, number>;
  doubles: Map<string, number | null>;
  edges: Map<number, number>;
  bins: Map<number, number>;
  categories: { value: string; count: number }[];
  quantiles: Map<number, number | null>;
  /** Quantiles at exact ranks: values in (v_{i−1}, v_i] per index. */
  rankCounts: Map<number, number>;
  quantileMethod?: { method: string; grid: number; error: number | null };
  sum?: { hi: bigint; k: number; lo: number | null };
}

function where(i: number, r: SqlProfileRow): string {
  return `profile row ${i + 1} (${r.column_name ?? '—'} ${r.stat})`;
}

function toCount(i: number, r: SqlProfileRow): number {
  const n = typeof r.n === 'string' && r.n.trim() !== '' ? Number(r.n) : typeof r.n === 'bigint' ? Number(r.n) : r.n;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0)
    throw new DataError('sql-result', `${where(i, r)}: n is ${String(r.n)}, expected a count ≥ 0`);
  return n;
}

function toDouble(i: number, r: SqlProfileRow): number | null {
  if (r.value === null || r.value === '') return null;
  const v = typeof r.value === 'string' ? Number(r.value) : r.value;
  if (Number.isNaN(v)) throw new DataError('sql-result', `${where(i, r)}: value ${String(r.value)} is not a number`);
  return v;
}

function toIndex(i: number, r: SqlProfileRow): number {
  const k = Number(r.label);
  if (r.label === null || !Number.isInteger(k) || k < 0) throw new DataError('sql-result', `${where(i, r)}: label ${String(r.label)} is not a bin/edge index`);
  return k;
}

/** DuckDB's exact sum row: label = Σ trunc(x·2^k) as an integer, n = k, value = the compensated Σ of the rest. */
function toSum(i: number, r: SqlProfileRow): Collected['sum'] {
  const k = Number(r.n);
  if (r.label === null) return undefined;
  if (!/^-?\d+$/.test(r.label.trim()) || !Number.isInteger(k))
    throw new DataError('sql-result', `${where(i, r)}: expected an integer sum label and scale n, got ${r.label} and ${String(r.n)}`);
  return { hi: BigInt(r.label.trim()), k, lo: toDouble(i, r) };
}

function collect(rows: readonly SqlProfileRow[]): { total: number; columns: Map<string, Collected> } {
  let total: number | undefined;
  const columns = new Map<string, Collected>();
  rows.forEach((r, i) => {
    if (!KNOWN_STATS.has(r.stat))
      throw new DataError('sql-result', `${where(i, r)}: unknown stat ${r.stat}; was the query emitted by driftbook profile --emit-sql?`);
    if (r.stat === 'rows') return void (total = toCount(i, r));
    if (r.column_name === null) throw new DataError('sql-result', `${where(i, r)}: column_name is empty`);
    let c = columns.get(r.column_name);
    if (!c)
      columns.set(
        r.column_name,
        (c = {
          position: Infinity,
          ints: new Map(),
          doubles: new Map(),
          edges: new Map(),
          bins: new Map(),
          categories: [],
          quantiles: new Map(),
          rankCounts: new Map(),
        }),
      );
    switch (r.stat) {
      case 'type':
        if (!TYPES.includes(r.label as ProfileColumnType))
          throw new DataError('sql-result', `${where(i, r)}: type ${String(r.label)} is not one of ${TYPES.join(', ')}`);
        c.type = r.label as ProfileColumnType;
        c.position = toCount(i, r);
        break;
      case 'min':
      case 'max':
      case 'mean':
      case 'm2':
        c.doubles.set(r.stat, toDouble(i, r));
        break;
      case 'quantile':
        c.quantiles.set(toIndex(i, r), toDouble(i, r));
        if (r.n !== null) c.rankCounts.set(toIndex(i, r), toCount(i, r));
        break;
      case 'quantile_method':
        c.quantileMethod = { method: r.label ?? '', grid: toCount(i, r), error: toDouble(i, r) };
        break;
      case 'sum':
        c.sum = toSum(i, r);
        break;
      case 'edge': {
        const e = toDouble(i, r);
        if (e === null) throw new DataError('sql-result', `${where(i, r)}: edge value is empty`);
        c.edges.set(toIndex(i, r), e);
        break;
      }
      case 'bin':
        c.bins.set(toIndex(i, r), toCount(i, r));
        break;
      case 'category':
        // The query leaves NULL out of the categories: an empty label is '' that a CSV wrote as an empty cell.
        c.categories.push({ value: r.label ?? '', count: toCount(i, r) });
        break;
      default:
        c.ints.set(r.stat, toCount(i, r));
    }
  });
  if (total === undefined) throw new DataError('sql-result', 'profile rows: no "rows" row; pass the whole result of the emitted query');
  return { total, columns };
}

function need(name: string, c: Collected, stat: string): number {
  const v = c.ints.get(stat);
  if (v === undefined) throw new DataError('sql-result', `column ${name}: no "${stat}" row in the profile rows`);
  return v;
}

function numericColumn(name: string, c: Collected, base: ProfileColumn): ProfileColumn {
  const count = base.count;
  const min = c.doubles.get('min') ?? null;
  const max = c.doubles.get('max') ?? null;
  const col: ProfileColumn = { ...base, nonFinite: need(name, c, 'nonfinite'), min: count > 0 ? min : null, max: count > 0 ? max : null };
  // Σhi·2^−k is exact up to one rounding (Number of a bigint); the exact sum's mean beats the engine's.
  const mean = c.sum ? (Number(c.sum.hi) * 2 ** -c.sum.k + (c.sum.lo ?? 0)) / count : c.doubles.get('mean');
  col.moments = count > 0 ? { n: count, mean: mean ?? NaN, M2: c.doubles.get('m2') ?? NaN } : { n: 0, mean: 0, M2: 0 };
  if (count > 0 && !(Number.isFinite(col.moments.mean) && Number.isFinite(col.moments.M2)))
    throw new DataError('sql-result', `column ${name}: mean or m2 row missing or not finite with ${count} values`);
  if (c.edges.size > 0) {
    const edges = [...c.edges.keys()].sort((a, b) => a - b).map((k) => c.edges.get(k)!);
    const counts = edges.slice(1).map((_, k) => c.bins.get(k) ?? 0);
    const binned = counts.reduce((s, k) => s + k, 0);
    if (binned !== count) throw new DataError('sql-result', `column ${name}: bins hold ${binned} values, count is ${count}`);
    col.histogram = { edges, counts };
  }
  if (c.quantileMethod && count > 0) col.quantiles = quantilesOf(name, c, count, col.min);
  return col;
}

function quantilesOf(name: string, c: Collected, n: number, min: number | null): EngineQuantiles {
  const { method, grid, error } = c.quantileMethod!;
  const probs = Array.from({ length: grid + 1 }, (_, i) => i / grid);
  const values = probs.map((_, i) => c.quantiles.get(i));
  const bad = values.findIndex((v, i) => typeof v !== 'number' || (i > 0 && v < values[i - 1]!));
  if (bad >= 0)
    throw new DataError(
      'sql-result',
      `column ${name}: quantile ${bad} of ${grid} is ${String(values[bad])}; expected ${grid + 1} non-decreasing quantile rows`,
    );
  if (c.rankCounts.size === 0) return { n, probs, values: values as number[], rankError: engineRankError(probs, n, error, values as number[]), method };
  // Exact ranks F(v_i) = (values ≤ v_i)/n: the bound is half the widest gap, nothing added; a value
  // with no data since the previous one adds no step and is dropped.
  const ranked: EngineQuantiles = { n, probs: [], values: [], rankError: 0, method };
  let below = 0;
  values.forEach((v, i) => {
    below += c.rankCounts.get(i) ?? 0;
    if (below > n) throw new DataError('sql-result', `column ${name}: quantile ranks add up to ${below}, count is ${n}`);
    if (ranked.probs.length && below / n === ranked.probs[ranked.probs.length - 1]) return;
    ranked.probs.push(below / n);
    ranked.values.push(v!);
  });
  // The first value is the minimum (as --duckdb's are): nothing lies below it, F(min⁻) = 0.
  if (ranked.values[0] === min && ranked.probs[0]! > 0) {
    ranked.values.unshift(min);
    ranked.probs.unshift(0);
  }
  ranked.rankError = largestHalfGap(ranked.probs, ranked.values);
  return ranked;
}

function categoryColumn(name: string, c: Collected, base: ProfileColumn): ProfileColumn {
  const maxCategories = need(name, c, 'max_categories');
  const distinct = need(name, c, 'distinct');
  const sorted = [...c.categories].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const counted = sorted.reduce((s, v) => s + v.count, 0);
  if (counted > base.count) throw new DataError('sql-result', `column ${name}: categories hold ${counted} values, count is ${base.count}`);
  const categories = {
    maxCategories,
    values: sorted.map((v) => v.value),
    counts: sorted.map((v) => v.count),
    other: base.count - counted,
    truncated: distinct > maxCategories,
  };
  return { ...base, categories };
}

/** Build a `.dbprofile` from the profile rows of an engine; `source` names the table or query. */
export function profileFromSqlRows(rows: readonly SqlProfileRow[], source: string): DbProfile {
  const { total, columns } = collect(rows);
  const ordered = [...columns.entries()].sort((a, b) => a[1].position - b[1].position);
  const out = ordered.map(([name, c]): ProfileColumn => {
    if (c.type === undefined) throw new DataError('sql-result', `column ${name}: no "type" row in the profile rows`);
    const base: ProfileColumn = { name, type: c.type, count: need(name, c, 'count'), missing: need(name, c, 'missing'), nonFinite: 0, min: null, max: null };
    if (base.count + base.missing + (c.ints.get('nonfinite') ?? 0) !== total)
      throw new DataError('sql-result', `column ${name}: count ${base.count} + missing ${base.missing} + non-finite does not add up to ${total} rows`);
    return c.type === 'numeric' ? numericColumn(name, c, base) : categoryColumn(name, c, base);
  });
  return { format: PROFILE_FORMAT, version: PROFILE_VERSION, rows: total, source: { names: [source] }, columns: out };
}

/**
 * The SQL that profiles a table inside an engine (DuckDB, Spark SQL, BigQuery, Postgres). Pure text:
 * the engine returns "profile rows" in one long shape (column_name, stat, label, n, value) that
 * from-sql-result.ts turns into a `.dbprofile`. The rows describe themselves (type, order, limits,
 * edges, quantile grid and method), so the result file alone is enough to build the profile.
 *
 * One scan (`agg`) computes every column's counts, min/max, moments, quantile grid and histogram
 * (cumulative counts below each inner edge). DuckDB also takes its categories from histogram() in that
 * scan and an exact sum (below); the other dialects count categories with one GROUP BY per column.
 */
import { AnalysisError } from '../../errors';
import { DIALECTS, nextDown, SQL_DIALECTS, type Dialect, type SqlDialect } from './sql-dialects';
import { DEFAULT_MAX_CATEGORIES } from './types';

export { SQL_DIALECTS, type SqlDialect } from './sql-dialects';

/** Column types a SQL profile supports (datetime columns are not profiled in SQL yet). */
export type SqlColumnType = 'numeric' | 'categorical' | 'boolean' | 'text';

export interface SqlColumn {
  name: string;
  type: SqlColumnType;
  /** Fixed histogram edges (≥ 2, strictly increasing) for a numeric column; no histogram without. */
  edges?: readonly number[];
}

export interface EmitSqlOptions {
  dialect: SqlDialect;
  /** A relation as SQL text, used as given: a table name, `'x/*.parquet'`, or `(SELECT …)`. */
  from: string;
  columns: readonly SqlColumn[];
  maxCategories?: number;
  /** m of the quantile grid i/m, i = 0…m (0: no quantiles). */
  quantileGrid?: number;
  /**
   * DuckDB: the largest |finite value| of each numeric column (null: none), when a first scan already
   * found it; without it a `mag` CTE scans for it.
   */
  magnitudes?: Readonly<Record<string, number | null>>;
  /**
   * DuckDB: per numeric column, ascending distinct values (e.g. a first scan's approx_quantile grid)
   * whose exact ranks the scan counts (histogram(x, values)) instead of sorting the column for its
   * exact grid — much faster on large tables, with the bound measured from the exact ranks.
   */
  rankValues?: Readonly<Record<string, readonly number[]>>;
}

/** The method of quantiles at exact ranks (see from-sql-result.ts: their bound is half the widest rank gap). */
export const RANKED_METHOD = 'duckdb approx_quantile (t-digest) values at exact ranks';

/** m = 1000: the grid alone adds at most 1/(2m) = 0.05 % to a quantile profile's rank error. */
export const DEFAULT_QUANTILE_GRID = 1000;

/** A double as SQL text that reads back as the same double (shortest round-trip digits). */
function doubleLiteral(d: Dialect, v: number): string {
  return `CAST(${d.str(String(v))} AS ${d.double})`;
}

function checkOptions(o: EmitSqlOptions): void {
  if (!SQL_DIALECTS.includes(o.dialect)) throw new AnalysisError('sql-dialect', `--dialect: ${String(o.dialect)} is not one of ${SQL_DIALECTS.join(', ')}`);
  if (o.columns.length === 0)
    throw new AnalysisError('sql-columns', '--columns: no column given; list them as name:type,… (types numeric, categorical, boolean, text)');
  const seen = new Set<string>();
  for (const c of o.columns) {
    if (seen.has(c.name)) throw new AnalysisError('sql-columns', `--columns: ${c.name} is listed twice`);
    seen.add(c.name);
    const e = c.edges;
    if (e === undefined) continue;
    if (c.type !== 'numeric') throw new AnalysisError('sql-edges', `--edges ${c.name}: edges apply to numeric columns, ${c.name} is ${c.type}`);
    if (e.length < 2 || !e.every((v, i) => Number.isFinite(v) && (i === 0 || v > e[i - 1]!)))
      throw new AnalysisError('sql-edges', `--edges ${c.name}: [${e.join(', ')}] must be at least 2 finite, strictly increasing numbers`);
  }
  const m = o.maxCategories ?? DEFAULT_MAX_CATEGORIES;
  if (!Number.isInteger(m) || m < 1) throw new AnalysisError('sql-max-categories', `--max-categories: ${m} is not a positive integer`);
  const g = o.quantileGrid ?? DEFAULT_QUANTILE_GRID;
  if (!Number.isInteger(g) || g < 0) throw new AnalysisError('sql-quantiles', `quantile grid: ${g} is not a non-negative integer`);
}

/**
 * DuckDB's exact sum: with k = 90 − ⌈log2 max|x|⌉, hi = trunc(x·2^k) is an integer below 2^90
 * summed exactly as HUGEINT, and lo = x − hi/2^k (exact, |lo| < 2^−k) summed compensated, so
 * Σx = Σhi·2^−k + Σlo to ~1 ulp whatever the cancellation (favg's Kahan sum is off by up to
 * 2ε·Σ|x|, 2e-10 relative on a near-zero-mean column of 20M rows).
 */
function scaleExponent(maxAbs: string): string {
  return `CASE WHEN ${maxAbs} > 0 THEN CAST(greatest(-1000, least(1000, 90 - ceil(log2(${maxAbs})))) AS INTEGER) ELSE 0 END`;
}

/**
 * The profiling query. Result columns: column_name, stat, label, n, value. Stats: `rows` (n), and
 * per column `type` (label = type, n = position), numeric: count, missing, nonfinite (n), min, max,
 * mean, m2 (value = var_pop · n), DuckDB `sum` (label = Σhi as text, n = k, value = Σlo),
 * quantile_method (label = method, n = m, value = engine rank error or NULL), quantile (label = i,
 * value at p = i/m; with rankValues also n = values in (v_{i−1}, v_i]), edge (label = i, value), bin (label = i, n); others: count, missing, distinct,
 * max_categories (n), category (label, n).
 */
export function emitProfileSql(options: EmitSqlOptions): string {
  checkOptions(options);
  const d = DIALECTS[options.dialect];
  const maxCategories = options.maxCategories ?? DEFAULT_MAX_CATEGORIES;
  const grid = options.quantileGrid ?? DEFAULT_QUANTILE_GRID;
  const cast = (x: string) => `CAST(${x} AS ${d.double})`;
  const inner: string[] = [];
  const projected: string[] = [];
  const aggs: string[] = ['COUNT(*) AS a_rows'];
  const mag: string[] = [];
  let scanForMagnitudes = false;
  const rows: string[] = [];
  const ctes: string[] = [];
  const row = (col: string | null, stat: string, label: string | null, n: string | null, value: string | null, from = 'agg') =>
    `SELECT ${col === null ? `CAST(NULL AS ${d.text})` : d.str(col)} AS column_name, ${d.str(stat)} AS stat, ` +
    `CAST(${label ?? 'NULL'} AS ${d.text}) AS label, CAST(${n ?? 'NULL'} AS ${d.int}) AS n, CAST(${value ?? 'NULL'} AS ${d.double}) AS value FROM ${from}`;
  rows.push(row(null, 'rows', null, 'a_rows', null));
  options.columns.forEach((c, ci) => {
    const a = (s: string) => `a${ci}_${s}`;
    const col = d.ident(c.name);
    rows.push(row(c.name, 'type', d.str(c.type), String(ci), null));
    if (c.type !== 'numeric') {
      const v = `v${ci}`;
      inner.push(`CAST(${col} AS ${d.text}) AS ${v}`);
      projected.push(v);
      aggs.push(`COUNT(${v}) AS ${a('count')}`, `SUM(CASE WHEN ${v} IS NULL THEN 1 ELSE 0 END) AS ${a('missing')}`);
      if (d.onePass) aggs.push(`histogram(${v}) AS ${a('h')}`);
      else aggs.push(`COUNT(DISTINCT ${v}) AS ${a('distinct')}`);
      for (const s of ['count', 'missing']) rows.push(row(c.name, s, null, a(s), null));
      rows.push(row(c.name, 'distinct', null, d.onePass ? `coalesce(cardinality(${a('h')}), 0)` : a('distinct'), null));
      rows.push(row(c.name, 'max_categories', null, String(maxCategories), null));
      const cte = `c${ci}`;
      ctes.push(
        d.onePass
          ? `${cte} AS (SELECT e.key AS v, e.value AS k FROM (SELECT unnest(map_entries(${a('h')})) AS e FROM agg) s ORDER BY k DESC, v LIMIT ${maxCategories})`
          : `${cte} AS (SELECT v, k FROM (SELECT CAST(${col} AS ${d.text}) AS v, COUNT(*) AS k FROM ${options.from} WHERE ${col} IS NOT NULL GROUP BY 1) s ORDER BY k DESC, v LIMIT ${maxCategories})`,
      );
      rows.push(row(c.name, 'category', 'v', 'k', null, cte));
      return;
    }
    const [x, f] = [`x${ci}`, `f${ci}`];
    const finite = (y: string) => `CASE WHEN NOT (${d.isNan(y)}) AND NOT (${d.isInf(y)}) THEN ${y} END`;
    inner.push(`${cast(col)} AS ${x}`);
    projected.push(x, `${finite(x)} AS ${f}`);
    aggs.push(
      `COUNT(${f}) AS ${a('count')}`,
      `SUM(CASE WHEN ${x} IS NULL OR ${d.isNan(x)} THEN 1 ELSE 0 END) AS ${a('missing')}`,
      `SUM(CASE WHEN ${d.isInf(x)} THEN 1 ELSE 0 END) AS ${a('nonfinite')}`,
      `MIN(${f}) AS ${a('min')}`,
      `MAX(${f}) AS ${a('max')}`,
      `${d.mean(f)} AS ${a('mean')}`,
      `VAR_POP(${f}) * COUNT(${f}) AS ${a('m2')}`,
    );
    for (const s of ['count', 'missing', 'nonfinite']) rows.push(row(c.name, s, null, a(s), null));
    for (const s of ['min', 'max', 'mean', 'm2']) rows.push(row(c.name, s, null, null, a(s)));
    if (d.onePass) {
      const known = options.magnitudes?.[c.name];
      if (known === undefined) scanForMagnitudes = true;
      const maxAbs = known === undefined ? `MAX(abs(${finite(cast(col))}))` : known === null ? 'NULL' : doubleLiteral(d, known);
      mag.push(`${scaleExponent(maxAbs)} AS k${ci}`);
      const hi = `trunc(${f} * pow(2.0, mag.k${ci}))`;
      aggs.push(`SUM(CAST(${hi} AS HUGEINT)) AS ${a('sumhi')}`, `fsum(${f} - ${hi} / pow(2.0, mag.k${ci})) AS ${a('sumlo')}`, `MIN(mag.k${ci}) AS ${a('k')}`);
      rows.push(row(c.name, 'sum', a('sumhi'), a('k'), a('sumlo')));
    }
    const ranked = d.onePass ? options.rankValues?.[c.name] : undefined;
    if (ranked?.length) {
      // Exact ranks: the counts in (v_{i−1}, v_i] of the given values, cumulated by from-sql-result.ts.
      const list = `[${ranked.map((v) => d.str(String(v))).join(', ')}]::DOUBLE[]`;
      aggs.push(`histogram(${f}, ${list}) AS ${a('qh')}`);
      rows.push(row(c.name, 'quantile_method', d.str(RANKED_METHOD), String(ranked.length - 1), '0'));
      const from = `agg, (SELECT unnest(range(0, ${ranked.length})) AS i, unnest(${list}) AS v) g`;
      rows.push(row(c.name, 'quantile', 'g.i', `coalesce(${a('qh')}[g.v], 0)`, 'g.v', from));
    } else if (grid > 0) {
      aggs.push(`${d.quantiles(f, grid)} AS ${a('q')}`);
      const error = d.quantileError === null ? null : String(d.quantileError);
      rows.push(row(c.name, 'quantile_method', d.str(d.quantileMethod), String(grid), error));
      const q = d.quantileRows(a('q'), grid);
      rows.push(row(c.name, 'quantile', q.index, null, q.value, q.from));
    }
    // Bin counts from cumulative counts below each inner edge: DuckDB's histogram(x, bounds) counts
    // (b_{i−1}, b_i], so its bounds are nextDown(edge); the others sum x < edge per edge.
    const binRows = (inner: readonly number[]): string[] => {
      if (d.onePass && inner.length) {
        aggs.push(`histogram(${f}, [${inner.map((edge) => doubleLiteral(d, nextDown(edge))).join(', ')}]) AS ${a('hb')}`);
        const bins = inner.map((edge) => `coalesce(${a('hb')}[${doubleLiteral(d, nextDown(edge))}], 0)`);
        return [...bins, `${a('count')} - (${bins.join(' + ')})`];
      }
      const below = inner.map((edge, i) => {
        aggs.push(`SUM(CASE WHEN ${f} < ${doubleLiteral(d, edge)} THEN 1 ELSE 0 END) AS ${a(`lt${i + 1}`)}`);
        return a(`lt${i + 1}`);
      });
      const cumulative = ['0', ...below, a('count')];
      return cumulative.slice(1).map((upper, i) => (i === 0 ? upper : `${upper} - ${cumulative[i]}`));
    };
    if (c.edges) {
      const e = c.edges;
      e.forEach((edge, i) => rows.push(row(c.name, 'edge', d.str(String(i)), null, doubleLiteral(d, edge))));
      // Open outer edges: bin i holds values in [e_i, e_{i+1}), the first also those below e_0, the last those ≥ e_{k−1}.
      const inner = e.slice(1, -1);
      binRows(inner).forEach((n, i) => rows.push(row(c.name, 'bin', d.str(String(i)), n, null)));
    }
  });
  const source = `(SELECT ${projected.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${options.from}) s1) s2`;
  const magCte = mag.length ? [`mag AS (SELECT ${mag.join(', ')}${scanForMagnitudes ? ` FROM ${options.from}` : ''})`] : [];
  const agg = `agg AS (SELECT\n  ${aggs.join(',\n  ')}\nFROM ${source}${magCte.length ? ', mag' : ''})`;
  return `WITH ${[...magCte, agg, ...ctes].join(',\n')}\n${rows.join('\nUNION ALL\n')}\n`;
}

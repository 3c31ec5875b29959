/**
 * The SQL that profiles a table inside an engine (DuckDB, Spark SQL, BigQuery, Postgres). Pure text:
 * the engine returns "profile rows" in one long shape (column_name, stat, label, n, value) that
 * from-sql-result.ts turns into a `.dbprofile`. The rows describe themselves (type, order, limits,
 * edges), so the result file alone is enough to build the profile.
 */
import { AnalysisError } from '../../errors';
import { DEFAULT_MAX_CATEGORIES } from './types';

export const SQL_DIALECTS = ['duckdb', 'spark', 'bigquery', 'postgres'] as const;
export type SqlDialect = (typeof SQL_DIALECTS)[number];

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
  /** Probabilities of the approximate quantiles reported per numeric column. */
  quantiles?: readonly number[];
}

export const DEFAULT_SQL_QUANTILES = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99];

interface Dialect {
  ident(name: string): string;
  str(text: string): string;
  text: string;
  int: string;
  double: string;
  isNan(x: string): string;
  isInf(x: string): string;
  mean(x: string): string;
  /** One aggregate with every approximate quantile (one sketch per column, not one per p)… */
  quantiles(x: string, ps: readonly number[]): string;
  /** …and the p-th (index i) of its result. */
  quantileAt(alias: string, i: number, p: number): string;
}

const doubled = (q: string) => (s: string) => q + s.split(q).join(q + q) + q;
const backslashed = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

const DIALECTS: Record<SqlDialect, Dialect> = {
  duckdb: {
    ident: doubled('"'),
    str: doubled("'"),
    text: 'VARCHAR',
    int: 'BIGINT',
    double: 'DOUBLE',
    isNan: (x) => `isnan(${x})`,
    isInf: (x) => `isinf(${x})`,
    // favg: DuckDB's Kahan-compensated mean (avg sums plainly).
    mean: (x) => `favg(${x})`,
    quantiles: (x, ps) => `approx_quantile(${x}, [${ps.join(', ')}])`,
    quantileAt: (a, i) => `${a}[${i + 1}]`,
  },
  spark: {
    ident: doubled('`'),
    str: backslashed,
    text: 'STRING',
    int: 'BIGINT',
    double: 'DOUBLE',
    isNan: (x) => `isnan(${x})`,
    isInf: (x) => `abs(${x}) = CAST('Infinity' AS DOUBLE)`,
    mean: (x) => `avg(${x})`,
    quantiles: (x, ps) => `percentile_approx(${x}, array(${ps.join(', ')}))`,
    quantileAt: (a, i) => `${a}[${i}]`,
  },
  bigquery: {
    ident: (s) => '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`') + '`',
    str: backslashed,
    text: 'STRING',
    int: 'INT64',
    double: 'FLOAT64',
    isNan: (x) => `IS_NAN(${x})`,
    isInf: (x) => `IS_INF(${x})`,
    mean: (x) => `AVG(${x})`,
    // APPROX_QUANTILES(x, 1000) returns 1001 boundaries; the p-th is at offset round(1000 p).
    quantiles: (x) => `APPROX_QUANTILES(${x}, 1000)`,
    quantileAt: (a, _i, p) => `${a}[OFFSET(${Math.round(p * 1000)})]`,
  },
  postgres: {
    ident: doubled('"'),
    str: doubled("'"),
    text: 'TEXT',
    int: 'BIGINT',
    double: 'DOUBLE PRECISION',
    // Postgres orders NaN above every number and NaN = NaN is true.
    isNan: (x) => `${x} = 'NaN'::float8`,
    isInf: (x) => `abs(${x}) = 'Infinity'::float8`,
    mean: (x) => `avg(${x})`,
    // Exact (Postgres has no approximate quantile built in).
    quantiles: (x, ps) => `percentile_cont(ARRAY[${ps.join(', ')}]::float8[]) WITHIN GROUP (ORDER BY ${x})`,
    quantileAt: (a, i) => `${a}[${i + 1}]`,
  },
};

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
  for (const p of o.quantiles ?? []) if (!(p >= 0 && p <= 1)) throw new AnalysisError('sql-quantiles', `quantile ${p} is not a probability in [0, 1]`);
}

/** Bin index of x on open outer edges: the number of inner edges ≤ x (numpy's [e_i, e_{i+1})). */
function bucketCase(d: Dialect, x: string, edges: readonly number[]): string {
  const inner = edges.slice(1, -1);
  if (inner.length === 0) return '0';
  const whens = inner.map((e, i) => `WHEN ${x} < ${doubleLiteral(d, e)} THEN ${i}`).join(' ');
  return `CASE ${whens} ELSE ${inner.length} END`;
}

/**
 * The profiling query. Result columns: column_name, stat, label, n, value. Stats: `rows` (n), and
 * per column `type` (label = type, n = position), numeric: count, missing, nonfinite (n), min, max,
 * mean, m2 (value = var_pop · n), quantile (label = p, value), edge (label = i, value), bin
 * (label = i, n); others: count, missing, distinct, max_categories (n), category (label, n).
 */
export function emitProfileSql(options: EmitSqlOptions): string {
  checkOptions(options);
  const d = DIALECTS[options.dialect];
  const maxCategories = options.maxCategories ?? DEFAULT_MAX_CATEGORIES;
  const quantiles = options.quantiles ?? DEFAULT_SQL_QUANTILES;
  const aggs: string[] = ['COUNT(*) AS a_rows'];
  const rows: string[] = [];
  const ctes: string[] = [];
  const row = (col: string | null, stat: string, label: string | null, n: string | null, value: string | null, from: string) =>
    `SELECT ${col === null ? `CAST(NULL AS ${d.text})` : d.str(col)} AS column_name, ${d.str(stat)} AS stat, ` +
    `CAST(${label ?? 'NULL'} AS ${d.text}) AS label, CAST(${n ?? 'NULL'} AS ${d.int}) AS n, CAST(${value ?? 'NULL'} AS ${d.double}) AS value FROM ${from}`;
  rows.push(row(null, 'rows', null, 'a_rows', null, 'agg'));
  options.columns.forEach((c, ci) => {
    const a = (s: string) => `a${ci}_${s}`;
    const col = d.ident(c.name);
    rows.push(row(c.name, 'type', d.str(c.type), String(ci), null, 'agg'));
    if (c.type === 'numeric') {
      const x = `CAST(${col} AS ${d.double})`;
      const fin = `CASE WHEN NOT (${d.isNan(x)}) AND NOT (${d.isInf(x)}) THEN ${x} END`;
      aggs.push(
        `COUNT(${fin}) AS ${a('count')}`,
        `SUM(CASE WHEN ${col} IS NULL OR ${d.isNan(x)} THEN 1 ELSE 0 END) AS ${a('missing')}`,
        `SUM(CASE WHEN ${d.isInf(x)} THEN 1 ELSE 0 END) AS ${a('nonfinite')}`,
        `MIN(${fin}) AS ${a('min')}`,
        `MAX(${fin}) AS ${a('max')}`,
        `${d.mean(fin)} AS ${a('mean')}`,
        `VAR_POP(${fin}) * COUNT(${fin}) AS ${a('m2')}`,
        ...(quantiles.length ? [`${d.quantiles(fin, quantiles)} AS ${a('q')}`] : []),
      );
      for (const s of ['count', 'missing', 'nonfinite']) rows.push(row(c.name, s, null, a(s), null, 'agg'));
      for (const s of ['min', 'max', 'mean', 'm2']) rows.push(row(c.name, s, null, null, a(s), 'agg'));
      quantiles.forEach((p, qi) => rows.push(row(c.name, 'quantile', d.str(String(p)), null, d.quantileAt(a('q'), qi, p), 'agg')));
      if (c.edges) {
        c.edges.forEach((e, i) => rows.push(row(c.name, 'edge', d.str(String(i)), null, doubleLiteral(d, e), 'agg')));
        const cte = `h${ci}`;
        ctes.push(
          `${cte} AS (SELECT ${bucketCase(d, 'x', c.edges)} AS b, COUNT(*) AS k FROM (SELECT ${fin} AS x FROM ${options.from}) s WHERE x IS NOT NULL GROUP BY 1)`,
        );
        rows.push(row(c.name, 'bin', 'b', 'k', null, cte));
      }
    } else {
      const v = `CAST(${col} AS ${d.text})`;
      aggs.push(
        `COUNT(${col}) AS ${a('count')}`,
        `SUM(CASE WHEN ${col} IS NULL THEN 1 ELSE 0 END) AS ${a('missing')}`,
        `COUNT(DISTINCT ${v}) AS ${a('distinct')}`,
      );
      for (const s of ['count', 'missing', 'distinct']) rows.push(row(c.name, s, null, a(s), null, 'agg'));
      rows.push(row(c.name, 'max_categories', null, String(maxCategories), null, 'agg'));
      const cte = `c${ci}`;
      ctes.push(
        `${cte} AS (SELECT v, k FROM (SELECT ${v} AS v, COUNT(*) AS k FROM ${options.from} WHERE ${col} IS NOT NULL GROUP BY 1) s ORDER BY k DESC, v LIMIT ${maxCategories})`,
      );
      rows.push(row(c.name, 'category', 'v', 'k', null, cte));
    }
  });
  const agg = `agg AS (SELECT\n  ${aggs.join(',\n  ')}\nFROM ${options.from})`;
  return `WITH ${[agg, ...ctes].join(',\n')}\n${rows.join('\nUNION ALL\n')}\n`;
}

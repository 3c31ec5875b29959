/**
 * What differs between the engines that run the profiling query of sql-emit.ts: quoting, type
 * names, NaN/Infinity tests, and how each computes the quantile grid and the mean.
 *
 * Quantiles: every dialect returns the values at the grid p_i = i/m (i = 0…m) as one array
 * aggregate, plus the engine's documented rank error δ (EngineQuantiles.rankError = 1/(2m) + δ + 1/n):
 * - duckdb: the values sorted (list_sort(list(x))) and picked at the 1-based ranks ⌈i·n/m⌉ — exact, the
 *   inverse-CDF quantile, δ = 0 (its quantile_disc is exact too, but takes ~30 s per column and 1M rows
 *   for a 1001-point grid; approx_quantile is a t-digest with no documented bound).
 * - postgres: percentile_disc(fractions[]) — exact, "the first value whose position in the ordering
 *   equals or exceeds the specified fraction" (postgresql.org, ordered-set aggregates), δ = 0.
 * - spark: percentile_approx(x, array(…), accuracy) — "1.0/accuracy is the relative error of the
 *   approximation" (spark.apache.org, pyspark.sql.functions.percentile_approx), δ = 1/accuracy.
 * - bigquery: APPROX_QUANTILES(x, m) returns the m + 1 boundaries; the docs state no error bound
 *   ("approximate aggregate functions … don't let you specify the precision", cloud.google.com
 *   approximate_aggregate_functions), so δ is null: no bound.
 */

export const SQL_DIALECTS = ['duckdb', 'spark', 'bigquery', 'postgres'] as const;
export type SqlDialect = (typeof SQL_DIALECTS)[number];

/** Spark's percentile_approx accuracy we emit (its default): rank error 1/accuracy. */
export const SPARK_ACCURACY = 10000;

export interface Dialect {
  ident(name: string): string;
  str(text: string): string;
  text: string;
  int: string;
  double: string;
  isNan(x: string): string;
  isInf(x: string): string;
  /** Mean of the finite values (DuckDB's profile also carries an exact sum, see sql-emit.ts). */
  mean(x: string): string;
  /** One aggregate returning the m + 1 values at p = i/m, i = 0…m. */
  quantiles(x: string, m: number): string;
  /** FROM clause listing one row per grid index of the array `alias` (from the `agg` CTE), its 0-based index and value. */
  quantileRows(alias: string, m: number): { from: string; index: string; value: string };
  quantileMethod: string;
  /** The engine's own rank error δ of each quantile, null when it documents none. */
  quantileError: number | null;
  /** DuckDB: exact sums (HUGEINT) and categories from histogram() in the one scan. */
  onePass: boolean;
}

const doubled = (q: string) => (s: string) => q + s.split(q).join(q + q) + q;
const backslashed = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The grid i/m as SQL number literals (shortest round-trip digits: "0.001", …). */
/** The largest double below x (x finite): `v < x` ⟺ `v ≤ nextDown(x)`, for engines that count `≤` only. */
export function nextDown(x: number): number {
  if (x === 0) return -Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, x > 0 ? bits - 1n : bits + 1n);
  return view.getFloat64(0);
}

export function gridLiterals(m: number): string {
  return Array.from({ length: m + 1 }, (_, i) => String(i / m)).join(', ');
}

export const DIALECTS: Record<SqlDialect, Dialect> = {
  duckdb: {
    ident: doubled('"'),
    str: doubled("'"),
    text: 'VARCHAR',
    int: 'BIGINT',
    double: 'DOUBLE',
    isNan: (x) => `isnan(${x})`,
    isInf: (x) => `isinf(${x})`,
    mean: (x) => `favg(${x})`,
    quantiles: (x, m) =>
      `list_select(list_sort(list(${x}) FILTER (WHERE ${x} IS NOT NULL)), list_transform(range(0, ${m + 1}), i -> greatest(1, (i * count(${x}) + ${m - 1}) // ${m})))`,
    quantileRows: (a, m) => ({ from: `agg, range(0, ${m + 1}) AS g(i)`, index: 'g.i', value: `${a}[g.i + 1]` }),
    quantileMethod: 'duckdb list_sort at ranks ceil(i*n/m) (exact)',
    quantileError: 0,
    onePass: true,
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
    quantiles: (x, m) => `percentile_approx(${x}, array(${gridLiterals(m)}), ${SPARK_ACCURACY})`,
    quantileRows: (a) => ({ from: `agg LATERAL VIEW posexplode(${a}) g AS i, v`, index: 'i', value: 'v' }),
    quantileMethod: `spark percentile_approx (accuracy ${SPARK_ACCURACY})`,
    quantileError: 1 / SPARK_ACCURACY,
    onePass: false,
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
    quantiles: (x, m) => `APPROX_QUANTILES(${x}, ${m} IGNORE NULLS)`,
    quantileRows: (a) => ({ from: `agg, UNNEST(${a}) AS v WITH OFFSET AS i`, index: 'i', value: 'v' }),
    quantileMethod: 'bigquery APPROX_QUANTILES (no documented error bound)',
    quantileError: null,
    onePass: false,
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
    quantiles: (x, m) => `percentile_disc(ARRAY[${gridLiterals(m)}]::float8[]) WITHIN GROUP (ORDER BY ${x})`,
    quantileRows: (a) => ({ from: `agg, unnest(${a}) WITH ORDINALITY AS g(v, i)`, index: 'g.i - 1', value: 'g.v' }),
    quantileMethod: 'postgres percentile_disc (exact)',
    quantileError: 0,
    onePass: false,
  },
};

/**
 * `driftbook profile --duckdb "SELECT … FROM 'events/*.parquet'"`: the profiling query of
 * sql-emit.ts run in DuckDB (@duckdb/node-api, Node only), its rows turned into the same
 * `.dbprofile` as `driftbook profile --data`. Rows never reach Node: DuckDB scans twice (min/max, then
 * every statistic in one aggregate) and returns a few hundred profile rows.
 */
import { DuckDBInstance, DuckDBListValue, type DuckDBConnection } from '@duckdb/node-api';
import { DataError } from '../errors';
import { defaultEdges } from '../profile/mergeable/fixed-histogram';
import { profileFromSqlRows, type SqlProfileRow } from '../profile/mergeable/from-sql-result';
import { DEFAULT_QUANTILE_GRID, emitProfileSql, type SqlColumn, type SqlColumnType } from '../profile/mergeable/sql-emit';
import type { DbProfile } from '../profile/mergeable/types';

export interface DuckDbProfileOptions {
  /** Fixed edges per numeric column; other numeric columns get buildProfile's default edges. */
  edges?: Record<string, number[]>;
  maxCategories?: number;
  /** A reference profile: its numeric columns' edges (and its category limit) for the same columns here. */
  edgesFrom?: DbProfile;
}

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*)$/;

function columnType(name: string, duckType: string): SqlColumnType {
  if (NUMERIC.test(duckType)) return 'numeric';
  if (duckType === 'BOOLEAN') return 'boolean';
  if (duckType === 'VARCHAR') return 'categorical';
  throw new DataError('duckdb-type', `column ${name}: DuckDB type ${duckType} is not profiled; cast it in the query (e.g. CAST(${name} AS VARCHAR))`);
}

async function describe(connection: DuckDBConnection, from: string): Promise<{ name: string; type: SqlColumnType }[]> {
  const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`);
  return reader.getRowObjects().map((r) => ({ name: String(r['column_name']), type: columnType(String(r['column_name']), String(r['column_type'])) }));
}

/**
 * The first of the two scans: min and max of the finite values of each numeric column — the default
 * edges of the columns without given ones, and the largest |value| that scales the second scan's exact
 * sum — and a t-digest's 1001 quantiles, whose exact ranks the second scan counts.
 */
async function firstScan(
  connection: DuckDBConnection,
  from: string,
  names: string[],
): Promise<{ min: Map<string, number>; max: Map<string, number>; magnitudes: Record<string, number | null>; rankValues: Record<string, number[]> }> {
  const [min, max] = [new Map<string, number>(), new Map<string, number>()];
  const magnitudes: Record<string, number | null> = {};
  const rankValues: Record<string, number[]> = {};
  if (names.length === 0) return { min, max, magnitudes, rankValues };
  const q = (s: string) => `"${s.split('"').join('""')}"`;
  const fin = (s: string) => `CASE WHEN isfinite(${q(s)}::DOUBLE) THEN ${q(s)}::DOUBLE END`;
  const grid = Array.from({ length: DEFAULT_QUANTILE_GRID + 1 }, (_, i) => i / DEFAULT_QUANTILE_GRID).join(', ');
  const aggs = names.map((s, i) => `MIN(${fin(s)}) AS lo${i}, MAX(${fin(s)}) AS hi${i}, approx_quantile(${fin(s)}, [${grid}]) AS q${i}`).join(', ');
  const row = (await connection.runAndReadAll(`SELECT ${aggs} FROM ${from}`)).getRowObjects()[0]!;
  names.forEach((s, i) => {
    const [lo, hi] = [row[`lo${i}`], row[`hi${i}`]];
    magnitudes[s] = null;
    if (typeof lo !== 'number' || typeof hi !== 'number') return;
    min.set(s, lo);
    max.set(s, hi);
    magnitudes[s] = Math.max(Math.abs(lo), Math.abs(hi));
    // The t-digest's quantiles only place the steps; the second scan counts their exact ranks.
    const q = row[`q${i}`];
    const items = q instanceof DuckDBListValue ? q.items.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)) : [];
    rankValues[s] = [...new Set([lo, ...items, hi])].sort((a, b) => a - b);
  });
  return { min, max, magnitudes, rankValues };
}

function toRow(r: Record<string, unknown>): SqlProfileRow {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const n = r['n'];
  const value = r['value'];
  return {
    column_name: text(r['column_name']),
    stat: String(r['stat']),
    label: text(r['label']),
    n: typeof n === 'bigint' || typeof n === 'number' ? n : null,
    value: typeof value === 'number' ? value : null,
  };
}

/** Profile the rows of a DuckDB query (or any relation: a table, `'x/*.parquet'`) in DuckDB. */
export async function profileWithDuckDb(query: string, options: DuckDbProfileOptions = {}): Promise<DbProfile> {
  try {
    return await profileQuery(query, options);
  } catch (error) {
    if (error instanceof DataError) throw error;
    // DuckDB's own errors (a missing file, a syntax error) say what is wrong; name the flag.
    throw new DataError('duckdb-query', `--duckdb: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function profileQuery(query: string, options: DuckDbProfileOptions): Promise<DbProfile> {
  const instance = await DuckDBInstance.create(':memory:');
  try {
    const connection = await instance.connect();
    const from = `(${query}) AS src`;
    const schema = await describe(connection, from);
    for (const name of Object.keys(options.edges ?? {})) {
      const c = schema.find((s) => s.name === name);
      if (!c || c.type !== 'numeric')
        throw new DataError('invalid-bins', `--edges column "${name}": ${c ? `is ${c.type}, edges apply to numeric columns` : 'is not in the query result'}`);
    }
    const fromRef = Object.fromEntries(
      (options.edgesFrom?.columns ?? [])
        .filter((c) => c.histogram && schema.some((s) => s.name === c.name && s.type === 'numeric'))
        .map((c) => [c.name, c.histogram!.edges]),
    );
    const given = { ...fromRef, ...options.edges };
    const maxCategories = options.maxCategories ?? options.edgesFrom?.columns.find((c) => c.categories)?.categories?.maxCategories;
    const first = await firstScan(
      connection,
      from,
      schema.filter((c) => c.type === 'numeric').map((c) => c.name),
    );
    const edgesOf = (name: string) => given[name] ?? (first.min.has(name) ? defaultEdges(first.min.get(name)!, first.max.get(name)!) : undefined);
    const columns: SqlColumn[] = schema.map((c) => ({ ...c, edges: c.type === 'numeric' ? edgesOf(c.name) : undefined }));
    // The second scan: every statistic of every column at once (sql-emit.ts).
    const sql = emitProfileSql({ dialect: 'duckdb', from, columns, maxCategories, ...first });
    const rows = (await connection.runAndReadAll(sql)).getRowObjects().map(toRow);
    connection.closeSync();
    return profileFromSqlRows(rows, query);
  } finally {
    instance.closeSync();
  }
}

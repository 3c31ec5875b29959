import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { profileSqlBranch } from '../../../lib/cli/profile-sql-command';
import { readProfile } from '../../../lib/profile/mergeable/io';
import { RANKED_METHOD, SQL_DIALECTS } from '../../../lib/profile/mergeable/sql-emit';
import type { DbProfile } from '../../../lib/profile/mergeable/types';

const dir = mkdtempSync(join(tmpdir(), 'driftbook-sql-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const COLUMNS = 'amount:numeric,country:categorical,o\'dd "name:text,flag:boolean';
const EDGES = ['amount=0,10,100,1000'];

async function run(values: Parameters<typeof profileSqlBranch>[0]): Promise<string> {
  let text = '';
  expect(await profileSqlBranch(values, (t) => (text += t))).toBe(true);
  return text;
}

describe('driftbook profile --emit-sql', () => {
  // Golden text: the SQL each engine runs (reviewed by hand; DuckDB's is also executed below).
  it.each(SQL_DIALECTS)('prints the %s query', async (dialect) => {
    const sql = await run({ 'emit-sql': true, dialect, table: 'shop.orders', columns: COLUMNS, edges: EDGES, 'max-categories': '100' });
    expect(sql).toBe(readFileSync(join(__dirname, '../../fixtures/profile-sql', `${dialect}.sql`), 'utf8'));
  });

  it('names what is wrong with the flags', async () => {
    await expect(run({ 'emit-sql': true, dialect: 'oracle', table: 't', columns: 'a:numeric' })).rejects.toThrow(
      '--dialect: oracle is not one of duckdb, spark, bigquery, postgres',
    );
    await expect(run({ 'emit-sql': true, dialect: 'duckdb', table: 't', columns: 'a:number' })).rejects.toThrow('--columns: expected NAME:TYPE');
    await expect(run({ 'emit-sql': true, dialect: 'duckdb', table: 't', columns: 'a:numeric', edges: 'b=1,2' })).rejects.toThrow(
      '--edges column "b": not in --columns',
    );
    await expect(run({ 'emit-sql': true, dialect: 'duckdb', table: 't', columns: 'a:numeric', edges: 'a=2,1' })).rejects.toThrow(
      '--edges: expected COLUMN=E1,E2',
    );
    await expect(run({ duckdb: 'SELECT 1', 'emit-sql': true })).rejects.toThrow('give one of --duckdb, --emit-sql, --from-sql-result');
    expect(await profileSqlBranch({}, () => undefined)).toBe(false);
    await expect(run({ duckdb: `SELECT * FROM '${join(dir, 'nope', '*.parquet')}'` })).rejects.toThrow(
      /^--duckdb: IO Error: No files found that match the pattern/,
    );
    await expect(run({ duckdb: "SELECT DATE '2020-01-01' AS d" })).rejects.toThrow('column d: DuckDB type DATE is not profiled; cast it in the query');
  });
});

describe('driftbook profile --from-sql-result', () => {
  it('turns the DuckDB result of the emitted query, saved as CSV, into the profile --duckdb writes', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    const data = join(dir, 'orders.parquet');
    await c.run(`COPY (SELECT CASE WHEN i % 17 = 0 THEN NULL ELSE (i * 7919 % 2003) / 1.7 END AS amount,
      CASE WHEN i % 13 = 0 THEN NULL ELSE ['fr', 'de', 'it''s', 'NA', ''][1 + i % 5] END AS country,
      'x' || (i % 3) AS "o'dd ""name", i % 4 = 0 AS flag FROM range(5000) r(i)) TO '${data}' (FORMAT parquet)`);
    const sql = await run({
      'emit-sql': true,
      dialect: 'duckdb',
      table: `'${data}'`,
      columns: COLUMNS.replace(':text', ':categorical'), // as --duckdb types VARCHAR
      edges: EDGES,
      'max-categories': '3',
    });
    const rows = join(dir, 'rows.csv');
    await c.run(`COPY (${sql}) TO '${rows}' (HEADER)`);
    c.closeSync();
    instance.closeSync();
    const fromCsv = readProfile(await run({ 'from-sql-result': rows }));
    const fromDuckDb = readProfile(await run({ duckdb: `SELECT * FROM '${data}'`, edges: EDGES, 'max-categories': '3' }));
    // Quantiles differ by design: the emitted query sorts for the exact grid, --duckdb counts a t-digest's exact ranks.
    const withoutQuantiles = (p: DbProfile) => p.columns.map(({ quantiles: _q, ...rest }) => rest);
    expect(withoutQuantiles(fromCsv)).toEqual(withoutQuantiles(fromDuckDb));
    expect(fromCsv.columns[0]!.quantiles!.method).toBe('duckdb list_sort at ranks ceil(i*n/m) (exact)');
    expect(fromDuckDb.columns[0]!.quantiles!.method).toBe(RANKED_METHOD);
    expect(fromCsv.rows).toBe(5000);
    // --edges-from: the reference's edges and category limit, here on the rows with amount > 500.
    const refPath = join(dir, 'ref.dbprofile');
    writeFileSync(refPath, await run({ duckdb: `SELECT * FROM '${data}'`, edges: ['amount=-1,250,500,2000'], 'max-categories': '2' }));
    const current = readProfile(await run({ duckdb: `SELECT * FROM '${data}' WHERE amount > 500`, 'edges-from': refPath }));
    expect(current.columns[0]!.histogram).toEqual({ edges: [-1, 250, 500, 2000], counts: [0, 0, current.columns[0]!.count] });
    expect(current.columns[1]!.categories!.maxCategories).toBe(2);
    await expect(run({ 'emit-sql': true, dialect: 'duckdb', table: 't', columns: 'a:numeric', 'edges-from': refPath })).rejects.toThrow(
      '--edges-from applies to --data and --duckdb',
    );
    const country = fromCsv.columns.find((col) => col.name === 'country')!;
    // 5000 − 385 null rows over fr, de, it's, NA, '' (counted as a category: only NULL is missing).
    expect([country.count, country.missing, country.categories!.truncated, country.categories!.values.length]).toEqual([4615, 385, true, 3]);
  });
});

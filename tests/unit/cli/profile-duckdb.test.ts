import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileWithDuckDb } from '../../../lib/cli/profile-duckdb';
import { ingestCsv } from '../../../lib/data/ingest';
import { buildProfile } from '../../../lib/profile/mergeable/build';
import type { DbProfile, ProfileColumn } from '../../../lib/profile/mergeable/types';

// 200k rows written by DuckDB itself into 4 Parquet files (and one CSV of the same rows, in row order, for Node).
const ROWS = 200_000;
const PARTS = 4;
const X_EDGES = [-500, -100, 0, 0.5, 100, 500];
const MAX_CATEGORIES = 50;

const TABLE = `SELECT i,
  ((i * 2654435761) % 1000003) / 1000.0 - 500 AS x,
  CASE WHEN i % 97 = 0 THEN NULL WHEN i % 89 = 0 THEN 'inf'::DOUBLE WHEN i % 83 = 0 THEN '-inf'::DOUBLE ELSE (i % 1000) * 0.37 END AS y,
  sin(i::DOUBLE) * 1e-3 AS z,
  1e6 + cos(i::DOUBLE) AS w,
  (i % 1000)::INTEGER AS ints,
  CASE WHEN i % 101 = 0 THEN NULL ELSE 'cat' || (i % 37) END AS s,
  i % 3 = 0 AS b,
  'k' || floor(sqrt(i % 40000))::INTEGER AS v
FROM range(${ROWS}) r(i)`;

let dir = '';
let fromDuckDb: DbProfile;
let fromNode: DbProfile;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'driftbook-duckdb-'));
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  await c.run(`CREATE TABLE t AS ${TABLE}`);
  for (let p = 0; p < PARTS; p++)
    await c.run(`COPY (SELECT * EXCLUDE (i) FROM t WHERE i % ${PARTS} = ${p} ORDER BY i) TO '${join(dir, `part-${p}.parquet`)}' (FORMAT parquet)`);
  await c.run(`COPY (SELECT * EXCLUDE (i) FROM t ORDER BY i) TO '${join(dir, 'all.csv')}' (HEADER)`);
  c.closeSync();
  instance.closeSync();
  const query = `SELECT * FROM '${join(dir, '*.parquet')}'`;
  fromDuckDb = await profileWithDuckDb(query, { edges: { x: X_EDGES }, maxCategories: MAX_CATEGORIES });
  const dataset = await ingestCsv(new Uint8Array(readFileSync(join(dir, 'all.csv'))), 'all.csv');
  fromNode = buildProfile(dataset, { edges: { x: X_EDGES }, maxCategories: MAX_CATEGORIES });
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const rel = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));
const byValue = (c: ProfileColumn) => {
  if (!c.categories) return undefined;
  const { values, counts, ...rest } = c.categories;
  return { ...rest, counts: Object.fromEntries(values.map((v, i) => [v, counts[i]])) };
};
const column = (p: DbProfile, name: string): ProfileColumn => p.columns.find((c) => c.name === name)!;

describe('driftbook profile --duckdb on 4 Parquet files (200k rows) vs buildProfile on the same rows', () => {
  it('has the same columns, types and row count', () => {
    expect(fromDuckDb.rows).toBe(ROWS);
    expect(fromNode.rows).toBe(ROWS);
    expect(fromDuckDb.columns.map((c) => [c.name, c.type])).toEqual(fromNode.columns.map((c) => [c.name, c.type]));
  });

  it('counts, missing, non-finite, min, max, histograms and categories are exact', () => {
    for (const node of fromNode.columns) {
      const duck = column(fromDuckDb, node.name);
      expect([duck.count, duck.missing, duck.nonFinite, duck.min, duck.max], node.name).toEqual([node.count, node.missing, node.nonFinite, node.min, node.max]);
      expect(duck.histogram, node.name).toEqual(node.histogram);
      // Ties in count are ordered by value in SQL, by first appearance in Node: compare as value → count.
      expect(byValue(duck), node.name).toEqual(byValue(node));
    }
    expect(column(fromDuckDb, 'y').nonFinite).toBeGreaterThan(0);
    expect(column(fromDuckDb, 'x').histogram!.edges).toEqual(X_EDGES);
    expect(column(fromDuckDb, 'v').categories!.truncated).toBe(true);
  });

  it('moments (n, mean, M2) agree to 1e-12 relative', () => {
    const errors: Record<string, [number, number]> = {};
    for (const node of fromNode.columns.filter((c) => c.moments)) {
      const duck = column(fromDuckDb, node.name).moments!;
      expect(duck.n, node.name).toBe(node.moments!.n);
      errors[node.name] = [rel(duck.mean, node.moments!.mean), rel(duck.M2, node.moments!.M2)];
    }
    for (const [name, [mean, m2]] of Object.entries(errors)) {
      expect(mean, `${name} mean`).toBeLessThan(1e-12);
      expect(m2, `${name} M2`).toBeLessThan(1e-12);
    }
  });
});

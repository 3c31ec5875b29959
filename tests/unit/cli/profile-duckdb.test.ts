import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileWithDuckDb } from '../../../lib/cli/profile-duckdb';
import { readNumbers } from '../../../lib/data/columns';
import { ingestCsv } from '../../../lib/data/ingest';
import type { Dataset } from '../../../lib/data/types';
import { buildProfile } from '../../../lib/profile/mergeable/build';
import { largestHalfGap } from '../../../lib/profile/mergeable/engine-quantiles';
import { profileFromSqlRows } from '../../../lib/profile/mergeable/from-sql-result';
import { mergeProfiles } from '../../../lib/profile/mergeable/merge';
import { emitProfileSql, RANKED_METHOD } from '../../../lib/profile/mergeable/sql-emit';
import { cdfRank, sketchCdf } from '../../../lib/profile/mergeable/sketch';
import type { DbProfile, EngineQuantiles, ProfileColumn } from '../../../lib/profile/mergeable/types';

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
let dataset: Dataset;
let merged: DbProfile;
let parts: DbProfile[];
let emitted: DbProfile;

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
  dataset = await ingestCsv(new Uint8Array(readFileSync(join(dir, 'all.csv'))), 'all.csv');
  fromNode = buildProfile(dataset, { edges: { x: X_EDGES }, maxCategories: MAX_CATEGORIES });
  parts = [];
  for (let p = 0; p < PARTS; p++) parts.push(await profileWithDuckDb(`SELECT * FROM '${join(dir, `part-${p}.parquet`)}'`, { edgesFrom: fromDuckDb }));
  merged = mergeProfiles(parts);
  // The emitted DuckDB dialect (what --emit-sql prints), run as is: its exact quantile grid.
  const instance2 = await DuckDBInstance.create(':memory:');
  const c2 = await instance2.connect();
  const columns = fromDuckDb.columns.filter((col) => col.moments).map((col) => ({ name: col.name, type: 'numeric' as const, edges: col.histogram!.edges }));
  const sql = emitProfileSql({ dialect: 'duckdb', from: `'${join(dir, '*.parquet')}'`, columns });
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const rows = (await c2.runAndReadAll(sql)).getRowObjects().map((r) => ({
    column_name: text(r['column_name']),
    stat: String(r['stat']),
    label: text(r['label']),
    n: text(r['n']),
    value: typeof r['value'] === 'number' ? r['value'] : null,
  }));
  c2.closeSync();
  instance2.closeSync();
  emitted = profileFromSqlRows(rows, 'emitted');
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The finite values of a numeric column, ascending (the exact reference for ranks and sums). */
const finiteSorted = (name: string) => Float64Array.from(readNumbers(dataset.table, name).filter((x) => Number.isFinite(x))).sort();

/** Mean of doubles from their exact sum: each x = m·2^e summed as an integer at scale 2^1074 (BigInt). */
function exactMean(xs: Float64Array): number {
  const view = new DataView(new ArrayBuffer(8));
  let sum = 0n;
  for (const x of xs) {
    view.setFloat64(0, x);
    const bits = view.getBigUint64(0);
    const biased = Number((bits >> 52n) & 0x7ffn);
    const mantissa = (bits & ((1n << 52n) - 1n)) | (biased ? 1n << 52n : 0n);
    const scaled = mantissa << BigInt(Math.max(biased, 1) - 1);
    sum += bits >> 63n ? -scaled : scaled;
  }
  // sum / (n · 2^1074) with 200 fraction bits (means here are between 1e-12 and 1e7).
  const negative = sum < 0n;
  const q = ((negative ? -sum : sum) << 200n) / (BigInt(xs.length) << 1074n);
  const value = Number(q) / 2 ** 200;
  return negative ? -value : value;
}

/** The exact fraction of sorted values ≤ v. */
function exactFraction(sorted: Float64Array, v: number): number {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo / sorted.length;
}

/** Largest |F̂(x) − F(x)| over every data value and every midpoint between them. */
function worstRankError(q: EngineQuantiles, sorted: Float64Array): number {
  const cdf = sketchCdf(q);
  let [worst, i] = [0, 0];
  for (let j = 0; j < sorted.length; j++) {
    const x = sorted[j]!;
    if (j + 1 < sorted.length && sorted[j + 1] === x) continue;
    worst = Math.max(worst, Math.abs(cdfRank(cdf, x) - (j + 1) / sorted.length));
    if (j + 1 < sorted.length) worst = Math.max(worst, Math.abs(cdfRank(cdf, (x + sorted[j + 1]!) / 2) - (j + 1) / sorted.length));
    i = j;
  }
  return Math.max(worst, i >= 0 ? Math.abs(cdfRank(cdf, sorted[0]! - 1)) : 0);
}

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

  it('means: exact sums in DuckDB (HUGEINT hi + compensated lo) and Neumaier sums in Node both equal the exact mean to 1e-15', () => {
    for (const node of fromNode.columns.filter((c) => c.moments)) {
      const exact = exactMean(finiteSorted(node.name));
      const duck = column(fromDuckDb, node.name).moments!.mean;
      expect(rel(duck, exact), `${node.name} DuckDB`).toBeLessThan(1e-15);
      expect(rel(node.moments!.mean, exact), `${node.name} Node`).toBeLessThan(1e-15);
    }
    // z = sin(i)·1e-3 has a mean ~1e-8 of its spread: DuckDB's favg (Kahan) alone was 6e-13 off here.
    expect(Math.abs(column(fromDuckDb, 'z').moments!.mean)).toBeLessThan(1e-6);
  });

  it('--duckdb quantiles: a t-digest’s values at their exact ranks, within half the widest rank gap of the exact CDF everywhere', () => {
    for (const node of fromNode.columns.filter((c) => c.moments)) {
      const q = column(fromDuckDb, node.name).quantiles!;
      const sorted = finiteSorted(node.name);
      expect([q.n, q.method], node.name).toEqual([sorted.length, RANKED_METHOD]);
      // An anchor (min, 0) — nothing lies below the minimum — then each value at its exact rank.
      expect([q.values[0], q.probs[0]], node.name).toEqual([sorted[0], 0]);
      expect(q.probs.slice(1), node.name).toEqual(q.values.slice(1).map((v) => exactFraction(sorted, v)));
      expect(q.rankError, node.name).toBe(largestHalfGap(q.probs, q.values));
      expect(q.rankError!, node.name).toBeLessThan(0.002);
      // The bound is reached where one value holds a whole gap; 1e-15 is the rounding of F̂'s midpoints.
      expect(worstRankError(q, sorted), node.name).toBeLessThanOrEqual(q.rankError! + 1e-15);
    }
  });

  it('the emitted DuckDB query: the exact grid i/1000 (inverse-CDF values), within 1/(2m) + 1/n of the exact CDF everywhere', () => {
    for (const node of fromNode.columns.filter((c) => c.moments)) {
      const q = column(emitted, node.name).quantiles!;
      const sorted = finiteSorted(node.name);
      expect(q.rankError!, node.name).toBeCloseTo(1 / 2000 + 1 / sorted.length, 15);
      // The value at 1-based rank ⌈i·n/1000⌉ (rank 1 for i = 0).
      expect(q.values, node.name).toEqual(q.probs.map((_, i) => sorted[Math.max(1, Math.ceil((i * sorted.length) / 1000)) - 1]));
      expect(worstRankError(q, sorted), node.name).toBeLessThanOrEqual(q.rankError!);
      // Equal but for the quantiles and M2: DuckDB's parallel var_pop combines in no fixed order (~1e-14 apart run to run).
      const { quantiles: _q, moments: a, ...rest } = column(emitted, node.name);
      const { quantiles: _r, moments: b, ...same } = column(fromDuckDb, node.name);
      expect(rest, node.name).toEqual(same);
      expect([a!.n, a!.mean], node.name).toEqual([b!.n, b!.mean]);
      expect(rel(a!.M2, b!.M2), node.name).toBeLessThan(1e-12);
    }
  });

  it('4 per-file DuckDB profiles merged: counts, min/max, histograms exact; moments to 1e-12; quantiles within the widened bound', () => {
    expect(merged.rows).toBe(ROWS);
    for (const whole of fromDuckDb.columns) {
      const m = column(merged, whole.name);
      expect([m.count, m.missing, m.nonFinite, m.min, m.max], whole.name).toEqual([whole.count, whole.missing, whole.nonFinite, whole.min, whole.max]);
      expect(m.histogram, whole.name).toEqual(whole.histogram);
      if (whole.categories && !whole.categories.truncated) expect(byValue(m), whole.name).toEqual(byValue(whole));
      if (!whole.moments) continue;
      expect(rel(m.moments!.mean, whole.moments!.mean), `${whole.name} mean`).toBeLessThan(1e-12);
      expect(rel(m.moments!.M2, whole.moments!.M2), `${whole.name} M2`).toBeLessThan(1e-12);
      const q = m.quantiles!;
      // Three merges, each widening by half the widest gap of the left side's probabilities.
      const shards = parts.map((p) => column(p, whole.name).quantiles!);
      const widest = Math.max(...shards.map((x) => x.rankError!));
      expect(q.rankError!).toBeLessThanOrEqual(widest + 3 * Math.max(...shards.map((x) => largestHalfGap(x.probs, x.values))) + 1e-15);
      expect(q.method).toBe(`${RANKED_METHOD} (merged)`);
      expect(worstRankError(q, finiteSorted(whole.name)), whole.name).toBeLessThanOrEqual(q.rankError!);
    }
  });
});

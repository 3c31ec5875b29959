// Profile N rows × 10 columns (default 20M) in DuckDB vs in Node (a measurement, not a test).
// DuckDB writes the rows as P Parquet files; `driftbook profile --duckdb` profiles them all in one
// query; Node reads each file with the app's reader, profiles it (buildProfile, the DuckDB
// profile's edges) and merges the shards (mergeProfiles) — the rows never fit Node's heap at once.
// Prints both times and the largest differences (counts must be equal; moments relative).
// Run: npx tsx scripts/bench/profile-duckdb.mts [rows=20000000] [parts=10] [--keep] [--data DIR] [--duckdb-only]
// (--data DIR reuses the Parquet files a --keep run left; --duckdb-only skips the Node side.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';
import { profileWithDuckDb } from '../../lib/cli/profile-duckdb';
import { load } from '../../lib/cli/read-options';
import { buildProfile } from '../../lib/profile/mergeable/build';
import { mergeProfiles } from '../../lib/profile/mergeable/merge';

const args = process.argv.slice(2);
const numbers = args.filter((a) => /^\d+$/.test(a)).map(Number);
const rows = numbers[0] ?? 20_000_000;
const parts = numbers[1] ?? 10;
const given = args.includes('--data') ? args[args.indexOf('--data') + 1] : undefined;
const dir = given ?? mkdtempSync(join(tmpdir(), 'driftbook-duckdb-bench-'));
const seconds = (start: number) => ((performance.now() - start) / 1000).toFixed(1);

const columns = [
  `((i * 2654435761) % 1000003) / 1000.0 - 500 AS x`,
  `sin(i::DOUBLE) * 1e-3 AS z`,
  `1e6 + cos(i::DOUBLE) AS w`,
  `CASE WHEN i % 97 = 0 THEN NULL ELSE (i % 1000) * 0.37 END AS y`,
  `(i % 100000)::BIGINT AS ints`,
  `ln(1 + (i % 7919)) AS logs`,
  `(i * 31 % 65537) / 65537.0 AS u`,
  `'cat' || (i % 37) AS s`,
  `'k' || floor(sqrt(i % 40000))::INTEGER AS v`,
  `i % 3 = 0 AS b`,
];
let start = performance.now();
if (!given) {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  for (let p = 0; p < parts; p++) {
    const from = Math.floor((rows * p) / parts);
    const to = Math.floor((rows * (p + 1)) / parts);
    await c.run(`COPY (SELECT ${columns.join(', ')} FROM range(${from}, ${to}) r(i)) TO '${join(dir, `part-${p}.parquet`)}' (FORMAT parquet)`);
  }
  c.closeSync();
  instance.closeSync();
  console.log(`${rows.toLocaleString('en')} rows × ${columns.length} columns in ${parts} Parquet files written in ${seconds(start)} s (${dir})`);
}

start = performance.now();
// CPU time of the whole process (DuckDB's threads included): steadier than wall time on a shared machine.
const cpu = process.cpuUsage();
const duck = await profileWithDuckDb(`SELECT * FROM '${join(dir, '*.parquet')}'`, { maxCategories: 100 });
const used = process.cpuUsage(cpu);
console.log(`DuckDB profile (--duckdb)                 ${seconds(start).padStart(7)} s (CPU ${((used.user + used.system) / 1e6).toFixed(1)} s)`);
if (args.includes('--duckdb-only')) process.exit(0);

start = performance.now();
const shards = [];
for (let p = 0; p < parts; p++) shards.push(buildProfile(await load(join(dir, `part-${p}.parquet`), {}), { edgesFrom: duck }));
const node = mergeProfiles(shards);
console.log(`Node profile (read + build per file, merge) ${seconds(start).padStart(7)} s`);

let worst = 0;
for (const a of duck.columns) {
  const b = node.columns.find((x) => x.name === a.name);
  const same = b && a.type === b.type && a.count === b.count && a.missing === b.missing && a.nonFinite === b.nonFinite && a.min === b.min && a.max === b.max;
  const hist = JSON.stringify(a.histogram) === JSON.stringify(b?.histogram);
  const rel = (u: number, v: number) => (u === v ? 0 : Math.abs(u - v) / Math.max(Math.abs(u), Math.abs(v)));
  const m = a.moments && b?.moments ? [rel(a.moments.mean, b.moments.mean), rel(a.moments.M2, b.moments.M2)] : [];
  worst = Math.max(worst, ...m);
  console.log(
    `  ${a.name.padEnd(5)} counts/min/max ${same ? 'equal' : 'DIFFER'}, histogram ${a.histogram ? (hist ? 'equal' : 'DIFFERS') : '—'}, mean/M2 rel ${m.map((e) => e.toExponential(1)).join(' / ') || '—'}`,
  );
}
console.log(`largest relative moment difference: ${worst.toExponential(2)}`);
if (!args.includes('--keep') && !given) rmSync(dir, { recursive: true, force: true });

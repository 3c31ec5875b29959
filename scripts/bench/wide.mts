// Per-column costs on a wide file (a measurement, not a test): N columns × 2 rows through every
// stage that walks the columns — ingest, Arrow IPC out and back, profiles, quality, drift.
// Run: npx tsx scripts/bench/wide.mts [columns=100000] [--only ingest,ipc,profile,quality,drift]
import { performance } from 'node:perf_hooks';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { ingestCsv } from '../../lib/data/ingest';
import { profileColumn } from '../../lib/profile/column-profile';
import { computeQuality } from '../../lib/quality/compute-quality';
import { computeDrift } from '../../lib/drift/compute-drift';

const args = process.argv.slice(2);
const columns = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? new Set(args[onlyAt + 1]!.split(',')) : undefined;
const wants = (stage: string) => !only || only.has(stage);

/** Every 4th column holds short category strings, the rest numbers (as wide exports of features do). */
export function wideCsv(n: number, rows: number, seed: number): string {
  let state = seed;
  const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const header = Array.from({ length: n }, (_, c) => `c${c}`).join(',');
  const lines = [header];
  for (let r = 0; r < rows; r++) {
    lines.push(Array.from({ length: n }, (_, c) => (c % 4 === 3 ? `k${Math.floor(random() * 3)}` : (random() * 100).toFixed(2))).join(','));
  }
  return `${lines.join('\n')}\n`;
}

async function timed<T>(label: string, run: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await run();
  const ms = performance.now() - started;
  console.log(`${label.padEnd(26)} ${ms.toFixed(0).padStart(7)} ms   rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  return value;
}

const encode = (text: string) => new TextEncoder().encode(text);
const refBytes = encode(wideCsv(columns, 2, 1));
const curBytes = encode(wideCsv(columns, 2, 2));
console.log(`${columns} columns × 2 rows, ${(refBytes.length / 1e6).toFixed(2)} MB per file`);

const reference = await timed('ingest reference', () => ingestCsv(refBytes, 'wide-ref.csv'));
const current = await timed('ingest current', () => ingestCsv(curBytes, 'wide-cur.csv'));
if (wants('ipc')) {
  const ipc = await timed('tableToIPC', () => tableToIPC(reference.table, 'file'));
  await timed('tableFromIPC', () => tableFromIPC(ipc));
}
if (wants('profile')) {
  await timed('profile every column', () => {
    for (const { name, type } of reference.meta.schema) profileColumn(reference.table, name, type);
  });
}
if (wants('quality')) {
  const result = await timed('quality (ref + cur)', () => computeQuality(reference, current));
  const json = await timed('quality JSON', () => JSON.stringify(result, null, 2));
  console.log(`quality JSON ${(json.length / 1e6).toFixed(1)} MB`);
}
if (wants('drift')) {
  const result = await timed('drift (default methods)', () => computeDrift(reference, current));
  console.log(`drift JSON ${(JSON.stringify(result).length / 1e6).toFixed(1)} MB`);
}

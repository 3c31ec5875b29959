// Timeline cost (a measurement, not a test): daily windows over N rows × 20 numeric columns spread over
// 365 days (365 windows), against a reference of N/10 rows over 30 days (30 reference chunks for the band).
// Then the same timeline through the CLI on the same pair written as CSV files (`driftbook run --kind timeline`,
// a process of its own: parse both files + compute + write the JSON), timed from spawn to exit; its window
// values must equal the in-process ones.
// Run: npx tsx scripts/bench/timeline.mts [rows=1000000] [--tz Europe/Paris] [--out result.json] [--no-cli] [--write-csv DIR]
// --out writes the timeline's result (to compare two versions' numbers); --write-csv writes the generated
// pair as DIR/reference.csv and DIR/current.csv (for scripts/bench/timeline-browser.mjs) and times nothing.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { TimelineCellResult } from '../../lib/notebook/kinds/timeline';
import { ingestCsv } from '../../lib/data/ingest';
import { computeTimeline } from '../../lib/notebook/kinds/timeline';
import { splitWindows } from '../../lib/stream/windows';

const args = process.argv.slice(2);
const rows = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const tzAt = args.indexOf('--tz');
const timeZone = tzAt >= 0 ? args[tzAt + 1]! : 'UTC';
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const out = option('--out');
const csvDir = option('--write-csv');
const COLUMNS = 20;

function csv(n: number, days: number, shift: number, seed: number): Uint8Array {
  let state = seed;
  const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const start = Date.UTC(2026, 0, 1);
  const step = (days * 86_400_000) / n;
  const lines = [['ts', ...Array.from({ length: COLUMNS }, (_, c) => `x${c}`)].join(',')];
  for (let r = 0; r < n; r++) {
    const ts = new Date(start + Math.floor(r * step)).toISOString();
    const drift = (shift * r) / n;
    lines.push([ts, ...Array.from({ length: COLUMNS }, () => (random() * 100 + drift).toFixed(2))].join(','));
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

async function timed<T>(label: string, run: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await run();
  console.log(`${label.padEnd(34)} ${(performance.now() - started).toFixed(0).padStart(8)} ms   rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  return value;
}

const currentBytes = csv(rows, 365, 20, 2);
const referenceBytes = csv(rows / 10, 30, 0, 1);
if (csvDir) {
  mkdirSync(csvDir, { recursive: true });
  writeFileSync(join(csvDir, 'current.csv'), currentBytes);
  writeFileSync(join(csvDir, 'reference.csv'), referenceBytes);
  console.log(`wrote ${join(csvDir, 'reference.csv')} (${rows / 10} rows) and ${join(csvDir, 'current.csv')} (${rows} rows)`);
  process.exit(0);
}

const current = await timed(`ingest current (${rows} rows)`, () => ingestCsv(currentBytes, 'current.csv'));
const reference = await timed(`ingest reference (${rows / 10} rows)`, () => ingestCsv(referenceBytes, 'reference.csv'));
const split = await timed(`split by day (${timeZone})`, () => splitWindows(current, { by: 'period', period: 'day', timestampColumn: 'ts', timeZone }));
console.log(`${split.windows.length} windows`);
const config = { split: 'period', period: 'day', timestampColumn: 'ts', timeZone, scalar: 'dataset_drift_share' } as const;
const result = await timed('timeline: drift share, 20 columns', () => computeTimeline({ reference, current }, config));
console.log(
  `${result.windows.length} windows, ${result.referenceChunks.length} reference chunks, ${result.windows.filter((w) => w.flagged).length} flagged; JSON ${(JSON.stringify(result).length / 1e6).toFixed(2)} MB`,
);
if (out) writeFileSync(out, JSON.stringify(result));

if (!args.includes('--no-cli')) {
  const dir = mkdtempSync(join(tmpdir(), 'driftbook-timeline-'));
  try {
    writeFileSync(join(dir, 'current.csv'), currentBytes);
    writeFileSync(join(dir, 'reference.csv'), referenceBytes);
    const cli = join(import.meta.dirname, '../../lib/cli/driftbook.mjs');
    const argv = [
      cli,
      'run',
      '--kind',
      'timeline',
      '--config',
      JSON.stringify(config),
      '--reference',
      join(dir, 'reference.csv'),
      '--current',
      join(dir, 'current.csv'),
      '--out',
      join(dir, 'out.json'),
    ];
    // /usr/bin/time -v for the child's peak RSS (the parent's would be printed otherwise).
    const started = performance.now();
    const run = spawnSync('/usr/bin/time', ['-v', process.execPath, ...argv], { encoding: 'utf8' });
    const ms = performance.now() - started;
    const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1];
    console.log(
      `${'CLI: driftbook run --kind timeline'.padEnd(34)} ${ms.toFixed(0).padStart(8)} ms   peak rss ${peak ? (Number(peak) / 1e3).toFixed(0) : '?'} MB`,
    );
    if (run.status !== 0) throw new Error(`driftbook exited with ${run.status}: ${run.stderr}`);
    const printed = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as { result?: TimelineCellResult } & Partial<TimelineCellResult>;
    const cliWindows = (printed.result ?? printed).windows ?? [];
    const same =
      cliWindows.length === result.windows.length &&
      cliWindows.every((w, i) => w.value === result.windows[i]!.value && w.flagged === result.windows[i]!.flagged);
    console.log(
      `CLI (parse both files + compute + JSON): ${cliWindows.length} windows, values and flags ${same ? 'equal' : 'DIFFER from'} the in-process run's`,
    );
    if (!same) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

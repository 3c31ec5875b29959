#!/usr/bin/env node
// Driftbook vs pandas/scipy on this machine: CSV parse speed and end-to-end drift, each measurement a
// separate child process (so its peak RSS is its own), median of --runs. Prints a table, writes
// scripts/bench/results/latest.json. A measurement, not a test: exits 0 whether or not targets are met,
// and a failing side (e.g. out of memory) is recorded with its stderr tail instead of stopping the run.
//
// Usage: npm run bench [-- --quick] [-- --runs N] [-- --rows N] [-- --timeout SECONDS]
//   --quick        1 run on 100,000 rows (smoke test)
//   --runs N       runs per measurement (default 3; median reported)
//   --rows N       rows per file (default 1,000,000; --quick: 100,000)
//   --timeout S    per child process (default 1800 s)
//   --only LIST    comma-separated subset of: startup,driftbook-parse,pandas-parse,driftbook-drift,browser-drift,pandas-drift,driftbook-report
//                  (browser-drift drives the built app in out/ — npm run build first — with the system Chromium: browser-drift.mjs)
// Internal: node scripts/bench/run.mjs --child-parse FILE  (one Driftbook ingest; JSON on stdout)
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, openAsBlob, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { clearTimeout, setTimeout } from 'node:timers';
import { File } from 'node:buffer';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH_DIR, '..', '..');
const RESULTS_DIR = join(BENCH_DIR, 'results');
const CLI = join(ROOT, 'lib', 'cli', 'driftbook.mjs');
const PYTHON = '/usr/bin/python3';
const TIME = '/usr/bin/time';
const TARGETS = { parse: 1.0, drift: 0.5, driftGoal: 0.25, browserDrift: 0.5 };
const MEASUREMENTS = ['startup', 'driftbook-parse', 'pandas-parse', 'driftbook-drift', 'browser-drift', 'pandas-drift', 'driftbook-report'];
/** The notebook report (drift + data quality) embeds aggregates only: at most this size, and about the same at a tenth of the rows. */
const REPORT_LIMITS = { bytes: 2 * 1024 * 1024, growth: 0.1, smallRows: 100_000 };

// ---------------------------------------------------------------------------------------------
// Driftbook ingest adapter: the one place that knows how lib/data's ingest is called, mirroring the
// CLI. Checks lib/data's exported functions at run time and prefers a streaming entry point:
//   ingestSource(ByteSource) with read-file's localFileSource(path)  (the streaming CLI path)
//   ingestCsvStream(ReadableStream, name) / ingestFile(File)            (guessed signatures)
//   ingestCsv(bytes, name) after reading the whole file                 (the original path)
// BENCH_INGEST=<exported name> forces one of them.
// ---------------------------------------------------------------------------------------------
const INGEST_PREFERENCE = ['ingestSource', 'ingestCsvStream', 'ingestFile', 'ingestStream', 'ingestCsv'];

/** Exported function names in lib/data/*.ts → their module file (first one wins). */
function findDataExports() {
  const dir = join(ROOT, 'lib', 'data');
  const found = new Map();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(/export\s+(?:async\s+)?function\s*\*?\s*(\w+)/g)) {
      if (!found.has(m[1])) found.set(m[1], file);
    }
  }
  return found;
}

/** A Node file as a ByteSource ({ name, size, open() → async iterable of chunks }) when lib/data has no helper. */
function nodeFileSource(path) {
  return {
    name: basename(path),
    size: statSync(path).size,
    async *open() {
      for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) yield chunk;
    },
  };
}

async function loadIngestAdapter() {
  const found = findDataExports();
  const ingestNames = [...found.keys()].filter((n) => n.startsWith('ingest'));
  const forced = process.env.BENCH_INGEST;
  const name = forced ?? INGEST_PREFERENCE.find((n) => found.has(n));
  if (!name || !found.has(name)) {
    throw new Error(
      `no ingest function found in lib/data (looked for ${forced ?? INGEST_PREFERENCE.join(', ')}; exported: ${ingestNames.join(', ') || 'none'})`,
    );
  }
  const { tsImport } = await import('tsx/esm/api');
  const load = (file) => tsImport(pathToFileURL(join(ROOT, 'lib', 'data', file)).href, import.meta.url);
  const fn = (await load(found.get(name)))[name];
  if (typeof fn !== 'function') throw new Error(`lib/data/${found.get(name)} does not export a function ${name} at run time`);
  const readFileModule = found.has('localFileSource') ? await load(found.get('localFileSource')) : null;
  const localFileSource = readFileModule?.localFileSource ?? null;
  // The CLI hashes with Node's native SHA-256; measure the same path.
  const nodeHasher = readFileModule?.nodeSha256 ? { createHasher: readFileModule.nodeSha256 } : {};
  const webStream = (path) => Readable.toWeb(createReadStream(path, { highWaterMark: 1 << 20 }));
  const callers = {
    ingestSource: async (path) => fn(localFileSource ? await localFileSource(path) : nodeFileSource(path), nodeHasher),
    ingestCsvStream: (path) => fn(webStream(path), basename(path)),
    ingestStream: (path) => fn(webStream(path), basename(path)),
    ingestFile: async (path) => fn(new File([await openAsBlob(path)], basename(path), { type: 'text/csv' })),
    ingestCsv: async (path) => {
      const buffer = await readFile(path);
      return fn(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), basename(path));
    },
  };
  const via = name === 'ingestSource' ? (localFileSource ? ' + localFileSource' : ' + bench ByteSource') : '';
  return { name: `${name}${via}`, module: `lib/data/${found.get(name)}`, exported: ingestNames, run: callers[name] ?? ((path) => fn(path)) };
}

/** Child mode: one ingest of one file, timed inside the process (tsx/module loading excluded). */
async function childParse(path) {
  const adapter = await loadIngestAdapter();
  const bytes = statSync(path).size;
  const start = performance.now();
  const parsed = await adapter.run(path);
  const seconds = (performance.now() - start) / 1000;
  const usage = process.resourceUsage();
  const out = {
    ok: true,
    adapter: adapter.name,
    module: adapter.module,
    exported: adapter.exported,
    seconds,
    bytes,
    mbPerS: bytes / 1e6 / seconds,
    rows: parsed?.meta?.rows ?? null,
    columns: parsed?.meta?.schema?.length ?? null,
    types: parsed?.meta?.schema ? Object.fromEntries(parsed.meta.schema.map((c) => [c.name, c.type])) : null,
    ipcBytes: parsed?.ipc?.byteLength ?? null,
    maxRssKb: usage.maxRSS,
    heapUsedMb: process.memoryUsage().heapUsed / 1e6,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

// ---------------------------------------------------------------------------------------------
// Child processes
// ---------------------------------------------------------------------------------------------
const HAVE_TIME = existsSync(TIME);
const TAIL = 4000;

function parseTimeOutput(text) {
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
  const signal = /Command terminated by signal (\d+)/.exec(text);
  return { maxRssKb: rss ? Number(rss[1]) : null, signal: signal ? Number(signal[1]) : null };
}

/** Runs cmd in its own process group under /usr/bin/time -v (when present); never rejects. */
function runChild(cmd, args, { timeoutMs }) {
  const scratch = mkdtempSync(join(tmpdir(), 'driftbook-bench-'));
  const timeFile = join(scratch, 'time.txt');
  const [file, argv] = HAVE_TIME ? [TIME, ['-v', '-o', timeFile, cmd, ...args]] : [cmd, args];
  return new Promise((resolve) => {
    const start = performance.now();
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let settled = false;
    const child = spawn(file, argv, { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.setEncoding('utf8').on('data', (d) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d) => {
      stderr = (stderr + d).slice(-TAIL * 4);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL'); // this child's own process group only
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    const finish = (code, signal, spawnError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const wallSeconds = (performance.now() - start) / 1000;
      let timeInfo = { maxRssKb: null, signal: null };
      if (HAVE_TIME && existsSync(timeFile)) timeInfo = parseTimeOutput(readFileSync(timeFile, 'utf8'));
      rmSync(scratch, { recursive: true, force: true });
      resolve({
        ok: !spawnError && !timedOut && code === 0,
        code,
        signal: signal ?? (timeInfo.signal ? `signal ${timeInfo.signal}` : null),
        timedOut,
        wallSeconds,
        maxRssKb: timeInfo.maxRssKb,
        stdout,
        stderrTail: (spawnError ? `${spawnError.message}\n` : '') + stderr.slice(-TAIL),
      });
    };
    child.on('error', (error) => finish(null, null, error));
    child.on('close', (code, signal) => finish(code, signal, null));
  });
}

function lastJsonLine(text) {
  const lines = text.trim().split('\n').reverse();
  for (const line of lines) {
    try {
      return JSON.parse(line);
    } catch {
      /* not JSON */
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Measurements: each returns { ok, seconds, wallSeconds, maxRssKb, ... } for one run
// ---------------------------------------------------------------------------------------------
function failure(r, what) {
  const why = r.timedOut ? 'timed out' : r.signal ? `killed by ${r.signal}` : `exit code ${r.code}`;
  return { ok: false, error: `${what} failed (${why})`, wallSeconds: r.wallSeconds, maxRssKb: r.maxRssKb, stderrTail: r.stderrTail };
}

function makeMeasurements({ data, smallData, timeoutMs, outDir }) {
  const opts = { timeoutMs };
  let methodsFlag = true; // dropped when today's CLI does not know --methods
  const notes = new Set();
  return {
    notes,
    async startup() {
      const r = await runChild(process.execPath, [CLI, '--version'], opts);
      if (!r.ok) return failure(r, 'driftbook --version');
      return { ok: true, seconds: r.wallSeconds, wallSeconds: r.wallSeconds, maxRssKb: r.maxRssKb, version: r.stdout.trim() };
    },
    async 'driftbook-parse'() {
      const r = await runChild(process.execPath, [fileURLToPath(import.meta.url), '--child-parse', data.reference], opts);
      const out = lastJsonLine(r.stdout);
      if (!r.ok || !out?.ok) return failure(r, 'Driftbook ingest');
      return { ...out, ok: true, wallSeconds: r.wallSeconds, maxRssKb: r.maxRssKb ?? out.maxRssKb };
    },
    async 'pandas-parse'() {
      const r = await runChild(PYTHON, [join(BENCH_DIR, 'pandas_scipy.py'), '--mode', 'parse', '--file', data.reference], opts);
      const out = lastJsonLine(r.stdout);
      if (!r.ok || !out) return failure(r, 'pandas read_csv');
      return { ok: true, seconds: out.parse_seconds, mbPerS: out.parse_mb_per_s, wallSeconds: r.wallSeconds, maxRssKb: r.maxRssKb, versions: out.versions };
    },
    async 'driftbook-drift'() {
      // The CLI's JSON goes to a small file (not /dev/null) so its scores can be checked against scipy's.
      const outFile = join(outDir, 'driftbook-drift.json');
      const args = (withMethods) => [
        CLI,
        'drift',
        '--reference',
        data.reference,
        '--current',
        data.current,
        ...(withMethods ? ['--methods', 'ks'] : []),
        '--out',
        outFile,
      ];
      rmSync(outFile, { force: true });
      let r = await runChild(process.execPath, args(methodsFlag), opts);
      if (!r.ok && methodsFlag && /Unknown option '--methods'/.test(r.stderrTail)) {
        methodsFlag = false;
        notes.add("this CLI has no --methods option yet: Driftbook drift ran without '--methods ks' (its default methods only)");
        r = await runChild(process.execPath, args(false), opts);
      }
      if (!r.ok) return { ...failure(r, 'driftbook drift'), methodsFlag };
      let result = null;
      try {
        result = JSON.parse(readFileSync(outFile, 'utf8'));
      } catch {
        /* checked below */
      }
      return { ok: true, seconds: r.wallSeconds, wallSeconds: r.wallSeconds, maxRssKb: r.maxRssKb, methodsFlag, result };
    },
    async 'browser-drift'() {
      // The app in the system Chromium, from setting both files on the drop zones to this pair's drift verdict (browser-drift.mjs).
      const r = await runChild(process.execPath, [join(BENCH_DIR, 'browser-drift.mjs'), '--rows', String(data.manifest.rows), '--json'], opts);
      const out = lastJsonLine(r.stdout);
      if (!r.ok || !out?.ok) return { ...failure(r, 'browser drift'), ...(out?.error ? { stderrTail: `${out.error}\n${r.stderrTail}` } : {}) };
      // Peak memory: the Chromium processes' summed RSS (the child's own maxRSS would be its largest single process).
      return { ...out, wallSeconds: r.wallSeconds, maxRssKb: out.peakRssMb * 1024 };
    },
    async 'driftbook-report'() {
      // `driftbook report` (the app's Export… of drift + data quality) on this pair and on a tenth of its rows.
      const sizes = {};
      let timed = null;
      for (const [label, pair] of [
        ['full', data],
        ['small', smallData],
      ]) {
        if (!pair) continue;
        const outFile = join(outDir, `driftbook-report-${label}.html`);
        rmSync(outFile, { force: true });
        const r = await runChild(process.execPath, [CLI, 'report', '--reference', pair.reference, '--current', pair.current, '--out', outFile], opts);
        if (!r.ok) return failure(r, `driftbook report (${label})`);
        sizes[label] = statSync(outFile).size;
        if (label === 'full') timed = r;
      }
      return {
        ok: true,
        seconds: timed.wallSeconds,
        wallSeconds: timed.wallSeconds,
        maxRssKb: timed.maxRssKb,
        reportBytes: sizes.full,
        smallReportBytes: sizes.small ?? null,
      };
    },
    async 'pandas-drift'() {
      const r = await runChild(PYTHON, [join(BENCH_DIR, 'pandas_scipy.py'), '--mode', 'drift', '--reference', data.reference, '--current', data.current], opts);
      const out = lastJsonLine(r.stdout);
      if (!r.ok || !out) return failure(r, 'pandas/scipy drift');
      return {
        ok: true,
        seconds: out.drift_seconds,
        readSeconds: out.drift_read_seconds,
        computeSeconds: out.drift_compute_seconds,
        wallSeconds: r.wallSeconds,
        maxRssKb: r.maxRssKb,
        columns: out.columns,
        versions: out.versions,
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Summaries
// ---------------------------------------------------------------------------------------------
function median(xs) {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function summarize(runs) {
  const ok = runs.filter((r) => r.ok);
  const failed = runs.filter((r) => !r.ok);
  return {
    runs: runs.length,
    okRuns: ok.length,
    seconds: median(ok.map((r) => r.seconds)),
    wallSeconds: median(ok.map((r) => r.wallSeconds)),
    maxRssMb: median(ok.map((r) => (r.maxRssKb == null ? null : r.maxRssKb / 1024))),
    allSeconds: runs.map((r) => (r.ok ? r.seconds : null)),
    failures: failed.map((r) => ({
      error: r.error,
      wallSeconds: r.wallSeconds,
      maxRssMb: r.maxRssKb == null ? null : r.maxRssKb / 1024,
      stderrTail: r.stderrTail,
    })),
  };
}

/** Driftbook's scores next to scipy's, per column (from the last successful run of each). */
function compareScores(driftbook, pandas) {
  if (!driftbook?.columns || !pandas) return null;
  const byName = new Map(pandas.map((c) => [c.name, c]));
  return driftbook.columns.map((c) => {
    const p = byName.get(c.name);
    const ksP = c.tests?.ks?.pValue ?? (c.method === 'ks' ? c.score : null);
    return {
      name: c.name,
      driftbookType: c.type,
      driftbookMethod: c.method ?? null,
      pandasMethod: p?.method ?? null,
      driftbookScore: c.score ?? null,
      pandasScore: p?.score ?? null,
      driftbookKsP: ksP ?? null,
      scipyKsP: p?.ks_p ?? null,
      ...(c.tested === false ? { untested: c.reason ?? true } : {}),
    };
  });
}

/** A run's record without the bulky per-column outputs (kept once, in `scores` and `pandasDrift`). */
function withoutBulk(run) {
  const copy = { ...run };
  delete copy.result;
  delete copy.columns;
  return copy;
}

/** One line: how closely Driftbook's scores match scipy's (same method) and its KS p-values match ks_2samp. */
function agreementLine(scores) {
  const rel = (a, b) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300));
  const same = scores.filter((s) => s.driftbookMethod && s.driftbookMethod === s.pandasMethod && s.driftbookScore != null && s.pandasScore != null);
  const ks = scores.filter((s) => s.driftbookKsP != null && s.scipyKsP != null);
  const worst = (pairs) => (pairs.length ? Math.max(...pairs.map(([a, b]) => rel(a, b))).toExponential(1) : '—');
  return (
    `scores vs pandas/scipy: ${same.length}/${scores.length} columns same method, max relative difference ${worst(same.map((s) => [s.driftbookScore, s.pandasScore]))}; ` +
    `KS p-values on ${ks.length} columns, max relative difference ${worst(ks.map((s) => [s.driftbookKsP, s.scipyKsP]))}`
  );
}

const fmt = (x, digits = 2) => (x == null ? '—' : x.toFixed(digits));

function printTable(summary, bytes) {
  const rows = [
    ['measurement', 'median s', 'wall s', 'MB/s', 'peak RSS MB', 'ok/runs'],
    ...MEASUREMENTS.filter((m) => summary[m]).map((m) => {
      const s = summary[m];
      const mbps = m.endsWith('parse') && s.seconds ? bytes.reference / 1e6 / s.seconds : null;
      return [m, fmt(s.seconds), fmt(s.wallSeconds), fmt(mbps, 1), fmt(s.maxRssMb, 0), `${s.okRuns}/${s.runs}`];
    }),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const [k, row] of rows.entries()) {
    console.log(row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  '));
    if (k === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

/** SHA-256 over lib/'s file names and contents: others edit lib/ while benches run, so each run records it. */
function libFingerprint() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile())
        hash
          .update(`${relative(ROOT, path)}\0`)
          .update(readFileSync(path))
          .update('\0');
    }
  };
  walk(join(ROOT, 'lib'));
  return hash.digest('hex').slice(0, 16);
}

function gitInfo() {
  try {
    const head = readFileSync(join(ROOT, '.git', 'HEAD'), 'utf8').trim();
    const ref = head.startsWith('ref: ') ? head.slice(5) : null;
    const commit = ref && existsSync(join(ROOT, '.git', ref)) ? readFileSync(join(ROOT, '.git', ref), 'utf8').trim() : ref ? null : head;
    return { ref, commit };
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------
async function main() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      rows: { type: 'string' },
      timeout: { type: 'string', default: '1800' },
      only: { type: 'string' },
    },
    strict: true,
  });
  const runs = values.runs !== undefined ? Number(values.runs) : values.quick ? 1 : 3;
  const rows = values.rows !== undefined ? Number(values.rows) : values.quick ? 100_000 : 1_000_000;
  const timeoutMs = Number(values.timeout) * 1000;
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : MEASUREMENTS;
  for (const [flag, v] of [
    ['--runs', runs],
    ['--rows', rows],
  ]) {
    if (!Number.isInteger(v) || v < 1) throw new Error(`${flag} must be a positive integer`);
  }
  if (!(timeoutMs > 0)) throw new Error('--timeout must be a positive number of seconds');
  const unknown = only.filter((m) => !MEASUREMENTS.includes(m));
  if (unknown.length) throw new Error(`--only: unknown measurement ${unknown.join(', ')} — valid: ${MEASUREMENTS.join(', ')}`);

  const { ensureData } = await import('./make-data.mjs');
  const data = ensureData(rows);
  // Same schema, a tenth of the rows (or none when the run is already that small): for the report-size check.
  const smallRows = Math.min(REPORT_LIMITS.smallRows, Math.floor(rows / 10));
  const smallData = only.includes('driftbook-report') && smallRows >= 1000 && smallRows < rows ? ensureData(smallRows) : null;
  const bytes = { reference: statSync(data.reference).size, current: statSync(data.current).size };
  mkdirSync(RESULTS_DIR, { recursive: true });

  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Number((totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadavgAtStart: loadavg().map((x) => Number(x.toFixed(2))),
    peakRssFrom: HAVE_TIME ? '/usr/bin/time -v (child maxRSS)' : 'process.resourceUsage() (Driftbook parse only)',
  };
  console.log(
    `Driftbook bench: ${rows.toLocaleString('en-US')} rows × ${data.manifest.columns.length} columns, ` +
      `${(bytes.reference / 1e6).toFixed(1)} + ${(bytes.current / 1e6).toFixed(1)} MB, ${runs} run(s) each; ` +
      `${machine.cores} × ${machine.cpu}, ${machine.memoryGb} GB, load ${machine.loadavgAtStart.join(' ')}`,
  );

  // The CLI runs from its esbuild bundle, built on first use after a source change (lib/cli/bundle.mjs):
  // built here once, so no measured run pays for it (a lib/ edit during the bench still would: see the lib/ note).
  if (only.some((m) => m === 'startup' || m.startsWith('driftbook-'))) {
    const built = spawnSync(process.execPath, [join(ROOT, 'lib', 'cli', 'bundle.mjs')], { encoding: 'utf8' });
    if (built.status !== 0) console.log(`  (CLI bundle not built: ${(built.stderr || built.stdout).trim()} — runs may include building it)`);
  }
  const measure = makeMeasurements({ data, smallData, timeoutMs, outDir: RESULTS_DIR });
  const raw = Object.fromEntries(only.map((m) => [m, []]));
  // Interleaved (run 1 of everything, then run 2, …) so a burst of load from other work hits all sides alike.
  for (let i = 0; i < runs; i++) {
    for (const m of only) {
      const lib = libFingerprint();
      const r = { ...(await measure[m]()), lib };
      raw[m].push(r);
      const shown = r.ok
        ? `${fmt(r.seconds)} s${r.maxRssKb ? `, ${fmt(r.maxRssKb / 1024, 0)} MB RSS` : ''}`
        : `FAILED: ${r.error}; ${r.stderrTail.trim().split('\n').slice(-2).join(' | ').slice(0, 300)}`;
      console.log(`  run ${i + 1}/${runs} ${m.padEnd(15)} ${shown}`);
    }
  }

  const summary = Object.fromEntries(Object.entries(raw).map(([m, rs]) => [m, summarize(rs)]));
  const ratio = (a, b) => (summary[a]?.seconds != null && summary[b]?.seconds ? summary[a].seconds / summary[b].seconds : null);
  const ratios = {
    parse: ratio('driftbook-parse', 'pandas-parse'),
    drift: ratio('driftbook-drift', 'pandas-drift'),
    browserDrift: ratio('browser-drift', 'pandas-drift'),
    driftProcessWall:
      summary['driftbook-drift']?.wallSeconds != null && summary['pandas-drift']?.wallSeconds
        ? summary['driftbook-drift'].wallSeconds / summary['pandas-drift'].wallSeconds
        : null,
  };
  const targets = {
    parse: { target: `≤ ${TARGETS.parse}× pandas`, ratio: ratios.parse, met: ratios.parse == null ? null : ratios.parse <= TARGETS.parse },
    drift: { target: `≤ ${TARGETS.drift}× pandas+scipy`, ratio: ratios.drift, met: ratios.drift == null ? null : ratios.drift <= TARGETS.drift },
    driftGoal: { target: `≤ ${TARGETS.driftGoal}× pandas+scipy`, ratio: ratios.drift, met: ratios.drift == null ? null : ratios.drift <= TARGETS.driftGoal },
    browserDrift: {
      target: `≤ ${TARGETS.browserDrift}× pandas+scipy`,
      ratio: ratios.browserDrift,
      met: ratios.browserDrift == null ? null : ratios.browserDrift <= TARGETS.browserDrift,
    },
  };
  const lastOk = (m) => [...(raw[m] ?? [])].reverse().find((r) => r.ok);
  const scoresCompared = compareScores(lastOk('driftbook-drift')?.result, lastOk('pandas-drift')?.columns);
  const dbParse = lastOk('driftbook-parse');
  const pdDrift = lastOk('pandas-drift');

  console.log('');
  printTable(summary, bytes);
  console.log('');
  const verdict = (t) => (t.met == null ? 'n/a (a side failed or was skipped)' : t.met ? 'MET' : 'not met');
  console.log(`parse  Driftbook/pandas        = ${fmt(ratios.parse)}×   target ${targets.parse.target}: ${verdict(targets.parse)}`);
  console.log(
    `drift  Driftbook/pandas+scipy  = ${fmt(ratios.drift)}×   target ${targets.drift.target}: ${verdict(targets.drift)}; goal ${targets.driftGoal.target}: ${verdict(targets.driftGoal)}`,
  );
  if (ratios.driftProcessWall != null) console.log(`drift  (whole-process wall, both sides incl. start-up) = ${fmt(ratios.driftProcessWall)}×`);
  if (summary['browser-drift']) {
    const browser = lastOk('browser-drift');
    console.log(
      `browser Driftbook/pandas+scipy = ${fmt(ratios.browserDrift)}×   target ${targets.browserDrift.target}: ${verdict(targets.browserDrift)}` +
        (browser
          ? `; peak browser memory ${fmt(summary['browser-drift'].maxRssMb, 0)} MB (${browser.memoryFrom}; measureUserAgentSpecificMemory ${browser.userAgentSpecificMemory})`
          : ''),
    );
  }
  for (const [m, s] of Object.entries(summary)) {
    for (const f of s.failures.slice(0, 1)) {
      console.log(
        `\n${m}: ${s.failures.length} of ${s.runs} run(s) failed — ${f.error}${f.maxRssMb ? ` at ${fmt(f.maxRssMb, 0)} MB RSS` : ''} after ${fmt(f.wallSeconds)} s; stderr tail:`,
      );
      console.log(
        f.stderrTail
          .trim()
          .split('\n')
          .slice(-8)
          .map((l) => `  ${l}`)
          .join('\n'),
      );
    }
  }
  if (scoresCompared) console.log(agreementLine(scoresCompared));
  const report = lastOk('driftbook-report');
  if (report) {
    const mb = (b) => `${(b / 2 ** 20).toFixed(2)} MB`;
    const growth = report.smallReportBytes ? report.reportBytes / report.smallReportBytes - 1 : null;
    console.log(
      `report ${rows.toLocaleString('en-US')} rows: ${mb(report.reportBytes)} (limit ${mb(REPORT_LIMITS.bytes)}: ${report.reportBytes <= REPORT_LIMITS.bytes ? 'MET' : 'not met'})` +
        (growth == null
          ? ''
          : `; ${smallRows.toLocaleString('en-US')} rows: ${mb(report.smallReportBytes)} (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}% at 10× the rows, limit ±${REPORT_LIMITS.growth * 100}%: ${Math.abs(growth) <= REPORT_LIMITS.growth ? 'MET' : 'not met'})`),
    );
  }
  const libVersions = new Set(
    Object.values(raw)
      .flat()
      .map((r) => r.lib),
  );
  if (libVersions.size > 1)
    measure.notes.add(`lib/ changed during this run (${libVersions.size} different lib/ fingerprints across measurements; see raw[*].lib)`);
  for (const note of measure.notes) console.log(`note: ${note}`);
  console.log('note: timings are noisy when other work shares this machine; medians of interleaved runs.');

  const results = {
    kind: 'driftbook-bench',
    schemaVersion: 1,
    createdAt: new Date().toISOString(),
    git: gitInfo(),
    machine: { ...machine, loadavgAtEnd: loadavg().map((x) => Number(x.toFixed(2))) },
    options: { rows, runs, timeoutSeconds: timeoutMs / 1000, only },
    data: {
      dir: relative(ROOT, data.dir),
      rows,
      columns: data.manifest.columns,
      files: {
        reference: { bytes: bytes.reference, sha256: data.manifest.files['reference.csv'].sha256 },
        current: { bytes: bytes.current, sha256: data.manifest.files['current.csv'].sha256 },
      },
    },
    definitions: {
      'driftbook-parse':
        'readFile + lib/data ingest of reference.csv (CSV → typed Arrow IPC, with sha256), timed inside a child Node process; tsx start-up excluded',
      'pandas-parse': 'pandas.read_csv(reference.csv), timed inside a child Python process; interpreter and import excluded',
      'driftbook-drift':
        'whole `node lib/cli/driftbook.mjs drift --reference … --current … --methods ks --out FILE` process, wall time (Node + tsx start-up included)',
      'pandas-drift':
        'read_csv × 2 + Evidently-0.7 default test per column + ks_2samp per numeric column, timed inside the Python process (start-up and imports excluded; wallSeconds has the whole process)',
      startup: 'whole `node lib/cli/driftbook.mjs --version` process: the Node + tsx start-up inside driftbook-drift',
      'browser-drift':
        'the built app (out/) in a fresh headless system Chromium: from setting reference.csv then current.csv on the drop zones (back to back) to the drift cell showing the verdict for this pair; maxRssMb = peak summed RSS of the Chromium processes (/proc, every 100 ms)',
      mbPerS: 'file bytes / 1e6 / seconds',
    },
    summary,
    ratios,
    targets,
    driftbookIngest: dbParse
      ? { adapter: dbParse.adapter, module: dbParse.module, exported: dbParse.exported, rows: dbParse.rows, types: dbParse.types, ipcBytes: dbParse.ipcBytes }
      : null,
    pandasDrift: pdDrift
      ? { readSeconds: pdDrift.readSeconds, computeSeconds: pdDrift.computeSeconds, versions: pdDrift.versions, columns: pdDrift.columns }
      : null,
    scores: scoresCompared,
    notes: [...measure.notes],
    raw: Object.fromEntries(Object.entries(raw).map(([m, rs]) => [m, rs.map(withoutBulk)])),
  };
  const outPath = join(RESULTS_DIR, 'latest.json');
  writeFileSync(outPath, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nresults: ${relative(process.cwd(), outPath)}`);
}

if (process.argv[2] === '--child-parse') {
  try {
    await childParse(process.argv[3]);
  } catch (error) {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exitCode = 1;
  }
} else {
  try {
    await main();
  } catch (error) {
    console.error(`bench: ${error?.message ?? error}`);
    process.exitCode = 2;
  }
}

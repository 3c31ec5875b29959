#!/usr/bin/env node
// The browser path from drop to drift verdict (a measurement, not a test): the built app (npm run build → out/)
// served by scripts/serve.mjs on a free port, driven by Playwright in the system Chromium. Each run launches a
// fresh browser (fresh storage), waits for the demo notebook to settle, then sets reference.csv and current.csv
// on the two drop zones back to back and is timed from the first setInputFiles until a drift cell shows its
// verdict for THIS pair (its summary names both files with their row counts, so the demo's verdict never counts).
// Peak browser memory: the sum of the RSS of every Chromium process (descendants of this Node process, the
// static server excluded), sampled every 100 ms from /proc. performance.measureUserAgentSpecificMemory needs a
// cross-origin-isolated page, which the app is not: the run records that it was unavailable.
// Phases come from the analysis workers' User Timing measures (`driftbook:*`, lib/engine.ts), read with
// Playwright's worker.evaluate after the verdict, as seconds since the first setInputFiles.
//
// Usage: node scripts/bench/browser-drift.mjs [--rows N] [--runs N] [--json]
//   (the bench data of N rows, default 1,000,000; made by make-data.mjs when missing)
// npm run bench runs it once per run as its `browser-drift` measurement (`--json`: one JSON line per run).
/* global document, indexedDB, crypto -- document/indexedDB/crypto only inside functions Playwright runs in the page */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { clearInterval, setInterval } from 'node:timers';
import { chromium } from 'playwright-core';
import { serveOut } from './serve-out.mjs';

const ROOT = join(import.meta.dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const PAGE_SIZE = 4096;

/** pid → parent pid for every process we can read. */
function parents() {
  const map = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command (in parentheses, which may hold spaces): state, ppid, …
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      map.set(Number(entry), ppid);
    } catch {
      /* gone */
    }
  }
  return map;
}

/** Sum of the resident set sizes (bytes) of this process's descendants, without `exclude` and its own. */
function descendantsRss(exclude) {
  const ppids = parents();
  let total = 0;
  for (const pid of ppids.keys()) {
    let p = pid;
    let ours = false;
    while (p > 1) {
      if (p === exclude) break;
      p = ppids.get(p) ?? 0;
      if (p === process.pid) {
        ours = pid !== exclude;
        break;
      }
    }
    if (!ours) continue;
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_SIZE;
    } catch {
      /* gone */
    }
  }
  return total;
}

/** "1,000,000 rows" in whatever grouping the page's locale uses. */
const rowsPattern = (rows) => `${String(rows).replace(/\B(?=(\d{3})+(?!\d))/g, '[,.\\u202f\\u00a0 ]?')} rows`;

/** One run: a fresh browser, the demo settled, both files set back to back, until this pair's drift verdict. */
async function oneRun({ base, reference, current, rows, timeoutMs, exclude }) {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, descendantsRss(exclude))), 100);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  const errors = [];
  const offsite = [];
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('request', (r) => !/^(http:\/\/127\.0\.0\.1:\d+\/|blob:|data:)/.test(r.url()) && offsite.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(base);
    await page.getByTestId('drift-summary').first().waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => document.querySelectorAll('[data-cell-kind][aria-busy="true"]').length === 0, null, { timeout: 120_000 });
    const idleRss = descendantsRss(exclude);
    const pattern = rowsPattern(rows);
    const origin = performance.timeOrigin + performance.now();
    const since = () => (performance.timeOrigin + performance.now() - origin) / 1000;
    const loaded = (side) =>
      page
        .getByTestId(`${side}-dataset`)
        .filter({ hasText: new RegExp(pattern) })
        .waitFor({ timeout: timeoutMs })
        .then(since);
    await page.getByTestId('reference-input').setInputFiles(reference);
    await page.getByTestId('current-input').setInputFiles(current);
    const setBoth = since();
    const [referenceLoaded, currentLoaded] = [loaded('reference'), loaded('current')];
    await page.waitForFunction(
      (pattern) =>
        [...document.querySelectorAll('[data-testid="drift-cell"] .summary-meta')].some((p) =>
          new RegExp(`reference\\s+reference\\.csv\\s+\\(${pattern}\\).*current\\s+current\\.csv\\s+\\(${pattern}\\)`).test(p.textContent ?? ''),
        ),
      pattern,
      { timeout: timeoutMs, polling: 50 },
    );
    const seconds = since();
    const verdict = await page.getByTestId('drift-cell').last().getByTestId('drift-summary').textContent();
    const ua = await page.evaluate(() => ({ isolated: globalThis.crossOriginIsolated === true, api: 'measureUserAgentSpecificMemory' in performance }));
    // The drift result as stored with its cell, hashed: equal hashes before and after a change = bit-identical numbers.
    const resultSha256 = await page.evaluate(async (rowCount) => {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open('driftbook');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const cells = await new Promise((resolve, reject) => {
        const req = db.transaction('cells').objectStore('cells').getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      db.close();
      const cell = cells.find((c) => c.kind === 'drift' && c.result?.reference?.rows === rowCount && c.result?.reference?.name === 'reference.csv');
      if (!cell) return null;
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(cell.result)));
      return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    }, rows);
    const phases = [];
    for (const worker of page.workers()) {
      const marks = await worker
        .evaluate(() => ({
          worker: globalThis.name,
          measures: performance
            .getEntriesByType('measure')
            .filter((m) => m.name.startsWith('driftbook:'))
            .map((m) => ({ name: m.name.slice('driftbook:'.length), detail: m.detail, start: performance.timeOrigin + m.startTime, duration: m.duration })),
        }))
        .catch(() => ({ worker: '?', measures: [] }));
      // The demo's steps before the first file was set are left out.
      for (const m of marks.measures.filter((m) => m.start >= origin)) {
        phases.push({
          worker: marks.worker,
          name: m.name,
          detail: m.detail ?? null,
          start: (m.start - origin) / 1000,
          seconds: m.duration / 1000,
        });
      }
    }
    phases.sort((a, b) => a.start - b.start);
    peak = Math.max(peak, descendantsRss(exclude));
    if (offsite.length) throw new Error(`requests left 127.0.0.1: ${offsite.join(', ')}`);
    if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
    return {
      ok: true,
      seconds,
      setInputFilesSeconds: setBoth,
      referenceLoadedSeconds: await referenceLoaded,
      currentLoadedSeconds: await currentLoaded,
      verdict: verdict?.trim() ?? null,
      resultSha256,
      phases,
      peakRssMb: peak / 2 ** 20,
      idleRssMb: idleRss / 2 ** 20,
      memoryFrom: 'sum of RSS of the Chromium processes, /proc every 100 ms',
      userAgentSpecificMemory:
        ua.isolated && ua.api ? 'available but not used' : `unavailable (crossOriginIsolated ${ua.isolated}: the app is served without COOP/COEP)`,
    };
  } finally {
    clearInterval(sampler);
    await browser.close();
  }
}

/** Serves out/ and runs `runs` fresh-browser runs on the pair; each run's record (see oneRun). */
export async function measureBrowserDrift({ reference, current, rows, runs = 1, timeoutMs = 900_000, onRun = () => {} }) {
  if (!existsSync(join(ROOT, 'out/index.html'))) throw new Error('out/index.html not found — run npm run build first');
  const server = await serveOut();
  const { base } = server;
  try {
    const out = [];
    for (let i = 0; i < runs; i++) {
      let record;
      try {
        record = await oneRun({ base, reference, current, rows, timeoutMs, exclude: server.pid });
      } catch (error) {
        record = { ok: false, error: error?.message ?? String(error) };
      }
      out.push(record);
      onRun(record, i);
    }
    return out;
  } finally {
    server.close();
  }
}

/** Each phase as `name [detail] start–end s`, for the console. */
export function phaseLines(record) {
  return (record.phases ?? []).map(
    (p) =>
      `    ${p.worker.replace('driftbook-analysis-', 'worker ').padEnd(9)} ${`${p.name}${p.detail ? ` ${p.detail}` : ''}`.padEnd(36)} ${p.start.toFixed(2).padStart(6)} → ${(p.start + p.seconds).toFixed(2).padStart(6)} s  (${p.seconds.toFixed(2)} s)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { rows: { type: 'string' }, runs: { type: 'string', default: '1' }, json: { type: 'boolean', default: false } } });
  const rows = Number(values.rows ?? 1_000_000);
  const { ensureData } = await import('./make-data.mjs');
  const data = ensureData(rows, { log: values.json ? () => {} : console.log });
  await measureBrowserDrift({
    reference: data.reference,
    current: data.current,
    rows,
    runs: Number(values.runs),
    onRun(record, i) {
      if (values.json) return void process.stdout.write(`${JSON.stringify(record)}\n`);
      if (!record.ok) return void console.log(`run ${i + 1}: FAILED ${record.error}`);
      console.log(
        `run ${i + 1}: ${record.seconds.toFixed(2)} s to the verdict (reference loaded ${record.referenceLoadedSeconds.toFixed(2)} s, ` +
          `current ${record.currentLoadedSeconds.toFixed(2)} s); peak ${record.peakRssMb.toFixed(0)} MB RSS; ${record.verdict}; result ${record.resultSha256?.slice(0, 16)}`,
      );
      for (const line of phaseLines(record)) console.log(line);
    },
  });
}

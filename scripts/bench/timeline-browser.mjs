// Timeline cost in the browser (a measurement, not a test): the same daily timeline as
// scripts/bench/timeline.mts (N rows × 20 numeric columns over 365 days against N/10 rows over 30 days,
// the dataset drift share), run by the app's analysis worker in the system Chromium.
// The built app (npm run build → out/) is served by scripts/serve.mjs on a free port; the generated
// files are loaded through the reference and current drop zones; a Timeline cell is added and set to
// daily windows of `ts`; the time is from its Apply to its result on the page, and the cell's own
// duration (the notebook's runCell: the worker reading both tables from IndexedDB and computing).
// Run: node scripts/bench/timeline-browser.mjs [rows=1000000]
/* global document -- document only inside functions Playwright runs in the page */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { serveOut } from './serve-out.mjs';

const ROOT = join(import.meta.dirname, '../..');
const rows = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const LONG = 900_000;

if (!existsSync(join(ROOT, 'out/index.html'))) {
  console.error('timeline-browser: out/index.html not found — run npm run build first');
  process.exit(1);
}

function line(label, ms, extra = '') {
  console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(8)} ms${extra ? `   ${extra}` : ''}`);
}

const dir = mkdtempSync(join(tmpdir(), 'driftbook-timeline-browser-'));
const made = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/bench/timeline.mts'), String(rows), '--write-csv', dir], {
  cwd: ROOT,
  encoding: 'utf8',
});
if (made.status !== 0) throw new Error(`generating the files failed: ${made.stderr}`);
const server = await serveOut();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
const offsite = [];
const errors = [];
try {
  const { base } = server;
  const page = await browser.newPage();
  page.on('request', (r) => !/^(http:\/\/127\.0\.0\.1:\d+\/|blob:|data:)/.test(r.url()) && offsite.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(base);
  await page.getByTestId('drift-summary').first().waitFor({ timeout: 60_000 });

  let started = performance.now();
  await page.getByTestId('reference-input').setInputFiles(join(dir, 'reference.csv'));
  await page
    .getByTestId('reference-dataset')
    .filter({ hasText: `${(rows / 10).toLocaleString('en-US')} rows` })
    .waitFor({ timeout: LONG });
  line(`load reference.csv (${rows / 10} rows, drop zone)`, performance.now() - started);
  started = performance.now();
  await page.getByTestId('current-input').setInputFiles(join(dir, 'current.csv'));
  await page
    .getByTestId('current-dataset')
    .filter({ hasText: `${rows.toLocaleString('en-US')} rows` })
    .waitFor({ timeout: LONG });
  line(`load current.csv (${rows} rows, drop zone)`, performance.now() - started);
  // The default preset's cells on the new pair run first: wait for them so the timeline runs alone.
  started = performance.now();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="drift-cell"] [data-testid="drift-summary"]').length >= 2, null, { timeout: LONG });
  await page.waitForFunction(() => document.querySelectorAll('[data-cell-kind][aria-busy="true"]').length === 0, null, { timeout: LONG });
  line('default preset cells on the new pair', performance.now() - started);

  await page
    .getByRole('button', { name: /^Add a cell at position/ })
    .last()
    .click();
  await page.getByRole('menuitem', { name: /^Timeline/ }).click();
  const cell = page.getByTestId('timeline-cell');
  // A new timeline runs its default (10 chunks) at once: wait for it, then ask for daily windows.
  await cell.getByTestId('timeline-flagged').waitFor({ timeout: LONG });
  const form = cell.getByRole('form', { name: 'Timeline settings' });
  await form.getByLabel('Windows', { exact: true }).selectOption('period');
  await form.getByLabel('Period', { exact: true }).selectOption('day');
  await form.getByLabel('Timestamp column').selectOption('ts');
  await form.getByLabel('Metric per window').selectOption('dataset_drift_share');
  started = performance.now();
  await form.getByRole('button', { name: 'Apply' }).click();
  await cell.locator('.summary-meta', { hasText: 'of 365 windows flagged' }).waitFor({ timeout: LONG });
  const wall = performance.now() - started;
  const flagged = await cell.getByTestId('timeline-flagged').textContent();
  const duration = await cell.locator('.cell-duration').textContent();
  const note = await cell.locator('.summary-meta + p').textContent();
  line('timeline: drift share, 20 columns (Apply → drawn)', wall, `cell's own time ${duration}; ${flagged} of 365 windows flagged`);
  console.log(note);
  if (offsite.length) throw new Error(`requests left 127.0.0.1: ${offsite.join(', ')}`);
  if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
} finally {
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}

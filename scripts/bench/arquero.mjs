#!/usr/bin/env node
// arquero in Driftbook, measured (issue 10 §3): (1) segments — lib/data/frame.ts applySegment on a
// 1M-row dataset; (2) the custom chart's grouping/binning/top-N — today's typed-array loops
// (lib/explore/chart-rows.ts, chart-bins.ts) against the same aggregation written as
// arquero verbs (filter → derive bin → groupby → rollup; groupby → count → orderby desc). The rule:
// rewrite the chart with arquero only if it is within 20% of today's time. A measurement, not a test.
//
// Usage: node scripts/bench/arquero.mjs [--rows N] [--runs N] [--only segments|chart]
//   (defaults: 1,000,000 rows per side, 5 runs; medians after one warm-up run)
import { pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import * as aq from 'arquero';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: args } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '5' }, only: { type: 'string' } },
});
const ROWS = Number(args.rows);
const RUNS = Number(args.runs);

// One tsx loader for the whole graph, so every lib module shares one apache-arrow instance.
const { register } = await import('tsx/esm/api');
register();
const load = (path) => import(pathToFileURL(join(ROOT, path)).href);
const { ingestCsv } = await load('lib/data/ingest.ts');
const { applySegment } = await load('lib/data/frame.ts');
const { selectRows, shareTopCodes } = await load('lib/explore/chart-rows.ts');
const { histogramData, barData, autoEdges, binOf } = await load('lib/explore/chart-bins.ts');

/** Median wall time (ms) of `runs` calls, after one warm-up; returns the last result too. */
function time(fn, runs = RUNS) {
  let result = fn();
  const times = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    result = fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], result };
}

function lcg(seed) {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

// ---------------------------------------------------------------------------------------------
// 1. Segments on a 1M-row ingested CSV
// ---------------------------------------------------------------------------------------------
async function benchSegments() {
  const next = lcg(7);
  const countries = ['FR', 'DE', 'ES', 'IT', 'NL', 'BE', 'PT', 'PL'];
  const lines = ['country,age,score,device,date'];
  for (let i = 0; i < ROWS; i++) {
    const age = next() < 0.02 ? 'NA' : String(18 + Math.floor(next() * 62));
    const date = `20${13 + Math.floor(next() * 4)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`;
    lines.push(`${countries[Math.floor(next() * 8)]},${age},${(next() * 100).toFixed(3)},${next() < 0.6 ? 'mobile' : 'desktop'},${date}`);
  }
  const start = performance.now();
  const dataset = await ingestCsv(new TextEncoder().encode(lines.join('\n')), 'segments.csv');
  console.log(`segments: ${ROWS.toLocaleString('en')} rows × 5 columns ingested in ${(performance.now() - start).toFixed(0)} ms (not part of the timings)`);
  const expressions = [
    'd => d.age >= 30',
    "d => d.country === 'FR'",
    "d => d.country === 'FR' && d.age >= 30",
    "d => op.startswith(d.device, 'mob') && d.score < 50",
    "d => d.date < '2015-01-01'",
  ];
  for (const expression of expressions) {
    const { ms, result } = time(() => applySegment(dataset, expression));
    console.log(`  applySegment ${expression.padEnd(52)} ${ms.toFixed(0).padStart(5)} ms  kept ${result.meta.rows.toLocaleString('en')}`);
  }
}

// ---------------------------------------------------------------------------------------------
// 2. The custom chart's aggregation: today's loops vs arquero verbs, same inputs, same counts
// ---------------------------------------------------------------------------------------------
function makeSide(seed) {
  const next = lcg(seed);
  const x = new Float64Array(ROWS);
  const y = new Float64Array(ROWS);
  const category = new Int32Array(ROWS);
  const facet = new Int32Array(ROWS);
  for (let i = 0; i < ROWS; i++) {
    x[i] = next() < 0.01 ? NaN : (next() + next() + next()) * 10;
    y[i] = next() * 5;
    category[i] = next() < 0.01 ? -1 : Math.floor(next() * next() * 40);
    facet[i] = Math.floor(next() * 4);
  }
  return { x, y, category, facet, labels: Array.from({ length: 40 }, (_, k) => `c${k}`) };
}

const FACETS = ['a', 'b', 'c', 'd'];

function todayHistogram(sides) {
  const prepared = sides.map((side, s) => {
    const { rows } = selectRows(ROWS, [
      { name: 'x', values: { kind: 'numbers', values: side.x } },
      { name: 'y', values: { kind: 'numbers', values: side.y } },
    ]);
    return { side: s === 0 ? 'reference' : 'current', rows, x: side.x, y: side.y, facet: side.facet };
  });
  return histogramData(prepared, FACETS).data;
}

/** Same result with arquero: concat sides → filter finite → derive numpy bin → groupby → rollup count. */
function arqueroHistogram(sides) {
  const tables = sides.map((side, s) => aq.table({ side: new Int8Array(ROWS).fill(s), x: side.x, y: side.y, facet: side.facet }));
  const rows = tables[0].concat(tables[1]).filter('d => op.is_finite(d.x) && op.is_finite(d.y)');
  // numpy 'auto' edges stay an escaped function (CODE-REVIEW §6): arquero's bin() is not numpy's.
  const { edges } = autoEdges(Float64Array.from(rows.array('x')).sort());
  const binned = rows.derive({ bin: aq.escape((d) => binOf(edges, d.x)) });
  return binned.groupby('side', 'facet', 'bin').rollup({ count: aq.op.count() }).objects();
}

function todayBars(sides) {
  const prepared = sides.map((side) => {
    const { rows } = selectRows(ROWS, [{ name: 'category', values: { kind: 'codes', codes: side.category, labels: side.labels } }]);
    return { codes: side.category, labels: side.labels, rows, facet: side.facet };
  });
  const shared = shareTopCodes(prepared, 12, 'categories');
  const withCodes = prepared.map((p, s) => ({ side: s === 0 ? 'reference' : 'current', rows: p.rows, xCodes: shared.codes[s], facet: p.facet }));
  return barData(withCodes, FACETS, shared.labels).data;
}

/** Same with arquero: filter present → top 12 labels by count (desc) → recode the rest → groupby → count. */
function arqueroBars(sides) {
  const tables = sides.map((side, s) => aq.table({ side: new Int8Array(ROWS).fill(s), category: side.category, facet: side.facet }));
  const rows = tables[0].concat(tables[1]).filter((d) => d.category >= 0);
  const top = rows.groupby('category').count().orderby(aq.desc('count')).slice(0, 12).array('category');
  const kept = new Set(top);
  const recoded = rows.derive({ label: aq.escape((d) => (kept.has(d.category) ? d.category : -1)) });
  return recoded.groupby('side', 'facet', 'label').count().objects();
}

function benchChart() {
  const sides = [makeSide(11), makeSide(12)];
  console.log(`custom chart: 2 sides × ${ROWS.toLocaleString('en')} rows, 4 facets (times exclude reading the columns)`);
  const pairs = [
    ['histogram (select rows, numpy auto bins, per side/facet/bin counts)', todayHistogram, arqueroHistogram],
    ['bar (select rows, top-12 categories + other, per side/facet counts)', todayBars, arqueroBars],
  ];
  const out = [];
  for (const [name, today, arquero] of pairs) {
    const a = time(() => today(sides));
    const b = time(() => arquero(sides));
    const sum = (data) => data.reduce((total, d) => total + d.count, 0);
    const ratio = b.ms / a.ms;
    console.log(`  ${name}`);
    console.log(
      `    today ${a.ms.toFixed(0).padStart(5)} ms   arquero ${b.ms.toFixed(0).padStart(5)} ms   ${ratio.toFixed(2)}× (rows counted: ${sum(a.result)} vs ${sum(b.result)})`,
    );
    out.push({ name, todayMs: a.ms, arqueroMs: b.ms, ratio });
  }
  const worst = Math.max(...out.map((o) => o.ratio));
  console.log(`verdict: arquero is ${worst.toFixed(2)}× today's time at worst — ${worst <= 1.2 ? 'within' : 'outside'} the 20% budget`);
}

if (args.only !== 'chart') await benchSegments();
if (args.only !== 'segments') benchChart();

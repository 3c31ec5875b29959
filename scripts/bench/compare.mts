// Champion vs challenger (lib/compare) on a shadow comparison: N rows, binary target, three models with
// scores, 1,000 paired bootstrap resamples (3 pairs × accuracy, precision, recall, F1, ROC AUC), DeLong,
// McNemar and Friedman over 10 chunks; then a regression comparison of the same size. A measurement, not a test.
// Run: npx tsx scripts/bench/compare.mts [rows=100000] [resamples=1000]
import { performance } from 'node:perf_hooks';
import { compareModels } from '../../lib/compare/compare-models';
import { ingestCsv } from '../../lib/data/ingest';

const args = process.argv.slice(2).filter((a) => /^\d+$/.test(a));
const rows = Number(args[0] ?? 100_000);
const resamples = Number(args[1] ?? 1000);

let state = 12345;
const uniform = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) + 0.5) / 2 ** 32;

function csv(regression: boolean): Uint8Array {
  const lines = [regression ? 'y,r1,r2,r3' : 'y,p1,p2,p3,s1,s2,s3'];
  for (let i = 0; i < rows; i++) {
    if (regression) {
      const y = 10 * uniform();
      lines.push([y, y + uniform() - 0.5, y + 1.1 * (uniform() - 0.5), y + 1.3 * (uniform() - 0.5)].map((v) => v.toFixed(4)).join(','));
    } else {
      const y = uniform() < 0.4 ? 1 : 0;
      const s = [0.3, 0.35, 0.25].map((w) => Math.min(1, Math.max(0, 0.5 + (y - 0.5) * w * 2 + (uniform() - 0.5) * 0.8)));
      lines.push([y, ...s.map((v) => (v >= 0.5 ? 1 : 0)), ...s.map((v) => v.toFixed(4))].join(','));
    }
  }
  return new TextEncoder().encode(lines.join('\n'));
}

for (const regression of [false, true]) {
  const data = await ingestCsv(csv(regression), regression ? 'reg.csv' : 'bin.csv');
  const t0 = performance.now();
  const result = await compareModels(
    data,
    regression
      ? { target: 'y', models: ['r1', 'r2', 'r3'], task: 'regression', blocks: { chunks: 10 }, bootstrap: resamples }
      : { target: 'y', models: ['p1', 'p2', 'p3'], scores: ['s1', 's2', 's3'], posLabel: 1, blocks: { chunks: 10 }, bootstrap: resamples },
  );
  const seconds = (performance.now() - t0) / 1000;
  console.log(`${regression ? 'regression' : 'binary'}: ${rows} rows, 3 models, ${resamples} resamples: ${seconds.toFixed(2)} s — ${result.verdict}`);
}

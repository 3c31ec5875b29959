// SHAP for 1,000 rows × 10 features with a 100-row background (issue 18's benchmark line; a measurement,
// not a test): exact enumeration (2^10 coalitions × 100 background rows = 102,400 model rows per explained
// row, 1.02e8 in all) and Kernel SHAP with 512 coalitions, through a JS logistic model (the cost of
// lib/explain itself), then the same exact run through onnxruntime-node on the 3-feature churn.onnx.
// Run: npx tsx scripts/bench/explain.mts [rows=1000]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as ort from 'onnxruntime-node';
import { tableFromArrays } from 'apache-arrow';
import type { Dataset } from '../../lib/data/types';
import { explain } from '../../lib/explain/explain';
import type { FeatureBatch, Predictor } from '../../lib/models/types';
import { defaultMapping, mappedColumns } from '../../lib/models/mapping';
import { openModel } from '../../lib/models/runtime';
import { defaultOutput, predictorFor } from '../../lib/models/score';

const rows = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 1000);
const M = 10;
const names = Array.from({ length: M }, (_, j) => `f${j}`);

function dataset(name: string, n: number, seed: number, columns = names): Dataset {
  let state = seed;
  const uniform = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) + 0.5) / 2 ** 32;
  const data = Object.fromEntries(columns.map((c) => [c, Float64Array.from({ length: n }, () => uniform() * 4 - 2)]));
  const schema = columns.map((c) => ({ name: c, type: 'numeric' as const }));
  return { meta: { id: name, name, format: 'csv', sha256: '', bytes: 0, rows: n, schema, warnings: [], createdAt: '' }, table: tableFromArrays(data) };
}

const w = names.map((_, j) => ((j % 5) - 2) * 0.5 + 0.1);
const logistic: Predictor = async (batch: FeatureBatch) => {
  const cols = names.map((n) => batch.columns[n] as Float64Array);
  const out = new Float64Array(batch.rows);
  for (let i = 0; i < batch.rows; i++) {
    let z = 0.2;
    for (let j = 0; j < M; j++) z += w[j]! * cols[j]![i]!;
    out[i] = 1 / (1 + Math.exp(-z));
  }
  return out;
};

async function timed(label: string, run: () => Promise<{ coalitions: number; rows: unknown[] }>): Promise<void> {
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  console.log(
    `${label.padEnd(52)} ${(ms / 1000).toFixed(2).padStart(7)} s   ${result.rows.length} rows, ${result.coalitions} coalitions/row, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
  );
}

const data = { current: dataset('current', rows, 2), reference: dataset('reference', 5000, 1) };
await timed(`exact, JS logistic, ${rows} × ${M}, background 100`, () => explain(data, logistic, { features: names, maxRows: rows, referenceRows: 0 }));
await timed(`kernel 512, JS logistic, ${rows} × ${M}, background 100`, () =>
  explain(data, logistic, { features: names, maxRows: rows, referenceRows: 0, method: 'kernel', samples: 512 }),
);

const churn = await openModel(ort, new Uint8Array(readFileSync(join(import.meta.dirname, '../../tests/fixtures/explain-app/churn.onnx'))));
const churnColumns = ['tenure', 'spend', 'visits'];
const mapping = defaultMapping(churn.graph.inputs, churnColumns);
const onnxData = { current: dataset('current', rows, 2, churnColumns), reference: dataset('reference', 5000, 1, churnColumns) };
await timed(`exact, onnxruntime-node churn.onnx, ${rows} × 3, bg 100`, () =>
  explain(onnxData, predictorFor(churn, mapping, defaultOutput(churn.graph)!), { features: mappedColumns(mapping), maxRows: rows, referenceRows: 0 }),
);
await churn.session.release();

// PCA data reconstruction (multivariate drift, lib/multivariate) on 1,000,000 × 20 reference and
// current rows (a measurement, not a test): the fit (imputation, frequency encoding, standardising,
// covariance + Jacobi eigendecomposition) and the per-row reconstruction errors with 10 chunks each.
// Run: npx tsx scripts/bench/multivariate.mts [rows=1000000] [features=20]
import { performance } from 'node:perf_hooks';
import { tableFromArrays } from 'apache-arrow';
import type { Dataset } from '../../lib/data/types';
import { multivariateDrift } from '../../lib/multivariate/multivariate';
import { fitReconstruction, rowErrors } from '../../lib/multivariate/reconstruction';

const args = process.argv.slice(2).filter((a) => /^\d+$/.test(a));
const rows = Number(args[0] ?? 1_000_000);
const features = Number(args[1] ?? 20);

/** Correlated normal features: each is a mix of 5 latent factors plus noise (a seeded LCG + Box–Muller). */
function dataset(name: string, seed: number, shift: number): Dataset {
  let state = seed;
  const uniform = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) + 0.5) / 2 ** 32;
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const columns: Record<string, Float64Array> = {};
  for (let j = 0; j < features; j++) columns[`f${j}`] = new Float64Array(rows);
  const latent = new Float64Array(5);
  for (let i = 0; i < rows; i++) {
    for (let k = 0; k < 5; k++) latent[k] = normal();
    for (let j = 0; j < features; j++) columns[`f${j}`]![i] = latent[j % 5]! * (1 + (j % 3)) + (j === 0 ? shift : 0) + 0.5 * normal();
  }
  const schema = Object.keys(columns).map((n) => ({ name: n, type: 'numeric' as const }));
  const meta = { id: name, name, format: 'csv' as const, sha256: '', bytes: 0, rows, schema, warnings: [], createdAt: '' };
  return { meta, table: tableFromArrays(columns) };
}

function timed<T>(label: string, run: () => T): T {
  const started = performance.now();
  const value = run();
  console.log(`${label.padEnd(34)} ${(performance.now() - started).toFixed(0).padStart(7)} ms   rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  return value;
}

const reference = timed(`make reference ${rows} × ${features}`, () => dataset('reference', 1, 0));
const current = timed(`make current ${rows} × ${features}`, () => dataset('current', 2, 0.3));
const columns = reference.meta.schema.map((c) => c.name);
const model = timed('fit (encode, scale, PCA 0.65)', () => fitReconstruction(reference, columns, 0.65));
console.log(`components kept: ${model.pca.k} of ${features}`);
timed('row errors, current', () => rowErrors(current, model));
const started = performance.now();
const result = await multivariateDrift(reference, current, { chunks: 10 });
console.log(
  `${'multivariateDrift (fit + both sides)'.padEnd(34)} ${(performance.now() - started).toFixed(0).padStart(7)} ms   alerts ${result.current.chunks.filter((c) => c.alert).length}/10`,
);

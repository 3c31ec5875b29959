// MLflow import cost (a measurement, not a test): an mlruns folder of RUNS runs × 20 metrics × STEPS
// steps (1,000 × 20 × 1,000 = 20 million metric lines, ~0.6 GB) written under /tmp the way MLflow's
// FileStore writes one (meta.yaml, one file per param/tag, "timestamp value step" lines), then
// readMlruns in this process (list + read + parse, as the browser worker does it), and the whole
// `driftbook runs import --mlruns DIR --out FILE` process (start-up and the JSON written included).
// Run: npx tsx scripts/bench/mlruns.mts [runs=1000] [steps=1000] [--keep] [--no-cli]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileTreeFromDirectory } from '../../lib/cli/runs-command';
import { readMlruns } from '../../lib/tracking/mlruns';

const args = process.argv.slice(2);
const numbers = args.filter((a) => /^\d+$/.test(a)).map(Number);
const RUNS = numbers[0] ?? 1000;
const STEPS = numbers[1] ?? 1000;
const METRICS = 20;
const ROOT = join(tmpdir(), `driftbook-bench-mlruns-${RUNS}x${STEPS}`);
const EXPERIMENT = '123456789012345678';

function generate(): void {
  rmSync(ROOT, { recursive: true, force: true });
  const exp = join(ROOT, EXPERIMENT);
  mkdirSync(join(exp, 'tags'), { recursive: true });
  writeFileSync(
    join(exp, 'meta.yaml'),
    `artifact_location: file://${ROOT}/${EXPERIMENT}\ncreation_time: 1700000000000\nexperiment_id: '${EXPERIMENT}'\nlast_update_time: 1700000000000\nlifecycle_stage: active\nname: bench\n`,
  );
  let state = 42;
  const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  for (let r = 0; r < RUNS; r++) {
    const id = r.toString(16).padStart(32, '0');
    const run = join(exp, id);
    for (const sub of ['metrics', 'params', 'tags', 'artifacts']) mkdirSync(join(run, sub), { recursive: true });
    const start = 1700000000000 + r * 60_000;
    writeFileSync(
      join(run, 'meta.yaml'),
      `artifact_uri: file://${ROOT}/${EXPERIMENT}/${id}/artifacts\ndeleted_time: null\nend_time: ${start + 50_000}\nentry_point_name: ''\nexperiment_id: '${EXPERIMENT}'\nlifecycle_stage: active\nrun_id: ${id}\nrun_name: run-${r}\nrun_uuid: ${id}\nsource_name: ''\nsource_type: 4\nsource_version: ''\nstart_time: ${start}\nstatus: 3\ntags: []\nuser_id: bench\n`,
    );
    for (let p = 0; p < 10; p++) writeFileSync(join(run, 'params', `p${p}`), String(random()));
    writeFileSync(join(run, 'tags', 'mlflow.runName'), `run-${r}`);
    writeFileSync(join(run, 'artifacts', 'model.pkl'), 'x');
    for (let m = 0; m < METRICS; m++) {
      const lines: string[] = [];
      for (let s = 0; s < STEPS; s++) lines.push(`${start + s * 10} ${random()} ${s}\n`);
      writeFileSync(join(run, 'metrics', `metric_${m}`), lines.join(''));
    }
  }
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`mlruns: ${RUNS} runs × ${METRICS} metrics × ${STEPS} steps in ${ROOT}; load average before: ${load()}`);
if (!existsSync(join(ROOT, EXPERIMENT, 'meta.yaml'))) {
  const started = performance.now();
  generate();
  console.log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

let started = performance.now();
const tree = await fileTreeFromDirectory(ROOT);
const listed = performance.now() - started;
started = performance.now();
const { snapshot, warnings } = await readMlruns(tree);
const read = performance.now() - started;
const points = snapshot.runs.reduce((total, run) => total + Object.values(run.metrics).reduce((n, h) => n + h.length, 0), 0);
if (points !== RUNS * METRICS * STEPS || warnings.length > 0) throw new Error(`read ${points} points, ${warnings.length} warnings`);
console.log(
  `readMlruns (Node, in process): list ${tree.paths().length} files ${listed.toFixed(0)} ms + read/parse ${(read / 1000).toFixed(1)} s; ${points} points; heap ${(process.memoryUsage().heapUsed / 1e9).toFixed(2)} GB, rss ${(process.memoryUsage().rss / 1e9).toFixed(2)} GB; load ${load()}`,
);

if (!args.includes('--no-cli')) {
  const out = join(tmpdir(), `driftbook-bench-mlruns-${RUNS}x${STEPS}.json`);
  started = performance.now();
  const result = spawnSync(
    '/usr/bin/time',
    ['-f', '%M', process.execPath, join(import.meta.dirname, '../../lib/cli/driftbook.mjs'), 'runs', 'import', '--mlruns', ROOT, '--out', out],
    { encoding: 'utf8' },
  );
  const wall = performance.now() - started;
  if (result.status !== 0) throw new Error(`CLI failed: ${result.stderr.slice(-500)}`);
  const peakKb = Number(result.stderr.trim().split('\n').at(-1));
  console.log(
    `driftbook runs import (whole process): ${(wall / 1000).toFixed(1)} s; JSON ${(statSync(out).size / 1e9).toFixed(2)} GB; peak RSS ${(peakKb / 1e6).toFixed(2)} GB; load ${load()}`,
  );
  rmSync(out, { force: true });
}
if (!args.includes('--keep')) rmSync(ROOT, { recursive: true, force: true });

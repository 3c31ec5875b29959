// Regenerates every committed test fixture: each tests/fixtures/generate_*.py (found by glob, so a
// new generator is picked up without editing this file) with Debian's python3 (scipy, sklearn,
// pandas, statsmodels), then the Node fixture scripts. Stops at the first failure, naming it.
// Run: npm run fixtures — then `git status tests/fixtures` should show no change.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const PYTHON = '/usr/bin/python3';
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const NODE_SCRIPTS = ['scripts/make-format-fixtures.mjs', 'scripts/make-bad-fixtures.mjs'];

const generators = readdirSync(FIXTURES)
  .filter((name) => /^generate_.*\.py$/.test(name))
  .sort()
  .map((name) => ({ command: PYTHON, script: join(FIXTURES, name) }));
const steps = [...generators, ...NODE_SCRIPTS.map((path) => ({ command: process.execPath, script: join(ROOT, path) }))];

const started = performance.now();
for (const { command, script } of steps) {
  const name = relative(ROOT, script);
  const t0 = performance.now();
  // Inherit stdio so a generator's own progress lines and tracebacks show as they happen.
  const run = spawnSync(command, [script], { cwd: ROOT, stdio: 'inherit' });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  if (run.status !== 0) {
    const why = run.error ? run.error.message : run.signal ? `signal ${run.signal}` : `exit code ${run.status}`;
    console.error(`fixtures: ${name} failed after ${seconds} s (${why}) — fix it and run npm run fixtures again`);
    process.exit(1);
  }
  console.log(`fixtures: ${name} ${seconds} s`);
}
console.log(`fixtures: ${steps.length} scripts in ${((performance.now() - started) / 1000).toFixed(1)} s`);

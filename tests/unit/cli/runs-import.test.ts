/**
 * `driftbook runs import --mlruns DIR`: the JSON the importer's fixture test expects
 * (tests/fixtures/generate_mlruns.py wrote the folder and the expected JSON), usage errors as one
 * line and exit 2, and per-file warnings on standard error.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../lib/cli/main';
import { runsCommand } from '../../../lib/cli/runs-command';
import { ROOT } from '../../support';

const TREE = join(ROOT, 'tests/fixtures/mlruns/tree');
const EXPECTED = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/mlruns/expected.json'), 'utf8'));

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
function sorted(json: { experiments: Array<{ id: string }>; runs: Array<{ id: string }> }) {
  return { ...json, experiments: [...json.experiments].sort(byId), runs: [...json.runs].sort(byId) };
}

describe('driftbook runs import', () => {
  it('prints the folder as JSON: ids strings, NaN/±inf as strings, versions integers', async () => {
    const { code, out, err } = await run(['runs', 'import', '--mlruns', TREE, '--format', 'json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(sorted(JSON.parse(out))).toEqual(EXPECTED);
    expect(out).toContain('"id": "1234567890123456789"');
    expect(out).toContain('"value": "Infinity"');
    expect(out).toMatch(/"version": 3,/);
  });

  it('writes --out FILE', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'driftbook-runs-'));
    const file = join(dir, 'runs.json');
    const { code, out } = await run(['runs', 'import', '--mlruns', TREE, '--out', file]);
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(sorted(JSON.parse(readFileSync(file, 'utf8')))).toEqual(EXPECTED);
  });

  it.each([
    [['runs', 'import', '--mlruns', '/nonexistent/mlruns'], /--mlruns: cannot read \/nonexistent\/mlruns \(no such directory\)/],
    [['runs', 'import', '--mlruns', join(ROOT, 'package.json')], /is not a directory/],
    [['runs', 'import'], /needs .*--mlruns DIR/],
    [['runs', 'import', '--mlruns', TREE, '--format', 'csv'], /--format: csv/],
    [['runs', 'export'], /unknown subcommand export/],
    [['runs'], /a subcommand is needed/],
  ])('%j is one line and exit 2', async (args, message) => {
    const { code, out, err } = await run(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('reports a broken file as a warning naming its path and still prints the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'driftbook-mlruns-'));
    mkdirSync(join(dir, '1', 'aa', 'metrics'), { recursive: true });
    writeFileSync(join(dir, '1', 'meta.yaml'), "artifact_location: /x\nexperiment_id: '1'\nlifecycle_stage: active\nname: e\n");
    writeFileSync(join(dir, '1', 'aa', 'meta.yaml'), "experiment_id: '1'\nrun_id: aa\nrun_name: r\nstart_time: 1\nstatus: 3\nuser_id: u\n");
    writeFileSync(join(dir, '1', 'aa', 'metrics', 'loss'), '1 0.5 0\n2 oops 1\n');
    let out = '';
    let err = '';
    await runsCommand(
      ['import', '--mlruns', dir],
      (t) => (out += t),
      (t) => (err += t),
    );
    expect(err).toBe('driftbook: warning: 1/aa/metrics/loss: line 2 is not "timestamp value step" ("2 oops 1") — left out\n');
    expect(JSON.parse(out).runs[0].metrics.loss).toEqual([{ value: 0.5, timestamp: 1, step: 0 }]);
  });

  it('runs as the installed command (bin → tsx → main)', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'lib/cli/driftbook.mjs'), 'runs', 'import', '--mlruns', TREE], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(sorted(JSON.parse(result.stdout))).toEqual(EXPECTED);
  });
});

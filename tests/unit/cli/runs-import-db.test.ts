// `driftbook runs import --mlflow-db FILE`: the CLI prints the same snapshot the importer reads
// (tests/unit/tracking/mlflow-db.test.ts), in the JSON shape, against the databases and expected
// JSON of tests/fixtures/generate_mlflow_db.py (built from MLflow's mlflow/store/tracking/dbmodels/models.py).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../lib/cli/main';

const ROOT = join(__dirname, '../../..');
const DIR = join(ROOT, 'tests/fixtures/mlflow-db');

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const expected = (label: string): unknown => JSON.parse(readFileSync(join(DIR, `mlflow-${label}.expected.json`), 'utf8'));

describe('driftbook runs import --mlflow-db', () => {
  for (const label of ['1x', '2x', '3x']) {
    it(`prints the ${label} database's experiments, runs and registry as JSON`, async () => {
      const { code, out, err } = await run(['runs', 'import', '--mlflow-db', join(DIR, `mlflow-${label}.db`), '--format', 'json']);
      expect(err).toBe('');
      expect(code).toBe(0);
      expect(JSON.parse(out)).toEqual(expected(label));
    });
  }

  it('writes NaN as "NaN", ±inf-as-max-double as numbers and ids as strings', async () => {
    const { out } = await run(['runs', 'import', '--mlflow-db', join(DIR, 'mlflow-3x.db')]);
    expect(out).toContain('"NaN"');
    expect(out).toContain('"8714525305245712345"');
    expect(out).not.toContain('Infinity');
    const snapshot = JSON.parse(out) as { runs: { metrics: Record<string, { value: unknown }[]> }[] };
    expect(snapshot.runs.flatMap((r) => (r.metrics.auc ?? []).map((p) => p.value))).toEqual([0.8125, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MAX_VALUE]);
  });

  it('refuses a missing file, a non-SQLite file, and both or neither source, with exit 2 and one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'driftbook-mlflow-db-'));
    const csv = join(dir, 'runs.csv');
    writeFileSync(csv, 'a,b\n1,2\n');
    const cases: [string[], RegExp][] = [
      [['--mlflow-db', join(dir, 'nope.db')], /--mlflow-db: cannot read .*no such file/],
      [['--mlflow-db', dir], /--mlflow-db: cannot read .*directory/],
      [['--mlflow-db', csv], /not an SQLite database/],
      [['--mlflow-db', csv, '--mlruns', dir], /one of --mlruns DIR .* or --mlflow-db FILE/],
      [[], /one of --mlruns DIR .* or --mlflow-db FILE/],
    ];
    for (const [args, message] of cases) {
      const { code, out, err } = await run(['runs', 'import', ...args]);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(message);
      expect(err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('runs as the installed bin (tsx, sql.js loading its wasm from node_modules)', () => {
    const child = spawnSync(process.execPath, [join(ROOT, 'lib/cli/driftbook.mjs'), 'runs', 'import', '--mlflow-db', join(DIR, 'mlflow-2x.db')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual(expected('2x'));
  }, 60_000);
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alertingRulesYaml } from '../../../lib/alerts/prom-rules';
import { defaultRules } from '../../../lib/alerts/rules-defaults';
import { rulesFileText } from '../../../lib/alerts/rules';
import type { AlertRule } from '../../../lib/alerts/types';
import { main } from '../../../lib/cli/main';
import { HOSTILE_NAMES, promtool } from '../../support';

const dir = mkdtempSync(join(tmpdir(), 'driftbook-cli-alerts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['alerts', ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const hostile: AlertRule = {
  id: 'hostile "id"',
  name: `Drift of ${HOSTILE_NAMES[0]}`,
  metric: 'column_drift_score',
  labels: { column: HOSTILE_NAMES.join('|'), method: 'wasserstein' },
  comparator: '>=',
  threshold: 0.1,
  for: { consecutive: 3 },
  severity: 'info',
  summary: 'Wasserstein {{ $value }} on {{ $labels.column }} {{ $labels.nope }}',
};
const rulesPath = join(dir, 'rules.json');
writeFileSync(rulesPath, rulesFileText([...defaultRules({ slaSeconds: 0.35 }), hostile]));

describe('driftbook alerts', () => {
  it('writes a rules file promtool check rules --lint-fatal accepts and a test file promtool test rules passes', async () => {
    mkdirSync(join(dir, 'tests'));
    const out = join(dir, 'rules.yml');
    const testOut = join(dir, 'tests', 'rules.test.yml');
    const result = await run(['--rules', rulesPath, '--format', 'prometheus', '--out', out, '--test-out', testOut, '--interval', '30s']);
    expect(result).toEqual({ code: 0, out: '', err: '' });
    const check = promtool(['check', 'rules', '--lint-fatal', out]);
    expect(check.stdout).toContain('SUCCESS: 6 rules found');
    expect(check.code).toBe(0);
    // The test file names the rules file relative to its own folder, so promtool finds it from anywhere.
    expect(readFileSync(testOut, 'utf8')).toContain('rule_files:\n  - ../rules.yml\n');
    const test = promtool(['test', 'rules', testOut], { cwd: tmpdir() });
    expect(test.stdout + test.stderr).toContain('SUCCESS');
    expect(test.code).toBe(0);
    const yaml = readFileSync(out, 'utf8');
    expect(yaml).toContain('interval: 30s');
    expect(yaml).toContain('for: 1m\n'); // consecutive 3 at 30 s
    expect(yaml).toContain('expr: driftbook_latency_seconds{quantile="0.95",dataset="current"} > 0.35');
  });

  it('prints the rules file without --out, the same as the library writes', async () => {
    const result = await run(['--rules', rulesPath]);
    expect(result.code).toBe(0);
    expect(result.out).toBe(alertingRulesYaml([...defaultRules({ slaSeconds: 0.35 }), hostile]));
  });

  it('refuses bad input with one line naming what to fix (exit 2)', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        schemaVersion: 1,
        rules: [
          { ...hostile, metric: 'nope' },
          { ...hostile, id: 'x', threshold: 'high' },
        ],
      }),
    );
    const refused = await run(['--rules', bad, '--out', join(dir, 'never.yml')]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/^driftbook: --rules: .*bad\.json: rules\[0\] "hostile \\"id\\"": metric: .*; rules\[1\] "x": threshold: .*\n$/);
    expect(refused.err.split('\n')).toHaveLength(2);

    const cases: [string[], string][] = [
      [[], 'driftbook: alerts needs --rules FILE (a Driftbook rules JSON file) — e.g. --rules rules.json --out rules.yml\n'],
      [['--rules', rulesPath, '--format', 'json'], 'driftbook: unknown format: json — use prometheus\n'],
      [['--rules', rulesPath, '--test-out', join(dir, 't.yml')], 'driftbook: --test-out needs --out FILE: the test file names the rules file it tests\n'],
      [
        ['--rules', rulesPath, '--out', join(dir, 'a.yml'), '--test-out', join(dir, 'a.yml')],
        'driftbook: --test-out: the same path as --out — give the test file its own name\n',
      ],
      [['--rules', rulesPath, '--interval', '0s'], 'driftbook: --interval: 0s — the evaluation interval must be longer than 0s (e.g. 1m)\n'],
      [['--rules', join(dir, 'missing.json')], `driftbook: --rules: ${join(dir, 'missing.json')}: no such file — give a rules JSON file\n`],
    ];
    for (const [args, err] of cases) expect(await run(args), args.join(' ')).toEqual({ code: 2, out: '', err });
  });
});

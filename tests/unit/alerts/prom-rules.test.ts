import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { goTemplateOf } from '../../../lib/alerts/go-template';
import { alertingRulesYaml, alertNames, forDuration } from '../../../lib/alerts/prom-rules';
import { promtoolTestYaml } from '../../../lib/alerts/prom-rules-test';
import { promqlSelector, promqlString } from '../../../lib/alerts/promql';
import { defaultRules } from '../../../lib/alerts/rules-defaults';
import type { AlertRule, Comparator } from '../../../lib/alerts/types';
import { HOSTILE_NAMES, promtool } from '../../support';

const dir = mkdtempSync(join(tmpdir(), 'driftbook-prom-rules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rule = (over: Partial<AlertRule> & Pick<AlertRule, 'id'>): AlertRule => ({
  name: over.id,
  metric: 'column_drift_score',
  labels: { method: 'psi' },
  comparator: '>',
  threshold: 0.2,
  for: '0s',
  severity: 'warning',
  summary: 'PSI of {{ $labels.column }} is {{ $value }}',
  ...over,
});

interface Written {
  rules: string;
  test: string;
}

/** Writes the rules file and its test file in a fresh folder; promtool reads them there. */
function write(name: string, rules: AlertRule[], options: { interval?: string } = {}): Written {
  const folder = mkdtempSync(join(dir, `${name}-`));
  const paths = { rules: join(folder, 'rules.yml'), test: join(folder, 'rules.test.yml') };
  writeFileSync(paths.rules, alertingRulesYaml(rules, options));
  writeFileSync(paths.test, promtoolTestYaml(rules, { ...options, rulesFile: 'rules.yml' }));
  return paths;
}

function expectPromtoolClean(paths: Written, count: number): void {
  const check = promtool(['check', 'rules', '--lint-fatal', paths.rules]);
  expect(check.stderr).toBe('');
  expect(check.stdout).toContain(`SUCCESS: ${count} rules found`);
  expect(check.code).toBe(0);
  const test = promtool(['test', 'rules', paths.test]);
  expect(test.stdout + test.stderr).toContain('SUCCESS');
  expect(test.code, test.stdout + test.stderr).toBe(0);
}

describe('Prometheus alerting rules', () => {
  it('exports the default rules: promtool check rules --lint-fatal and promtool test rules pass', () => {
    const rules = defaultRules();
    const paths = write('defaults', rules);
    expectPromtoolClean(paths, rules.length);
    const group = (parse(readFileSync(paths.rules, 'utf8')) as { groups: { name: string; interval: string; rules: Record<string, unknown>[] }[] }).groups;
    expect(group).toHaveLength(1);
    expect(group[0]!.name).toBe('driftbook');
    expect(group[0]!.interval).toBe('1m');
    expect(group[0]!.rules[0]).toEqual({
      alert: 'ColumnPSIAbove02',
      expr: 'driftbook_column_drift_score{method="psi"} > 0.2',
      for: '0s',
      labels: { severity: 'warning' },
      annotations: { summary: rules[0]!.summary, driftbook_rule_id: 'column-psi', driftbook_rule_name: 'Column PSI above 0.2' },
    });
    expect(group[0]!.rules.map((r) => r.expr)).toEqual([
      'driftbook_column_drift_score{method="psi"} > 0.2',
      'driftbook_column_drift_statistic{method="ks"} > 0.1',
      'driftbook_dataset_drift_share >= 0.5',
      'driftbook_model_metric{metric="accuracy",dataset="current"} < 0.9',
      'driftbook_latency_seconds{quantile="0.95",dataset="current"} > 0.2',
    ]);
  });

  it('matches hostile label values exactly: the synthetic series (PromQL-escaped) carry the exp_labels (YAML) and fire', () => {
    // If the matcher's escaping lost or changed a character, the series would not match and its alert would not fire.
    const rules = HOSTILE_NAMES.map((column, i) =>
      rule({ id: `hostile-${i}`, name: `Drift of ${column}`, labels: { column, method: 'psi' }, summary: `{{ $labels.column }} {{ oops ${column}` }),
    );
    const paths = write('hostile', rules);
    expectPromtoolClean(paths, rules.length);
    const text = readFileSync(paths.rules, 'utf8');
    expect(text).toContain(String.raw`expr: driftbook_column_drift_score{column="a\"b\\c",method="psi"} > 0.2`);
    // Bidi controls are \u escapes in PromQL, so the rules file shows them.
    expect(text).toContain(String.raw`column="\u202eevil\u202c"`);
    const exprs = text.split('\n').filter((line) => line.includes('expr:'));
    expect(exprs).toHaveLength(rules.length);
    for (const line of exprs) expect(line).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it('prints $value as Prometheus does for thresholds of every size and sign, under every comparator', () => {
    const thresholds = [1e-7, 0.1 + 0.2, 0.5, 1, 123456, 1e6, 1234567.5, 1e21, -2.5, 0];
    const comparators: Comparator[] = ['>', '>=', '<', '<='];
    // Each threshold with one comparator in turn (every rule is evaluated in every test group: keep the file small).
    const rules = thresholds.map((threshold, i) =>
      rule({
        id: `t${i}`,
        metric: 'dataset_drift_share',
        labels: {},
        threshold,
        comparator: comparators[i % 4]!,
        summary: 'value {{ $value }} vs {{$labels.column}}.',
      }),
    );
    expectPromtoolClean(write('values', rules), rules.length);
  });

  it('respects for: a duration, and {consecutive: N} as (N − 1) evaluation intervals', () => {
    expect(forDuration('90s', 60_000)).toBe('1m30s');
    expect(forDuration({ consecutive: 1 }, 60_000)).toBe('0s');
    expect(forDuration({ consecutive: 3 }, 60_000)).toBe('2m');
    expect(forDuration({ consecutive: 4 }, 3_600_000)).toBe('3h');
    const rules = [
      rule({ id: 'five-minutes', for: '5m' }),
      rule({ id: 'ninety-seconds', for: '90s', comparator: '<=', threshold: 0.1 }),
      rule({ id: 'three-in-a-row', for: { consecutive: 3 }, comparator: '<', threshold: 0.9, metric: 'model_metric', labels: { metric: 'accuracy' } }),
    ];
    const hourly = write('for-hourly', rules, { interval: '1h' });
    expectPromtoolClean(hourly, rules.length);
    const yaml = readFileSync(hourly.rules, 'utf8');
    expect(yaml).toContain('interval: 1h');
    expect(yaml).toContain('for: 2h');
    // The test file checks no alert one interval before `for` is reached (pending), one at it.
    const test = parse(readFileSync(hourly.test, 'utf8')) as { tests: { name: string; alert_rule_test: { eval_time: string; exp_alerts: unknown[] }[] }[] };
    const consecutive = test.tests.find((t) => t.name.startsWith('ThreeInARow') && t.name.includes('fires'))!;
    expect(consecutive.alert_rule_test.map((c) => [c.eval_time, c.exp_alerts.length])).toEqual([
      ['1h', 0],
      ['2h', 1],
      ['4h', 0],
    ]);
    expectPromtoolClean(write('for-minutes', rules), rules.length);
  });

  it('the generated test is a real check: a flipped expectation fails promtool test rules', () => {
    const paths = write('flipped', [rule({ id: 'psi' })]);
    const text = readFileSync(paths.test, 'utf8');
    const flipped = text.replace('exp_alerts: []', 'exp_alerts: [{exp_labels: {severity: warning}}]');
    expect(flipped).not.toBe(text);
    writeFileSync(paths.test, flipped);
    const test = promtool(['test', 'rules', paths.test]);
    expect(test.code).toBe(1);
    expect(test.stdout + test.stderr).toContain('FAILED');
  });

  it('names alerts validly and distinctly, keeps the original name, leaves disabled rules out', () => {
    expect(
      alertNames([
        { name: 'Column PSI > 0.2' },
        { name: 'column psi 0 2' },
        { name: 'Dérive (données)' },
        { name: '95th latency' },
        { name: '' },
        { name: '日本' },
      ]),
    ).toEqual(['ColumnPSI02', 'ColumnPsi02', 'DeriveDonnees', 'Driftbook95thLatency', 'Driftbook', 'Driftbook_2']);
    expect(alertNames([{ name: 'a b' }, { name: 'A-b' }, { name: 'AB' }])).toEqual(['AB', 'AB_2', 'AB_3']);
    const rules = [
      rule({ id: 'on', name: 'Same' }),
      rule({ id: 'off\nline', name: 'Off', enabled: false }),
      rule({ id: 'same', name: 'Same', severity: 'critical' }),
    ];
    const paths = write('names', rules);
    expectPromtoolClean(paths, 2);
    const text = readFileSync(paths.rules, 'utf8');
    expect(text).toContain('# Disabled in Driftbook, so left out: "off\\nline"');
    const parsed = parse(text) as { groups: { rules: { alert: string; annotations: Record<string, string> }[] }[] };
    expect(parsed.groups[0]!.rules.map((r) => [r.alert, r.annotations.driftbook_rule_id, r.annotations.driftbook_rule_name])).toEqual([
      ['Same', 'on', 'Same'],
      ['Same_2', 'same', 'Same'],
    ]);
  });

  it('writes summaries and PromQL strings Prometheus reads back as written', () => {
    expect(goTemplateOf('{{ $labels.column }} is {{ $value }} {{ nope }} {{{ $value }}')).toBe(
      '{{ $labels.column }} is {{ $value }} {{"{"}}{ nope }} {{"{"}}{{ $value }}',
    );
    expect(promqlString('a"b\\c\n\t\u202e é')).toBe(String.raw`"a\"b\\c\n\t\u202e é"`);
    expect(() => promqlString('\ud800')).toThrow(/lone UTF-16 surrogate/);
    expect(promqlSelector('dataset_drift_share', {})).toBe('driftbook_dataset_drift_share');
    expect(() => promqlSelector('dataset_drift_share', { column: 'a' })).toThrow(/label: column is not a label of dataset_drift_share/);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goFloat, renderSummary } from '../../../lib/alerts/summary-template';
import { promtool } from '../../support/promtool';

/**
 * Summaries render as Prometheus expands an alerting rule's annotations (rules/alerting.go Eval:
 * `{{$labels := .Labels}}{{$value := .Value}}` + Go text/template). Checked by `promtool test
 * rules`: it expands the annotation itself and compares it with our rendering.
 */
const VALUES = [0.2, 1234567, 100000, 999999, 0.00001, 0.0001, 1e21, 1e20, 123456789012, -0.5, 1 / 3, 42, 2.5e-7];
const TEMPLATE = 'v={{ $value }} c={{$labels.column}} m={{ $labels.missing }} keep={{ $value | humanize }} {{ .Other }}';
const LABELS = { column: 'a"b\\c', method: 'psi' };

describe('renderSummary', () => {
  it('equals promtool’s expansion for every value (Go %v floats, labels, a missing label empty)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'driftbook-summary-'));
    try {
      // The expansion of the parts we render; the rest we leave as written, so only those are compared.
      const annotation = 'v={{ $value }} c={{$labels.column}} m={{ $labels.missing }}';
      const rules = { groups: [{ name: 't', rules: [{ alert: 'A', expr: 'm > -1', annotations: { summary: annotation } }] }] };
      const test = {
        rule_files: ['rules.yml'],
        evaluation_interval: '1m',
        tests: [
          {
            interval: '1m',
            input_series: [{ series: `m{column=${JSON.stringify(LABELS.column)},method="psi"}`, values: VALUES.map(String).join(' ') }],
            alert_rule_test: VALUES.map((v, i) => ({
              eval_time: `${i}m`,
              alertname: 'A',
              exp_alerts: [{ exp_labels: LABELS, exp_annotations: { summary: renderSummary(annotation, LABELS, v) } }],
            })),
          },
        ],
      };
      writeFileSync(join(dir, 'rules.yml'), JSON.stringify(rules));
      writeFileSync(join(dir, 'test.yml'), JSON.stringify(test));
      const run = promtool(['test', 'rules', 'test.yml'], { cwd: dir });
      expect(run.code, run.stdout + run.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves other placeholders as written and prints null, NaN and infinities as Go does', () => {
    expect(renderSummary(TEMPLATE, LABELS, 0.25)).toBe('v=0.25 c=a"b\\c m= keep={{ $value | humanize }} {{ .Other }}');
    expect(renderSummary('{{ $value }}', {}, null)).toBe('NaN');
    expect([Infinity, -Infinity, NaN, 0, 1e6, 1.5e-5].map(goFloat)).toEqual(['+Inf', '-Inf', 'NaN', '0', '1e+06', '1.5e-05']);
    expect(renderSummary('{{- $labels.column -}}', LABELS, 1)).toBe('{{- $labels.column -}}');
  });
});

import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../../lib/alerts/duration';
import { readRulesFile, rulesFileText, validateRule } from '../../../lib/alerts/rules';
import { defaultRules } from '../../../lib/alerts/rules-defaults';
import type { AlertRule } from '../../../lib/alerts/types';

const rule = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'psi',
  name: 'PSI high',
  metric: 'column_drift_score',
  labels: { method: 'psi', column: 'a"b\\c' },
  comparator: '>',
  threshold: 0.2,
  for: '5m',
  severity: 'warning',
  summary: 'PSI of {{ $labels.column }} is {{ $value }}',
  ...over,
});

const messageOf = (json: unknown): string => {
  try {
    readRulesFile(json);
  } catch (error) {
    expect((error as { code?: string }).code).toBe('bad-rules');
    return (error as Error).message;
  }
  throw new Error('no error');
};

describe('rules file', () => {
  it('reads a valid file and writes it back byte-stable (fields in order, labels in the family order, final newline)', () => {
    const file = readRulesFile({ schemaVersion: 1, rules: [rule(), rule({ id: 'runs', for: { consecutive: 3 }, summary: undefined, enabled: false })] });
    expect(file.rules[0]!.labels).toEqual({ column: 'a"b\\c', method: 'psi' });
    expect(Object.keys(file.rules[0]!.labels)).toEqual(['column', 'method']);
    expect(file.rules[1]).toMatchObject({ for: { consecutive: 3 }, summary: '', enabled: false });
    const text = rulesFileText(file.rules);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('"column": "a\\"b\\\\c"');
    expect(readRulesFile(JSON.parse(text))).toEqual(file);
    expect(rulesFileText(readRulesFile(JSON.parse(text)).rules)).toBe(text);
  });

  it('names the rule (index and id) and the field of every problem, all at once', () => {
    const message = messageOf({
      schemaVersion: 1,
      rules: [
        rule({ metric: 'column_psi' }),
        rule({ id: 'b', labels: { colour: 'x' } }),
        rule({ id: 'c', comparator: '==', threshold: '0.2' }),
        rule({ id: 'd', threshold: Infinity, for: '5 minutes', severity: 'page' }),
        rule({ id: 'psi' }),
        rule({ id: 'e', for: { consecutive: 0 }, treshold: 1 }),
        'not a rule',
        rule({ id: 'f', metric: 'dataset_drift_share', labels: { column: 'x' } }),
        rule({ id: 'g', labels: { column: 3, method: '' } }),
      ],
    });
    const lines = message.split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^rules\[0\] "psi": metric: "column_psi" — use a catalogue name without the driftbook_ prefix: column_drift_score, /),
      'rules[1] "b": labels.colour: not a label of column_drift_score — use column, method',
      'rules[2] "c": comparator: "==" — use one of > >= < <=',
      'rules[2] "c": threshold: "0.2" — a finite number',
      'rules[3] "d": threshold: Infinity — a finite number',
      expect.stringMatching(/^rules\[3\] "d": for: "5 minutes" — write a Prometheus duration/),
      'rules[3] "d": severity: "page" — use one of critical, warning, info',
      'rules[4] "psi": id: duplicate of rules[0] — give each rule its own id',
      'rules[5] "e": treshold: unknown field — the fields are id, name, metric, labels, comparator, threshold, for, severity, summary, enabled',
      'rules[5] "e": for: {"consecutive":0} — consecutive is a whole number of evaluations, 1 or more',
      'rules[6]: rule: "not a rule" — each rule is an object',
      'rules[7] "f": labels.column: not a label of dataset_drift_share — it has no labels: leave labels empty',
      'rules[8] "g": labels.column: 3 — a label value is text',
      'rules[8] "g": labels.method: empty — leave the label out to match every value',
    ]);
  });

  it('refuses another schemaVersion, a non-object and a missing rules list', () => {
    expect(messageOf({ schemaVersion: 2, rules: [] })).toBe('schemaVersion: 2 — this version of Driftbook reads rules files of schemaVersion 1');
    expect(messageOf([])).toMatch(/^rules file: \[\] — expected \{"schemaVersion": 1, "rules": \[\.\.\.\]\}/);
    expect(messageOf({ schemaVersion: 1 })).toBe('rules: missing — expected a list of rules');
    expect(messageOf({ schemaVersion: 1, rules: [], extra: 1 })).toBe('extra: unknown field — a rules file has schemaVersion and rules');
  });

  it('validateRule gives the form field messages, and a taken id', () => {
    expect(validateRule(rule())).toEqual([]);
    expect(validateRule(rule({ threshold: 'x', name: ' ' }))).toEqual(['name: " " — give a non-empty name', 'threshold: "x" — a finite number']);
    expect(validateRule(rule(), [rule() as unknown as AlertRule])).toEqual(['id: "psi" — another rule has it: give each rule its own id']);
  });

  it('default rules are valid, cover the seed and take the SLA', () => {
    const rules = defaultRules({ slaSeconds: 0.35 });
    expect(readRulesFile({ schemaVersion: 1, rules }).rules).toEqual(rules);
    expect(rules.map((r) => [r.metric, r.labels, r.comparator, r.threshold])).toEqual([
      ['column_drift_score', { method: 'psi' }, '>', 0.2],
      ['column_drift_statistic', { method: 'ks' }, '>', 0.1],
      ['dataset_drift_share', {}, '>=', 0.5],
      ['model_metric', { metric: 'accuracy', dataset: 'current' }, '<', 0.9],
      ['latency_seconds', { quantile: '0.95', dataset: 'current' }, '>', 0.35],
    ]);
    expect(defaultRules()[4]!.threshold).toBe(0.2);
  });
});

describe('Prometheus durations (prometheus/common model.ParseDuration and Duration.String)', () => {
  it('parses the grammar: units y w d h m s ms, largest first', () => {
    expect(parseDuration('0s')).toBe(0);
    expect(parseDuration('0')).toBe(0);
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('1y2w3d4h5m6s7ms')).toBe(((((365 + 14 + 3) * 24 + 4) * 60 + 5) * 60 + 6) * 1000 + 7);
  });

  it('refuses what Prometheus refuses, saying how to write one', () => {
    for (const bad of ['', '5', '5 m', '1m1h', '1.5h', '-1m', '1M', '5mins', '1h1h'])
      expect(() => parseDuration(bad), bad).toThrow(/^duration: .* — write a Prometheus duration/);
  });

  it('formats the shortest spelling, years and weeks only when exact', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(90_000)).toBe('1m30s');
    expect(formatDuration(90 * 86_400_000)).toBe('90d');
    expect(formatDuration(14 * 86_400_000)).toBe('2w');
    expect(formatDuration(3_600_001)).toBe('1h1ms');
    for (const text of ['5m', '1h30m', '1y', '2w', '3d4h', '1s500ms']) expect(formatDuration(parseDuration(text))).toBe(text);
  });
});

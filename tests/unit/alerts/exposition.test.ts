import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../../lib/alerts/catalogue';
import { escapeHelp, escapeLabelValue, exposition, formatSampleValue } from '../../../lib/alerts/exposition';
import type { Sample } from '../../../lib/alerts/types';
import { checkMetrics, HOSTILE_NAMES, parseExposition } from '../../support';

const sample = (metric: string, labels: Record<string, string>, value: number | null): Sample => ({ metric, labels, value });

describe('exposition', () => {
  it('escapes label values and HELP as expfmt does', () => {
    expect(escapeLabelValue('a"b\\c\nd')).toBe('a\\"b\\\\c\\nd');
    expect(escapeLabelValue('\u202e\t\r')).toBe('\u202e\t\r');
    expect(escapeHelp('a "b" \\ c\nd')).toBe('a "b" \\\\ c\\nd');
    expect([null, NaN, Infinity, -Infinity, 0.1, -2, 1e-7, 1.5e300].map(formatSampleValue)).toEqual([
      'NaN',
      'NaN',
      '+Inf',
      '-Inf',
      '0.1',
      '-2',
      '1e-7',
      '1.5e+300',
    ]);
  });

  it('writes hostile column names that promtool accepts and that read back exactly', () => {
    const samples = HOSTILE_NAMES.flatMap((column, i) => [
      sample('column_drift_score', { column, method: 'psi' }, i / 10),
      sample('column_missing_share', { column, dataset: 'current' }, i === 0 ? null : 0.5),
    ]);
    samples.push(sample('dataset_drift_share', {}, 0.25), sample('latency_seconds', { quantile: '0.95', dataset: 'current' }, Infinity));
    const text = exposition(samples);
    const check = checkMetrics(text);
    expect(check.stdout + check.stderr).toBe('');
    expect(check.code).toBe(0);
    expect(text.endsWith('\n') && !text.includes('\r\n')).toBe(true);
    expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);

    const families = parseExposition(text);
    // Catalogue order, one HELP/TYPE each, whatever the samples' order.
    expect(families.map((f) => f.name)).toEqual([
      'driftbook_column_drift_score',
      'driftbook_dataset_drift_share',
      'driftbook_column_missing_share',
      'driftbook_latency_seconds',
    ]);
    expect(families.map((f) => f.type)).toEqual(['gauge', 'gauge', 'gauge', 'summary']);
    expect(families[0]!.help).toBe(FAMILIES.find((f) => f.name === 'column_drift_score')!.help);
    expect(families[0]!.series.map((s) => Object.fromEntries(s.labels).column)).toEqual(HOSTILE_NAMES);
    expect(families[2]!.series.map((s) => Object.fromEntries(s.labels).column)).toEqual(HOSTILE_NAMES);
    expect(families[0]!.series.map((s) => s.value)).toEqual(HOSTILE_NAMES.map((_, i) => i / 10));
    expect(families[2]!.series[0]!.value).toBeNaN();
    expect(families[3]!.series[0]).toEqual({
      name: 'driftbook_latency_seconds',
      labels: [
        ['quantile', '0.95'],
        ['dataset', 'current'],
      ],
      value: Infinity,
    });
  });

  it('writes every catalogue family promtool-clean (names, units, types)', () => {
    // A summary's quantile label is a number (expfmt refuses anything else); the other labels any text.
    const samples = FAMILIES.map((f) => sample(f.name, Object.fromEntries(f.labels.map((l) => [l, l === 'quantile' ? '0.99' : `${l} value`])), 1));
    const text = exposition(samples);
    const check = checkMetrics(text);
    expect(check.stdout + check.stderr).toBe('');
    expect(check.code).toBe(0);
    expect(parseExposition(text).map((f) => f.name)).toEqual(FAMILIES.map((f) => `driftbook_${f.name}`));
  });

  it('promtool is a real check: a quantile label on a gauge is flagged', () => {
    const check = checkMetrics('# HELP driftbook_x X.\n# TYPE driftbook_x gauge\ndriftbook_x{quantile="0.5"} 1\n');
    expect(check.code).toBe(3);
    expect(check.stdout + check.stderr).toContain('non-summary metrics should not have "quantile" label');
  });

  it('refuses duplicate series, unknown families and labels', () => {
    const psi = sample('column_drift_score', { column: 'a', method: 'psi' }, 1);
    expect(() => exposition([psi, { ...psi, labels: { method: 'psi', column: 'a' } }])).toThrow(/driftbook_column_drift_score.*appears twice/);
    // An empty label value is no label at all in Prometheus.
    expect(() => exposition([sample('column_drift_score', { method: 'ks' }, 1), sample('column_drift_score', { method: 'ks', column: '' }, 2)])).toThrow(
      /appears twice/,
    );
    expect(() => exposition([sample('no_such_family', {}, 1)])).toThrow(/metric: no_such_family/);
    expect(() => exposition([sample('dataset_drift_share', { column: 'a' }, 1)])).toThrow(/label: column is not a label of dataset_drift_share/);
    expect(() => exposition([sample('latency_seconds', { quantile: 'p95' }, 1)])).toThrow(/quantile: "p95" is not a number/);
    expect(exposition([])).toBe('');
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../lib/cli/main';
import { checkMetrics, HOSTILE_NAMES, parseExposition, ROOT, type ParsedFamily } from '../../support';

const dir = mkdtempSync(join(tmpdir(), 'driftbook-cli-prometheus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const model = (name: string) => join(ROOT, 'tests/fixtures/model', name);
const cbpe = (name: string) => join(ROOT, 'tests/fixtures/cbpe', name);

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** A command's exposition: exit 0, nothing on stderr, promtool check metrics silent, and read back. */
async function exposition(args: string[]): Promise<ParsedFamily[]> {
  const { code, out, err } = await run([...args, '--format', 'prometheus']);
  expect(err).toBe('');
  expect(code).toBe(0);
  const check = checkMetrics(out);
  expect(check.stdout + check.stderr).toBe('');
  expect(check.code).toBe(0);
  return parseExposition(out);
}

const json = async (args: string[]) => {
  const { code, out } = await run(args);
  expect(code).toBe(0);
  return JSON.parse(out) as Record<string, unknown>;
};
const family = (families: ParsedFamily[], name: string) => families.find((f) => f.name === `driftbook_${name}`)!;
const label = (series: ParsedFamily['series'][number], name: string) => Object.fromEntries(series.labels)[name];

// The names as Driftbook reads them from a CSV header (the reader trims surrounding spaces: " spaced " is "spaced").
const NAMES = HOSTILE_NAMES.map((name) => name.trim());

// A CSV field as RFC 4180 quotes it (names with quotes, commas or line breaks).
const csvField = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

function hostileCsv(name: string, shift: number): string {
  const rows = [HOSTILE_NAMES.map(csvField).join(',')];
  for (let i = 0; i < 120; i++) rows.push(HOSTILE_NAMES.map((_, k) => (((i * 37 + k * 11) % 101) / 10 + (k % 2 ? shift : 0)).toFixed(2)).join(','));
  const path = join(dir, name);
  writeFileSync(path, `${rows.join('\n')}\n`);
  return path;
}

describe('--format prometheus', () => {
  const reference = hostileCsv('ref.csv', 0);
  const current = hostileCsv('cur.csv', 3);

  it('drift: hostile column names round-trip exactly, values equal the JSON result', async () => {
    const families = await exposition(['drift', '--reference', reference, '--current', current]);
    const scores = family(families, 'column_drift_score').series;
    expect(scores.map((s) => label(s, 'column'))).toEqual(NAMES);
    const result = await json(['drift', '--reference', reference, '--current', current]);
    const columns = result.columns as { name: string; method: string; score: number; drifted: boolean }[];
    expect(scores.map((s) => [label(s, 'column'), label(s, 'method'), s.value])).toEqual(columns.map((c) => [c.name, c.method, c.score]));
    expect(family(families, 'column_drift_detected').series.map((s) => s.value)).toEqual(columns.map((c) => (c.drifted ? 1 : 0)));
    expect(family(families, 'dataset_drift_share').series[0]!.value).toBe((result.dataset as { share: number }).share);
  });

  it('drift --column and run --kind drift write the same catalogue; --out writes the file', async () => {
    const column = await exposition(['drift', '--reference', reference, '--current', current, '--column', NAMES[1]!]);
    expect(new Set(family(column, 'column_drift_score').series.map((s) => label(s, 'column')))).toEqual(new Set([NAMES[1]]));
    const out = join(dir, 'drift.prom');
    const { code, out: printed } = await run([
      'run',
      '--kind',
      'drift',
      '--reference',
      reference,
      '--current',
      current,
      '--format',
      'prometheus',
      '--out',
      out,
    ]);
    expect([code, printed]).toEqual([0, '']);
    const text = readFileSync(out, 'utf8');
    expect(checkMetrics(text).code).toBe(0);
    expect(family(parseExposition(text), 'column_drift_score').series.map((s) => label(s, 'column'))).toEqual(NAMES);
  });

  it('quality: missing shares per column; with model columns the model metrics', async () => {
    const quality = await exposition(['quality', '--reference', reference, '--current', current]);
    const missing = family(quality, 'column_missing_share').series;
    expect(missing.filter((s) => label(s, 'dataset') === 'current').map((s) => label(s, 'column'))).toEqual(NAMES);
    expect(missing.every((s) => s.value === 0)).toBe(true);

    const args = [
      'quality',
      '--reference',
      model('binary-ref.csv'),
      '--current',
      model('binary-cur.csv'),
      '--target',
      'y',
      '--prediction',
      'y_pred',
      '--score',
      'score',
    ];
    const metrics = family(await exposition(args), 'model_metric').series;
    const result = await json(args);
    const accuracy = (side: string) => metrics.find((s) => label(s, 'metric') === 'accuracy' && label(s, 'dataset') === side)!.value;
    expect(accuracy('current')).toBe((result.current as { metrics: { accuracy: number } }).metrics.accuracy);
    expect(accuracy('reference')).toBe((result.reference as { metrics: { accuracy: number } }).metrics.accuracy);
  });

  it('fairness and estimate', async () => {
    const fairness = await exposition(['fairness', '--data', model('fairness.csv'), '--target', 'y', '--prediction', 'pred', '--sensitive', 'sex']);
    expect(family(fairness, 'fairness_difference').series.map((s) => label(s, 'metric'))).toEqual(
      expect.arrayContaining(['demographic_parity', 'equal_opportunity', 'equalized_odds']),
    );
    expect(family(fairness, 'group_metric').series.length).toBeGreaterThan(0);
    const estimate = await exposition([
      'estimate',
      '--reference',
      cbpe('estimate-reference.csv'),
      '--current',
      cbpe('estimate-current.csv'),
      '--target',
      'outcome',
      '--score',
      'proba',
    ]);
    expect(family(estimate, 'estimated_metric').series.map((s) => label(s, 'metric'))).toEqual(expect.arrayContaining(['accuracy', 'roc_auc']));
  });

  it('refuses a kind without catalogue numbers and an unknown format, exit 2 with one line', async () => {
    const chart = await run([
      'run',
      '--kind',
      'chart',
      '--config',
      JSON.stringify({ mark: 'histogram', x: NAMES[0] }),
      '--reference',
      reference,
      '--format',
      'prometheus',
    ]);
    expect(chart).toEqual({ code: 2, out: '', err: 'driftbook: --format prometheus: a chart result has no catalogue metrics — use --format json\n' });
    const bad = await run(['quality', '--reference', reference, '--format', 'xml']);
    expect(bad).toEqual({ code: 2, out: '', err: 'driftbook: unknown format: xml — use json or prometheus\n' });
  });
});

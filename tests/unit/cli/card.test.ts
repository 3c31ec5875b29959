/**
 * `driftbook card`: the human fields of CARD.json pass through byte for byte, the datasets and
 * numbers are filled from the files — metrics and intervals equal to numpy/sklearn's
 * (tests/fixtures/generate_bootstrap.py → cli.json: seed 42, 1000 resamples, np.percentile), per
 * group rates equal to sklearn's — and every mistake is one line with exit 2.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../lib/cli/main';
import { fromMct } from '../../../lib/cards/mct';
import type { CardMetric } from '../../../lib/cards/types';
import { expectClose, readJson, ROOT } from '../../support';

interface Side {
  rows: number;
  metrics: Record<string, number>;
  intervals: Record<string, { lower: number; upper: number; undefined: number }>;
  groups?: Record<string, Record<'count' | 'accuracy' | 'selection_rate' | 'tpr' | 'fpr', number>>;
}
const expected = readJson<{ reference: Side; current: Side }>('tests/fixtures/bootstrap/cli.json');
const REFERENCE = join(ROOT, 'tests/fixtures/bootstrap/cli-reference.csv');
const CURRENT = join(ROOT, 'tests/fixtures/bootstrap/cli-current.csv');
const REL = 1e-9;

/** Human text with everything a format could trip on. */
const HOSTILE = {
  name: 'Rain <script>alert(1)</script> & "co" \\ \u200f',
  overview: '# Overview\n\n*rain* — 雨 🌧 עברית {{ x }} key: value #not-a-comment <img src=x onerror=alert(1)>\r\n`code`',
  limitation: "<img src=x onerror=alert('x')> & it's `fine` | a | table |",
};
const CARD_JSON = `${JSON.stringify(
  {
    schema_version: '0.0.2',
    model_details: {
      name: HOSTILE.name,
      overview: HOSTILE.overview,
      owners: [{ name: 'Ada Lovelace', contact: 'ada@example.org' }],
      version: { name: '1.2.0', date: '2026-12-01', diff: 'Retrained on 2025 data' },
      licenses: [{ identifier: 'mit' }],
    },
    considerations: { limitations: [{ description: HOSTILE.limitation }], users: [{ description: 'Forecasters' }] },
  },
  null,
  2,
)}\n`;

let dir: string;
let cardPath: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'driftbook-card-'));
  cardPath = join(dir, 'card.json');
  writeFileSync(cardPath, CARD_JSON);
});

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['card', ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

async function ok(args: string[]): Promise<string> {
  const { code, out, err } = await run(args);
  expect(err).toBe('');
  expect(code).toBe(0);
  return out;
}

const MODEL = ['--target', 'y', '--prediction', 'y_pred', '--score', 'score', '--pos-label', '1'];
const find = (metrics: CardMetric[], side: string, type: string, group?: string) =>
  metrics.find((m) => m.side === side && m.type === type && (group === undefined ? m.group === undefined : m.group?.value === group));

describe('driftbook card', () => {
  it('--format mct: human fields byte for byte, datasets, metrics with sklearn bootstrap intervals, per-group rates', async () => {
    const outPath = join(dir, 'out.json');
    await ok(['--card', cardPath, '--reference', REFERENCE, '--current', CURRENT, ...MODEL, '--sensitive', 'group', '--format', 'mct', '--out', outPath]);
    const text = readFileSync(outPath, 'utf8');
    const json = JSON.parse(text) as { model_details: Record<string, unknown>; considerations: { limitations: { description: string }[] } };
    expect(json.model_details.name).toBe(HOSTILE.name);
    expect(json.model_details.overview).toBe(HOSTILE.overview);
    expect(json.considerations.limitations[0]!.description).toBe(HOSTILE.limitation);
    // The exact JSON string of each human text is in the file (same escapes as the input's).
    for (const value of Object.values(HOSTILE)) expect(text).toContain(JSON.stringify(value));

    const { card } = fromMct(text);
    const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
    expect(card.modelParameters.data.map((d) => [d.name, d.side, d.rows, d.sha256])).toEqual([
      ['cli-reference.csv', 'reference', 240, sha(REFERENCE)],
      ['cli-current.csv', 'current', 180, sha(CURRENT)],
    ]);
    const metrics = card.quantitative.metrics;
    for (const side of ['reference', 'current'] as const) {
      for (const type of ['accuracy', 'precision', 'recall', 'f1', 'roc_auc']) {
        const m = find(metrics, side, type);
        expectClose(m?.value, expected[side].metrics[type]!, REL, `${side} ${type}`);
        expectClose(m?.interval?.lower, expected[side].intervals[type]!.lower, REL, `${side} ${type} lower`);
        expectClose(m?.interval?.upper, expected[side].intervals[type]!.upper, REL, `${side} ${type} upper`);
      }
    }
    const groups = Object.entries(expected.current.groups!);
    expect(groups.length).toBe(3);
    for (const [group, want] of groups) {
      for (const type of ['accuracy', 'selection_rate', 'tpr', 'fpr'] as const) {
        const m = find(metrics, 'current', type, group);
        expect(m?.group?.column, `${group} ${type}`).toBe('group');
        expectClose(m?.value, want[type], REL, `${group} ${type}`);
      }
    }
    expect(metrics.some((m) => m.side === 'reference' && m.group)).toBe(false);
  });

  it('without data files, the card is converted as read (an MCT round trip)', async () => {
    const out = await ok(['--card', cardPath, '--format', 'mct']);
    expect(fromMct(out).card).toEqual(fromMct(CARD_JSON).card);
    const json = JSON.parse(out) as { model_details: { name: string } };
    expect(json.model_details.name).toBe(HOSTILE.name);
  });

  it('replaces numbers filled earlier instead of adding them again', async () => {
    const first = await ok(['--card', cardPath, '--current', CURRENT, ...MODEL, '--format', 'mct']);
    const again = join(dir, 'again.json');
    writeFileSync(again, first);
    const second = await ok(['--card', again, '--current', CURRENT, ...MODEL, '--format', 'mct']);
    const [a, b] = [fromMct(first).card, fromMct(second).card];
    expect(b.quantitative.metrics.map((m) => [m.type, m.side, m.value])).toEqual(a.quantitative.metrics.map((m) => [m.type, m.side, m.value]));
    expect(b.modelParameters.data.length).toBe(1);
    // One file given as --current is the current side, with its own intervals.
    const accuracy = find(b.quantitative.metrics, 'current', 'accuracy')!;
    expect(b.quantitative.metrics.every((m) => m.side === 'current')).toBe(true);
    expectClose(accuracy.value, expected.current.metrics.accuracy!, REL, 'current accuracy');
    expectClose(accuracy.interval?.lower, expected.current.intervals.accuracy!.lower, REL, 'current accuracy lower');
  });

  it('--score without --prediction: predictions are score ≥ 0.5, never a column guessed from its name', async () => {
    // The fixture's y_pred is score ≥ 0.5 (sklearn's numbers); here it is flipped, so reading it (a prediction role
    // guessed from its name) would change every number.
    const flipped = join(dir, 'flipped.csv');
    const [header, ...rows] = readFileSync(CURRENT, 'utf8').split('\n');
    const flip = (line: string) => line.replace(/^(\d+,\d),(\d),/, (_, head: string, p: string) => `${head},${p === '1' ? 0 : 1},`);
    writeFileSync(flipped, [header, ...rows.map((r) => (r ? flip(r) : r))].join('\n'));
    expect(readFileSync(flipped, 'utf8')).not.toBe(readFileSync(CURRENT, 'utf8'));
    const out = await ok(['--card', cardPath, '--current', flipped, '--target', 'y', '--score', 'score', '--sensitive', 'group', '--format', 'mct']);
    const metrics = fromMct(out).card.quantitative.metrics;
    for (const type of ['accuracy', 'f1', 'roc_auc']) {
      expectClose(find(metrics, 'current', type)?.value, expected.current.metrics[type]!, REL, type);
      expectClose(find(metrics, 'current', type)?.interval?.upper, expected.current.intervals[type]!.upper, REL, `${type} upper`);
    }
    expectClose(find(metrics, 'current', 'tpr', 'F')?.value, expected.current.groups!.F!.tpr, REL, 'F tpr');
  });

  it('--format hf: front matter first (no BOM), model-index, the human text escaped', async () => {
    const out = await ok(['--card', cardPath, '--reference', REFERENCE, '--current', CURRENT, ...MODEL, '--format', 'hf']);
    expect(out.startsWith('---\n')).toBe(true);
    expect(out).toContain('model-index');
    expect(out).toContain('# Model Card for');
    // The body is Markdown rendered as HTML on the Hub: the card's markup must stay text there
    // (the front matter is YAML data, where the name is a quoted string).
    const body = out.slice(out.indexOf('\n---\n', 4) + 5);
    expect(body).toContain('# Model Card for');
    expect(body).not.toContain('<script>alert(1)</script>');
    expect(body).not.toContain('<img src=x onerror');
  });

  it('--format html: a self-contained document with the numbers, no live markup from the card', async () => {
    const out = await ok(['--card', cardPath, '--reference', REFERENCE, '--current', CURRENT, ...MODEL, '--sensitive', 'group', '--format', 'html']);
    expect(out.toLowerCase().startsWith('<!doctype html>')).toBe(true);
    expect(out).toContain('Content-Security-Policy');
    expect(out).not.toContain('<script>alert(1)</script>');
    expect(out).not.toMatch(/<img[^>]*onerror/i);
    expect(out).toContain('cli-current.csv');
    expect(out).toContain('&lt;script&gt;');
  });

  it('refuses mistakes with one line and exit 2', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ model_details: { name: 'x', threshold: '0.5' } }));
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{"model_details": ');
    const number = join(dir, 'number.json');
    writeFileSync(number, JSON.stringify({ model_details: { name: 3 } }));
    const cases: [string[], RegExp][] = [
      [['--card', bad, '--format', 'mct'], /--card: .*bad\.json: MCT JSON: \$\.model_details: "threshold" is not a field/],
      [['--card', number, '--format', 'mct'], /--card: .*number\.json: .*\$\.model_details\.name/],
      [['--card', notJson, '--format', 'mct'], /--card: .*not\.json: MCT JSON: not valid JSON/],
      [['--card', join(dir, 'missing.json'), '--format', 'mct'], /--card: .*missing\.json: no such file/],
      [['--format', 'mct'], /card needs --card CARD\.json/],
      [['--card', cardPath], /card needs --format html\|hf\|mct/],
      [['--card', cardPath, '--format', 'pdf'], /--format: pdf is not one of html, hf, mct/],
      [['--card', cardPath, '--format', 'mct', '--target', 'y'], /--target needs --reference FILE or --current FILE/],
      [['--card', cardPath, '--format', 'mct', '--current', CURRENT, '--prediction', 'y_pred'], /--target COL is needed/],
      [['--card', cardPath, '--format', 'mct', '--current', CURRENT, '--target', 'y'], /--prediction COL or --score COL is needed/],
      [['--card', cardPath, '--format', 'mct', '--reference', REFERENCE, ...MODEL, '--sensitive', 'group'], /--sensitive needs --current FILE/],
      [['--card', cardPath, '--format', 'mct', '--current', CURRENT, '--target', 'label', '--prediction', 'y_pred'], /column "label": not in cli-current\.csv/],
      [['--card', cardPath, '--format', 'mct', '--current', CURRENT, ...MODEL, '--sensitive', 'sex'], /column "sex": not in cli-current\.csv/],
      [['--card', cardPath, '--format', 'mct', '--out', join(dir, 'no-such-dir', 'x.json')], /--out: .*directory .* does not exist/],
    ];
    for (const [args, message] of cases) {
      const { code, out, err } = await run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(out, args.join(' ')).toBe('');
      expect(err, args.join(' ')).toMatch(/^driftbook: [^\n]*\n$/);
      expect(err, args.join(' ')).toMatch(message);
    }
  });
});

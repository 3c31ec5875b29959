import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../lib/cli/main';
import { CELL_KINDS, cellSpec } from '../../../lib/notebook/registry';
import { ROOT } from '../../support';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const file = (name: string) => join(ROOT, 'tests/fixtures', name);
const REF = file('e2e/reference.csv');
const CUR = file('e2e/current.csv');
const KINDS = CELL_KINDS.join(', ');

describe('driftbook run --kind', () => {
  it('--help lists every kind with its label, and run among the commands', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('driftbook run --kind KIND [--config JSON]');
    for (const kind of CELL_KINDS) expect(out).toMatch(new RegExp(`^  ${kind} +${cellSpec(kind).label}`, 'm'));
    expect(out).toMatch(/^ {2}note +Note \(computes nothing\)/m);
  });

  it.each([
    ['no kind', ['--reference', REF], `run needs --kind KIND — the kinds are: ${KINDS}`],
    ['an unknown kind', ['--kind', 'nope', '--reference', REF], `--kind: nope is not a cell kind — the kinds are: ${KINDS}`],
    ['no reference', ['--kind', 'drift'], 'run needs --reference FILE and --current FILE'],
    ['a missing current', ['--kind', 'drift', '--reference', REF], 'drift needs --current FILE'],
    ['config not JSON', ['--kind', 'drift', '--config', '{bad', '--reference', REF, '--current', CUR], /^--config: not JSON \(.+\) — give an object/],
    [
      'config not an object',
      ['--kind', 'drift', '--config', '[1]', '--reference', REF, '--current', CUR],
      '--config: [1] is not a JSON object — give one such as \'{"column": "age"}\'',
    ],
    [
      'a drift threshold < 0',
      ['--kind', 'drift', '--config', '{"threshold": -1}', '--reference', REF, '--current', CUR],
      'Data drift settings: threshold: -1 — give a number ≥ 0',
    ],
    [
      'an unknown column',
      ['--kind', 'column', '--config', '{"column": "nope"}', '--reference', REF, '--current', CUR],
      'Column detail settings: column: nope is not in reference.csv',
    ],
    [
      'an unknown mark',
      ['--kind', 'chart', '--config', '{"mark": "pie"}', '--reference', REF],
      'Chart settings: mark: pie — choose one of histogram, bar, line, scatter, box',
    ],
    ['a bad format', ['--kind', 'quality', '--reference', REF, '--format', 'pdf'], 'unknown format: pdf — use json, html or prometheus'],
  ])('%s: exit 2, one line', async (_what, args, message) => {
    const { code, out, err } = await run(['run', ...args]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    if (typeof message === 'string') expect(err).toBe(`driftbook: ${message}\n`);
    else expect(err.slice('driftbook: '.length)).toMatch(message);
  });
});

describe('driftbook fairness: the fairness kind’s settings', () => {
  const data = ['fairness', '--data', file('model/fairness.csv'), '--target', 'y', '--sensitive', 'sex'];
  it.each([
    [
      ['--prediction', 'pred', '--threshold', '0.5'],
      '--prediction and --threshold both given — predictions come from the column, or from --score ≥ --threshold; drop one',
    ],
    [['--threshold', '0.5'], 'Fairness settings: A threshold derives predictions from the score: choose the score column'],
    [['--score', 'score', '--threshold', '1.5'], 'threshold: 1.5 — give a probability between 0 and 1'],
    [['--score', 'score', '--threshold', 'half'], '--threshold: half is not a number'],
    [['--prediction', 'pred', '--undefined-rates', 'none'], '--undefined-rates: none is not one of zero, null'],
    [['--prediction', 'pred', '--score', 'score', '--threshold-criterion', 'fpr'], '--threshold-criterion: fpr is not one of tpr, selection_rate'],
  ])('%j: exit 2, one line', async (args, message) => {
    expect(await run([...data, ...args])).toEqual({ code: 2, out: '', err: `driftbook: ${message}\n` });
  });

  it('--undefined-rates null and --threshold-criterion selection_rate reach the result', async () => {
    const { code, out } = await run([
      ...data,
      '--prediction',
      'pred',
      '--score',
      'score',
      '--undefined-rates',
      'null',
      '--threshold-criterion',
      'selection_rate',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.thresholds.criterion).toBe('selection_rate');
    expect(result.undefined_rates).toBe('null');
  });
});

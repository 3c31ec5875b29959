import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../lib/cli/main';
import { expectClose, readJson, relFloor, ROOT } from '../../support';

// Expected numbers: tests/fixtures/generate_abtest.py (statsmodels 0.13.5, scipy 1.10.1), the same
// cases tests/unit/compare/abtest.test.ts checks field by field; here the CLI's flags and JSON shape.
interface Case {
  file: string;
  result: {
    control: string;
    variants: { name: string; n: number; conversions?: number }[];
    comparisons: { variant: string; difference?: number; pValue?: number | null; welch?: { statistic: number } }[];
    srm: { statistic: number; pValue: number; mismatch: boolean };
    planning: { mdeAtCurrentN: number; nForEffect?: number };
  };
}
const { cases } = readJson<{ cases: Record<string, Case> }>('tests/fixtures/abtest/expected.json');
const file = (name: string) => join(ROOT, 'tests/fixtures/abtest', name);

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['abtest', ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('driftbook abtest', () => {
  it("prints the issue's JSON shape with statsmodels' numbers (three arms, binary + numeric, windows, effect)", async () => {
    const e = cases['three-arms']!.result;
    const { code, out, err } = await run([
      '--data',
      file('three-arms.csv'),
      '--variant',
      'variant',
      '--binary',
      'clicked',
      '--numeric',
      'revenue',
      '--timestamp',
      'ts',
      '--effect',
      '0.02',
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['schemaVersion', 'control', 'variants', 'comparisons', 'srm', 'planning', 'windows', 'warnings']),
    );
    expect(json).not.toHaveProperty('kind');
    expect(json).not.toHaveProperty('looks');
    expect(json.schemaVersion).toBe(1);
    expect(json.control).toBe(e.control);
    expect(json.variants.map((v: { name: string; n: number; conversions: number }) => [v.name, v.n, v.conversions])).toEqual(
      e.variants.map((v) => [v.name, v.n, v.conversions]),
    );
    expect(Object.keys(json.comparisons[0]).sort()).toEqual(
      ['variant', 'control', 'difference', 'ci', 'relativeLift', 'relativeLiftCi', 'z', 'pValue', 'pValueHolm', 'welch', 'mannWhitney'].sort(),
    );
    json.comparisons.forEach((c: { difference: number; pValue: number; welch: { statistic: number; df: number } }, i: number) => {
      expectClose(c.difference, e.comparisons[i]!.difference!, 1e-9, 'difference');
      expectClose(c.pValue, e.comparisons[i]!.pValue!, relFloor(1e-6), 'p');
      expectClose(c.welch.statistic, e.comparisons[i]!.welch!.statistic, 1e-9, 'Welch t');
    });
    expectClose(json.srm.statistic, e.srm.statistic, 1e-9, 'SRM');
    expect(json.srm.mismatch).toBe(true);
    expectClose(json.planning.mdeAtCurrentN, e.planning.mdeAtCurrentN, 1e-9, 'MDE');
    expectClose(json.planning.nForEffect, e.planning.nForEffect!, 1e-9, 'n for effect');
    expect(json.planning).toMatchObject({ alpha: 0.05, power: 0.8, effect: 0.02 });
  });

  it('takes --planned-split, --control, --alpha and --power', async () => {
    const { code, out } = await run(['--data', file('three-arms.csv'), '--variant', 'variant', '--binary', 'clicked', '--planned-split', 'A=38,B=34,C=28']);
    expect(code).toBe(0);
    const srm = JSON.parse(out).srm;
    expectClose(srm.pValue, cases['srm-fits']!.result.srm.pValue, relFloor(1e-6), 'SRM p');
    expect(srm.mismatch).toBe(false);
    const b = await run([
      '--data',
      file('three-arms.csv'),
      '--variant',
      'variant',
      '--control',
      'B',
      '--binary',
      'clicked',
      '--alpha',
      '0.1',
      '--power',
      '0.9',
    ]);
    expect(JSON.parse(b.out)).toMatchObject({ control: 'B', planning: { alpha: 0.1, power: 0.9 } });
    expectClose(JSON.parse(b.out).planning.mdeAtCurrentN, cases['control-b']!.result.planning.mdeAtCurrentN, 1e-9, 'MDE');
  });

  it.each([
    [[], /abtest needs --data FILE/],
    [['--data', file('three-arms.csv'), '--variant', 'variant'], /abtest needs --variant COL and an outcome/],
    [['--data', file('three-arms.csv'), '--variant', 'variant', '--binary', 'clicked', '--alpha', 'x'], /--alpha: x is not a number/],
    [['--data', file('three-arms.csv'), '--variant', 'variant', '--binary', 'clicked', '--period', 'day'], /--period: windows need --timestamp COL/],
    [
      ['--data', file('three-arms.csv'), '--variant', 'variant', '--binary', 'clicked', '--timestamp', 'ts', '--period', 'year'],
      /--period: year — use hour, day/,
    ],
    [['--data', file('three-arms.csv'), '--variant', 'variant', '--binary', 'clicked', '--planned-split', 'A=50,B=x'], /Planned split of "B"/],
    [
      ['--data', file('three-arms.csv'), '--variant', 'variant', '--binary', 'clicked', '--control', 'Z'],
      /control: "Z" is not a variant — the variants are A, B, C/,
    ],
    [['--data', file('three-arms.csv'), '--variant', 'variant', '--binary', 'revenue'], /binary outcome "revenue": row \d+ holds/],
  ])('%j exits 2 with one line', async (args, message) => {
    const { code, out, err } = await run(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { peekingWarning } from '../../../lib/compare/ab-peeking';
import { abTest } from '../../../lib/compare/abtest';
import { ingestCsv } from '../../../lib/data/ingest';
import { readFixture } from '../../support';

const csv = (text: string) => ingestCsv(new TextEncoder().encode(text), 'ab.csv');
const fixture = (file: string) => ingestCsv(readFixture(`tests/fixtures/abtest/${file}`), file);

describe('abTest: undefined numbers are null with a reason', () => {
  it('control rate 0: relative lift and its interval are null, the difference is kept', async () => {
    const r = await abTest(await fixture('control-rate-0.csv'), { variant: 'variant', binary: 'clicked' });
    const [c] = r.comparisons;
    expect(c).toMatchObject({ relativeLift: null, relativeLiftCi: [null, null], reason: 'relative lift undefined: the control rate is 0' });
    expect(c!.difference).toBeGreaterThan(0);
  });

  it('no conversion in either group: z and p are null (pooled variance 0), Holm skips them', async () => {
    const r = await abTest(await csv('v,y\nA,0\nA,0\nB,0\nB,false\nC,1\nC,0\n'), { variant: 'v', binary: 'y' });
    const [b, c] = r.comparisons;
    expect(b).toMatchObject({ variant: 'B', difference: 0, z: null, pValue: null, pValueHolm: null, relativeLift: null });
    expect(b!.reason).toMatch(/z-test undefined: no row converted/);
    expect(c!.pValue).not.toBeNull();
    expect(c!.pValueHolm).toBe(c!.pValue); // the only tested comparison: Holm leaves it as it is
  });

  it('Welch needs 2 values a group and variance; Mann–Whitney of constant groups is p = 1 as scipy', async () => {
    const r = await abTest(await csv('v,x\nA,1\nA,1\nB,1\nB,1\nC,2\n'), { variant: 'v', numeric: 'x' });
    const [b, c] = r.comparisons;
    expect(b!.welch).toEqual({ statistic: null, pValue: null, df: null, reason: 'Welch t undefined: both groups are constant (variance 0)' });
    expect(b!.mannWhitney).toEqual({ statistic: 2, pValue: 1 });
    expect(c!.welch!.reason).toBe('Welch t needs at least 2 values in each group');
    expect(r.variants.find((v) => v.name === 'C')).toMatchObject({ mean: 2, se: null });
  });

  it('counts rows left out: no variant, no outcome, infinite values', async () => {
    const r = await abTest(await csv('v,y,x\nA,1,2\n,1,3\nA,,inf\nB,0,\nB,1,4\n'), { variant: 'v', binary: 'y', numeric: 'x' });
    expect(r.warnings).toEqual(
      expect.arrayContaining([
        '1 rows have no v and are left out',
        '1 rows with a variant have no y and are left out of its rates',
        '1 rows with a variant have no x and are left out of its means',
        '1 rows have an infinite x and are left out of its means',
      ]),
    );
    expect(r.variants.map((v) => [v.name, v.n, v.conversions])).toEqual([
      ['A', 2, 1],
      ['B', 2, 1],
    ]);
  });

  it('flags a sample-ratio mismatch in the warnings too', async () => {
    const r = await abTest(await fixture('three-arms.csv'), { variant: 'variant', binary: 'clicked', plannedSplit: { A: 50, B: 30, C: 20 } });
    expect(r.srm.mismatch).toBe(true);
    expect(r.warnings.some((w) => w.startsWith("sample-ratio mismatch: the variants' row counts 1200 / 1100 / 900"))).toBe(true);
  });
});

describe('abTest: bad settings are errors naming the field', () => {
  const data = () => csv('v,y,x\nA,1,2\nA,0,3\nB,0,1\nB,1,4\nB,yes,5\n');
  it.each([
    [{ variant: 'v', binary: 'y' }, /binary outcome "y": row 5 holds "yes" — use 0\/1 or true\/false/],
    [{ variant: 'v', numeric: 'x', control: 'Z' }, /control: "Z" is not a variant — the variants are A, B/],
    [{ variant: 'v', numeric: 'x', plannedSplit: { A: 50 } }, /planned split: no share for B/],
    [{ variant: 'v', numeric: 'x', plannedSplit: { A: 50, B: 0 } }, /planned split: B=0 — give each variant a share above 0/],
    [{ variant: 'v' }, /outcome: choose a binary outcome/],
    [{ variant: 'nope', numeric: 'x' }, /variant column "nope": not in ab.csv — its columns are v, y, x/],
    [{ variant: 'v', numeric: 'x', alpha: 1.5 }, /alpha: 1.5/],
    [{ variant: 'v', numeric: 'x', power: 0.01 }, /power: 0.01/],
    [{ variant: 'v', numeric: 'x', effect: 0 }, /effect: 0/],
  ])('%j', async (config, message) => {
    await expect(abTest(await data(), config)).rejects.toThrow(message);
  });

  it('needs two variants', async () => {
    await expect(abTest(await csv('v,y\nA,1\nA,0\n'), { variant: 'v', binary: 'y' })).rejects.toThrow(
      /1 variant\(s\) with rows — an A\/B test needs a control/,
    );
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(abTest(await data(), { variant: 'v', numeric: 'x' }, { signal: controller.signal })).rejects.toThrow(/cancelled/);
  });
});

describe('peekingWarning', () => {
  it('warns from the second look of a running test, with the count', () => {
    expect(peekingWarning(0)).toBeNull();
    expect(peekingWarning(1)).toBeNull();
    expect(peekingWarning(7)).toMatch(/^peeking: this running test has been looked at 7 times — stopping at the first look with p < 0.05/);
    expect(peekingWarning(3, 0.01)).toMatch(/p < 0.01 makes a false positive much likelier than 0.01/);
    expect(peekingWarning(9, 0.05, true)).toBeNull();
  });
});

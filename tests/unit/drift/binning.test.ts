import { describe, expect, it } from 'vitest';
import { binCategorical, binNumeric, fillZeroes, type BinsOption } from '../../../lib/drift/binning';
import { hellingerDiscrete, jensenShannon, klDivergence, psi } from '../../../lib/stats/divergence';
import { decodeSample, expectClose, num, type Num, readJson, relFloor, type SampleSpec } from '../../support';

interface Expected {
  name: string;
  reference: Num[];
  current: Num[];
  referenceFilled: Num[];
  currentFilled: Num[];
  psi: Num;
  klDiv: Num;
  jensenShannon: Num;
}
interface NumericCase extends Expected {
  ref: SampleSpec;
  cur: SampleSpec;
  bins: BinsOption;
  edges?: Num[];
  values?: Num[];
}
interface CategoricalCase extends Expected {
  ref: { categories: string[]; counts: number[] };
  cur: { categories: string[]; counts: number[] };
  categories: string[];
  hellinger: Num;
}

const fixture = readJson<{ numpy: string; scipy: string; numeric: NumericCase[]; categorical: CategoricalCase[] }>('tests/fixtures/stats-binned/binning.json');

const REL = 1e-9;

/** Element-wise relative comparison with the bin index in the message. */
function expectArrayClose(actual: Float64Array, expected: Num[], label: string): void {
  expect(actual.length, `${label}: bin count`).toBe(expected.length);
  expected.forEach((e, i) => expectClose(actual[i]!, num(e), relFloor(REL), `${label}[${i}]`));
}

function expectDistances(ref: Float64Array, cur: Float64Array, refFilled: Float64Array, curFilled: Float64Array, c: Expected): void {
  expectClose(psi(refFilled, curFilled), num(c.psi), relFloor(REL), `${c.name}: psi vs Evidently _psi`);
  expectClose(klDivergence(refFilled, curFilled), num(c.klDiv), relFloor(REL), `${c.name}: kl_div vs scipy.stats.entropy`);
  expectClose(jensenShannon(ref, cur), num(c.jensenShannon), relFloor(REL), `${c.name}: jensenshannon vs scipy`);
}

describe(`binNumeric vs Evidently get_binned_data / numpy ${fixture.numpy}`, () => {
  for (const c of fixture.numeric) {
    it(c.name, () => {
      const ref = decodeSample(c.ref).sort();
      const cur = decodeSample(c.cur).sort();
      const raw = binNumeric(ref, cur, c.bins);
      const filled = binNumeric(ref, cur, c.bins, { fillZeroes: true });
      expectArrayClose(raw.reference, c.reference, `${c.name}: reference`);
      expectArrayClose(raw.current, c.current, `${c.name}: current`);
      expectArrayClose(filled.reference, c.referenceFilled, `${c.name}: filled reference`);
      expectArrayClose(filled.current, c.currentFilled, `${c.name}: filled current`);
      if (c.edges) {
        // Edges are bit-exact: linspace / np.quantile / the user's edges.
        expect(raw.edges, `${c.name}: edges`).toEqual(c.edges.map(num));
        expect(raw.categories).toBeUndefined();
      } else {
        expect(raw.categories, `${c.name}: one bin per value`).toEqual(c.values!.map((v) => String(num(v))));
        expect(raw.edges).toBeUndefined();
      }
      expectDistances(raw.reference, raw.current, filled.reference, filled.current, c);
    });
  }

  it('reproduces the public psi vector: reference values [3, 2, 2], current [1, 2, 3] → 2.9341', () => {
    const pair = binNumeric(Float64Array.from([2, 2, 3]), Float64Array.from([1, 2, 3]), undefined, { fillZeroes: true });
    expect(pair.categories).toEqual(['1', '2', '3']);
    expect(Math.abs(psi(pair.reference, pair.current) - 2.9341)).toBeLessThanOrEqual(0.01);
  });

  it('switches from one bin per value to Sturges edges above 20 distinct reference values', () => {
    const twenty = Float64Array.from({ length: 20 }, (_, i) => i);
    const many = Float64Array.from({ length: 21 }, (_, i) => i);
    expect(binNumeric(twenty, twenty).categories).toHaveLength(20);
    expect(binNumeric(many, many).edges).toBeDefined();
  });

  it('returns ±Infinity outer edges for quantile bins', () => {
    const x = Float64Array.from({ length: 100 }, (_, i) => i);
    const { edges } = binNumeric(x, x, { kind: 'quantile', n: 4 });
    expect(edges).toEqual([-Infinity, 24.75, 49.5, 74.25, Infinity]);
  });

  it('rejects bad options and inputs with a typed error', () => {
    const x = Float64Array.from([1, 2, 3]);
    expect(() => binNumeric(x, x, { kind: 'quantile', n: 0 })).toThrow(/positive integer/);
    expect(() => binNumeric(x, x, { kind: 'uniform', n: 2.5 })).toThrow(/positive integer/);
    expect(() => binNumeric(x, x, { kind: 'edges', edges: [0, 2, 2] })).toThrow(/strictly increasing/);
    expect(() => binNumeric(new Float64Array(0), x)).toThrow(/reference has no values/);
    expect(() => binNumeric(Float64Array.from([3, 1]), x)).toThrow(/sorted ascending/);
    const codeOf = (run: () => unknown): string => {
      try {
        run();
        return 'no error';
      } catch (e) {
        return (e as { code?: string }).code ?? 'no code';
      }
    };
    expect(codeOf(() => binNumeric(x, x, { kind: 'edges', edges: [1] }))).toBe('invalid-bins');
    expect(codeOf(() => binCategorical({ categories: ['a'], counts: [0] }, { categories: ['a'], counts: [2] }))).toBe('empty-sample');
  });
});

describe(`binCategorical vs Evidently get_binned_data and hellinger_distance`, () => {
  for (const c of fixture.categorical) {
    it(c.name, () => {
      const raw = binCategorical(c.ref, c.cur);
      const filled = binCategorical(c.ref, c.cur, { fillZeroes: true });
      expect(raw.categories).toEqual(c.categories);
      expectArrayClose(raw.reference, c.reference, `${c.name}: reference`);
      expectArrayClose(raw.current, c.current, `${c.name}: current`);
      expectArrayClose(filled.reference, c.referenceFilled, `${c.name}: filled reference`);
      expectArrayClose(filled.current, c.currentFilled, `${c.name}: filled current`);
      expectDistances(raw.reference, raw.current, filled.reference, filled.current, c);
      expectClose(hellingerDiscrete(raw.reference, raw.current), num(c.hellinger), relFloor(REL), `${c.name}: hellinger`);
    });
  }

  it('reproduces the public Hellinger vector R6 vs C6 = 0.06812', () => {
    const categories = ['1', '2', '3', '4', '5', '6'];
    const pair = binCategorical({ categories, counts: [16, 18, 16, 14, 12, 12] }, { categories, counts: [16, 16, 16, 16, 16, 8] });
    expect(Math.abs(hellingerDiscrete(pair.reference, pair.current) - 0.06812)).toBeLessThanOrEqual(1e-5);
  });
});

describe('fillZeroes (Evidently feel_zeroes)', () => {
  it('fills with 1e-4 when the smallest non-empty bin is above 1e-4', () => {
    expect(Array.from(fillZeroes(Float64Array.from([0, 0.25, 0.75])))).toEqual([1e-4, 0.25, 0.75]);
  });

  it('fills with min_nonzero / 10^6 when the smallest non-empty bin is at most 1e-4, without renormalising', () => {
    const p = Float64Array.from([0, 1e-4, 1 - 1e-4]);
    expect(Array.from(fillZeroes(p))).toEqual([1e-4 / 1e6, 1e-4, 1 - 1e-4]);
    expect(Array.from(p), 'input untouched').toEqual([0, 1e-4, 1 - 1e-4]);
  });

  it('refuses an all-empty side', () => {
    expect(() => fillZeroes(new Float64Array(3))).toThrow(/every bin is empty/);
  });
});

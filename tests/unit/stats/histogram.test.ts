import { describe, expect, it } from 'vitest';
import { histogramCounts, linspace, sturgesEdges } from '../../../lib/stats/histogram';
import { decodeSample, type Num, num, readJson, type SampleSpec } from '../../support';

interface SturgesCase {
  name: string;
  ref: SampleSpec;
  cur: SampleSpec;
  edges: Num[];
  refCounts: number[];
  curCounts: number[];
}

const fixture = readJson<{
  numpy: string;
  linspace: { a: number; b: number; num: number; out: Num[] }[];
  sturges: SturgesCase[];
  histogram: { sorted: SampleSpec; edges: Num[]; counts: number[] }[];
}>('tests/fixtures/stats-binned/histogram.json');

/** Bit-exact comparison of doubles (±0 count as equal, as in numpy's ==), naming the first mismatch. */
function expectSameDoubles(actual: ArrayLike<number>, expected: Num[], label: string): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = num(expected[i]!);
    const a = actual[i]!;
    expect(a === e || (Number.isNaN(a) && Number.isNaN(e)), `${label}[${i}]: got ${a}, numpy ${e}`).toBe(true);
  }
}

function pooled(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

describe(`linspace vs numpy ${fixture.numpy} np.linspace`, () => {
  for (const c of fixture.linspace) {
    it(`linspace(${c.a}, ${c.b}, ${c.num}) bit for bit`, () => {
      expectSameDoubles(linspace(c.a, c.b, c.num), c.out, `linspace(${c.a}, ${c.b}, ${c.num})`);
    });
  }
});

describe(`sturgesEdges and histogramCounts vs np.histogram_bin_edges(bins='sturges') / np.histogram`, () => {
  for (const c of fixture.sturges) {
    it(c.name, () => {
      const ref = decodeSample(c.ref).sort();
      const cur = decodeSample(c.cur).sort();
      const edges = sturgesEdges(pooled(ref, cur));
      expectSameDoubles(edges, c.edges, `${c.name} edges`);
      expect(Array.from(histogramCounts(ref, edges)), `${c.name} reference counts`).toEqual(c.refCounts);
      expect(Array.from(histogramCounts(cur, edges)), `${c.name} current counts`).toEqual(c.curCounts);
    });
  }

  it('covers ties on edges, duplicate edges, tiny spreads, both power-of-two roundings and a million values', () => {
    const names = fixture.sturges.map((c) => c.name).join(' | ');
    for (const part of ['values on every edge', 'duplicate edges', '1e-12', 'n = 1024, 11 bins', 'n = 1024, 12 bins', '2^20']) {
      expect(names).toContain(part);
    }
  });

  it('gives one unit-wide bin around a constant sample and [0, 1] for no values', () => {
    expect(Array.from(sturgesEdges([4, 4, 4]))).toEqual([3.5, 4.5]);
    expect(Array.from(sturgesEdges([]))).toEqual([0, 1]);
  });

  it('rejects NaN and infinite values as numpy does', () => {
    expect(() => sturgesEdges([1, NaN])).toThrow(RangeError);
    expect(() => sturgesEdges([1, Infinity])).toThrow(/not finite/);
  });
});

describe('histogramCounts with explicit edges vs np.histogram', () => {
  fixture.histogram.forEach((c, k) => {
    it(`edges [${c.edges.join(', ')}] (case ${k})`, () => {
      const sorted = decodeSample(c.sorted);
      expect(Array.from(histogramCounts(sorted, c.edges.map(num)))).toEqual(c.counts);
    });
  });

  it('closes only the last bin and drops values outside the edges', () => {
    const sorted = Float64Array.from([-5, 0, 1, 1, 2, 2, 9]);
    expect(Array.from(histogramCounts(sorted, [0, 1, 2]))).toEqual([1, 4]);
  });

  it('rejects decreasing edges and a single edge', () => {
    const sorted = Float64Array.from([1, 2]);
    expect(() => histogramCounts(sorted, [0, 2, 1])).toThrow(/monotonically/);
    expect(() => histogramCounts(sorted, [0])).toThrow(RangeError);
  });
});

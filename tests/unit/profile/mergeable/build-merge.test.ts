import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../../lib/data/types';
import { AnalysisError } from '../../../../lib/errors';
import { buildProfile } from '../../../../lib/profile/mergeable/build';
import { mergeProfiles } from '../../../../lib/profile/mergeable/merge';
import type { DbProfile, Moments, ProfileColumn } from '../../../../lib/profile/mergeable/types';
import { readJson } from '../../../support';

// Rows and exact references from tests/fixtures/generate_mergeable_profile.py (Fraction arithmetic, numpy.histogram).
interface Fixture {
  rows: number;
  nearZero: {
    values: (number | string | null)[];
    moments: Moments;
    numpy: { mean: number; var: number };
    edges: number[];
    histogram: number[];
    missing: number;
    nonFinite: number;
  };
  offset: { values: number[]; moments: Moments; edges: number[]; histogram: number[] };
  cat: { values: string[]; counts: Record<string, number> };
}
const fx = readJson<Fixture>('tests/fixtures/profile/mergeable.json');
const nearZero = Float64Array.from(fx.nearZero.values, (v) => (v === null ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : Number(v)));
const edges = { nearZero: fx.nearZero.edges, offset: fx.offset.edges };

function dataset(lo: number, hi: number): Dataset {
  const table = tableFromArrays({
    nearZero: nearZero.slice(lo, hi),
    offset: Float64Array.from(fx.offset.values.slice(lo, hi)),
    cat: fx.cat.values.slice(lo, hi),
  });
  const schema = [
    { name: 'nearZero', type: 'numeric' as const },
    { name: 'offset', type: 'numeric' as const },
    { name: 'cat', type: 'categorical' as const },
  ];
  const meta = {
    id: `rows-${lo}`,
    name: `rows ${lo}-${hi}.csv`,
    format: 'csv' as const,
    sha256: `${lo}`,
    bytes: 0,
    rows: hi - lo,
    schema,
    warnings: [],
    createdAt: '',
  };
  return { meta, table };
}

function column(profile: DbProfile, name: string): ProfileColumn {
  return profile.columns.find((c) => c.name === name)!;
}

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('mergeable profile: shards merged = whole', () => {
  const whole = buildProfile(dataset(0, fx.rows), { edges });
  // Uneven shards, so the merge weights differ.
  const cuts = [0, 317, 1900, 2001, fx.rows];
  const shards = cuts.slice(1).map((hi, i) => buildProfile(dataset(cuts[i]!, hi), { edges }));
  const merged = mergeProfiles(shards);

  it('counts, missing, non-finite, min/max and histograms are exact and equal the reference', () => {
    for (const p of [whole, merged]) {
      const z = column(p, 'nearZero');
      expect([z.count, z.missing, z.nonFinite]).toEqual([fx.nearZero.moments.n, fx.nearZero.missing, fx.nearZero.nonFinite]);
      expect(z.histogram?.counts).toEqual(fx.nearZero.histogram);
      expect(column(p, 'offset').histogram?.counts).toEqual(fx.offset.histogram);
      expect(p.rows).toBe(fx.rows);
    }
    for (const key of ['count', 'missing', 'nonFinite', 'min', 'max'] as const) {
      for (const name of ['nearZero', 'offset', 'cat']) expect(column(merged, name)[key]).toBe(column(whole, name)[key]);
    }
    const finite = Array.from(nearZero).filter(Number.isFinite);
    expect(column(merged, 'nearZero').min).toBe(Math.min(...finite));
    expect(merged.source.names).toHaveLength(4);
  });

  it('moments are within 1e-12 relative of the exact (Fraction) mean and M2, whole and merged', () => {
    for (const p of [whole, merged]) {
      for (const name of ['nearZero', 'offset'] as const) {
        const m = column(p, name).moments!;
        expect(m.n).toBe(fx[name].moments.n);
        expect(relative(m.mean, fx[name].moments.mean)).toBeLessThan(1e-12);
        expect(relative(m.M2, fx[name].moments.M2)).toBeLessThan(1e-12);
      }
    }
  });

  it('mean and population variance agree with numpy.mean / numpy.var (pairwise sums) to 1e-12', () => {
    const m = column(merged, 'nearZero').moments!;
    expect(relative(m.mean, fx.nearZero.numpy.mean)).toBeLessThan(1e-12);
    expect(relative(m.M2 / m.n, fx.nearZero.numpy.var)).toBeLessThan(1e-12);
  });

  it('category counts are exact below the limit, top-K + other beyond it', () => {
    const exact = column(merged, 'cat').categories!;
    expect(exact.truncated).toBe(false);
    expect(Object.fromEntries(exact.values.map((v, i) => [v, exact.counts[i]]))).toEqual(fx.cat.counts);
    const limited = mergeProfiles(cuts.slice(1).map((hi, i) => buildProfile(dataset(cuts[i]!, hi), { edges, maxCategories: 2 })));
    const top = column(limited, 'cat').categories!;
    expect(top).toEqual({
      maxCategories: 2,
      values: ['a', 'b'],
      counts: [fx.cat.counts.a, fx.cat.counts.b],
      other: fx.rows - fx.cat.counts.a! - fx.cat.counts.b!,
      truncated: true,
    });
  });

  it('different edges or category limits cannot be merged: the error names the column', () => {
    const other = buildProfile(dataset(0, 100), { edges: { ...edges, offset: [0, 1, 2] } });
    expect(() => mergeProfiles([shards[0]!, other])).toThrow(AnalysisError);
    expect(() => mergeProfiles([shards[0]!, other])).toThrow(/column "offset": histogram edges differ/);
    const limit = buildProfile(dataset(0, 100), { edges, maxCategories: 3 });
    expect(() => mergeProfiles([shards[0]!, limit])).toThrow(/column "cat": category limits differ \(10000 vs 3\)/);
  });

  it('edges from another profile are reused; values beyond the outer edges land in the outer bins', () => {
    const again = buildProfile(dataset(0, 500), { edgesFrom: whole });
    expect(column(again, 'offset').histogram!.edges).toEqual(fx.offset.edges);
    const z = column(buildProfile(dataset(0, fx.rows), { edges: { nearZero: [-0.1, 0.1] } }), 'nearZero');
    expect(z.histogram!.counts).toEqual([fx.nearZero.moments.n]);
  });
});

import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import type { Dataset } from '../../../lib/data/types';
import { buildProfile } from '../../../lib/profile/mergeable/build';
import { computeQuality } from '../../../lib/quality/compute-quality';
import { qualityFromProfiles } from '../../../lib/quality/from-profiles';
import type { ColumnStats } from '../../../lib/quality/types';
import { expectClose, expectCloseOrNull, readFixture, readJson } from '../../support';

// pandas' summaries of the quality fixtures (tests/fixtures/quality/make_expected.py), the same file the raw-row summary is tested on.
interface PandasSide {
  count: number;
  missing: number;
  mean?: number | null;
  std?: number | null;
  distinct: number;
  topFrequency: number;
}
const expected = readJson<{
  pairs: { mixed: { reference: { path: string }; current: { path: string }; columns: { name: string; reference: PandasSide; current?: PandasSide }[] } };
}>('tests/fixtures/quality/expected.json');
const EXACT_REL = 1e-12;
const PANDAS_TOL = 1e-9;

async function load(path: string): Promise<Dataset> {
  return ingestCsv(readFixture(path), path.split('/').pop()!);
}

/** Every number a profile keeps equals the raw-row summary's; what needs rows is null. */
function expectSameAsRows(got: ColumnStats, want: ColumnStats, what: string): void {
  expect([got.kind, got.count, got.missing, got.missingShare, got.nonFinite, got.highMissing, got.hasNonFinite], what).toEqual([
    want.kind,
    want.count,
    want.missing,
    want.missingShare,
    want.nonFinite,
    want.highMissing,
    want.hasNonFinite,
  ]);
  if (got.kind === 'numeric' && want.kind === 'numeric') {
    expect([got.min, got.max], what).toEqual([want.min, want.max]);
    expectCloseOrNull(got.mean, want.mean, EXACT_REL, `${what} mean`);
    expectCloseOrNull(got.std, want.std, EXACT_REL, `${what} std`);
    expect([got.p25, got.median, got.p75, got.zerosShare], `${what}: needs rows`).toEqual([null, null, null, null]);
    if (got.distinct !== null) expect(got.distinct, what).toBe(want.distinct);
  } else if (got.kind === 'categorical' && got.topCategories.length === 0 && want.count > 0) {
    // A datetime column's profile keeps counts only.
    expect([got.distinct, got.top, got.topFrequency, got.categories, got.meanLength], `${what}: needs rows`).toEqual([null, null, null, null, null]);
  } else {
    // Categorical: the same functions over the profile's exact category counts — equal field for field.
    expect(got, what).toEqual(want);
  }
}

describe('quality from profiles (lib/quality/from-profiles.ts)', () => {
  it('equals the raw-row summary on the mixed pair (counts, categories, new/vanished exact; mean/std to 1e-12) and pandas (1e-9)', async () => {
    const pair = expected.pairs.mixed;
    const [reference, current] = await Promise.all([load(pair.reference.path), load(pair.current.path)]);
    const raw = computeQuality(reference, current);
    const refProfile = buildProfile(reference);
    const result = qualityFromProfiles(
      { meta: reference.meta, profile: refProfile },
      { meta: current.meta, profile: buildProfile(current, { edgesFrom: refProfile }) },
    );
    expect(result.fromProfile).toEqual({ reference: true, current: true });
    expect(result.reference).toEqual(raw.reference);
    expect(result.current).toEqual(raw.current);
    expect([result.onlyInReference, result.onlyInCurrent]).toEqual([raw.onlyInReference, raw.onlyInCurrent]);
    expect(result.warnings[0]).toBe(
      'summarised from profiles (mixed_reference.csv was profiled from its rows; mixed_current.csv was profiled from its rows): quantiles, zeros, distinct numeric values and duplicated rows need the rows and are not shown',
    );
    let compared = 0;
    for (const [i, column] of result.columns.entries()) {
      const want = raw.columns[i]!;
      expect(column.name).toBe(want.name);
      if (column.type !== want.type) continue; // raw rows re-type an all-missing side; a profile keeps its types
      expectSameAsRows(column.reference, want.reference, `${column.name} reference`);
      if (want.current) expectSameAsRows(column.current!, want.current, `${column.name} current`);
      const pandas = pair.columns.find((c) => c.name === column.name);
      for (const side of ['reference', 'current'] as const) {
        const [got, ref] = [column[side], pandas?.[side]];
        if (!got || !ref) continue;
        expect([got.count, got.missing], `${column.name} ${side} vs pandas`).toEqual([ref.count, ref.missing]);
        if (got.kind === 'numeric' && typeof ref.mean === 'number') expectClose(got.mean, ref.mean, PANDAS_TOL, `${column.name} ${side} mean vs pandas`);
        if (got.kind === 'numeric' && typeof ref.std === 'number') expectClose(got.std, ref.std, PANDAS_TOL, `${column.name} ${side} std vs pandas`);
        if (got.kind === 'categorical' && got.distinct !== null)
          expect([got.distinct, got.topFrequency], `${column.name} ${side}`).toEqual([ref.distinct, ref.topFrequency]);
      }
      compared++;
    }
    expect(compared).toBeGreaterThan(3);
    for (const side of ['reference', 'current'] as const) {
      const [got, want] = [result.dataset[side]!, raw.dataset[side]!];
      expect([got.rows, got.columns, got.duplicatedRows], side).toEqual([want.rows, want.columns, null]);
      expect(got.allMissingColumns, side).toEqual(want.allMissingColumns);
      for (const name of got.constantColumns) expect(want.constantColumns, side).toContain(name);
      for (const name of got.almostConstantColumns) expect(want.almostConstantColumns, side).toContain(name);
    }
  });

  it('past the category limit: top values kept, distinct/categories/mean length unknown, no new-category lists', async () => {
    const csv = (values: string[]) => new TextEncoder().encode(`c\n${values.join('\n')}\n`);
    const ref = await ingestCsv(csv(['a', 'b', 'b', 'c', 'c', 'c', 'd']), 'r.csv');
    const cur = await ingestCsv(csv(['c', 'e']), 'c.csv');
    const refProfile = buildProfile(ref, { maxCategories: 2 });
    const result = qualityFromProfiles({ meta: ref.meta, profile: refProfile }, { meta: cur.meta, profile: buildProfile(cur, { edgesFrom: refProfile }) });
    const [column] = result.columns;
    expect(column!.reference).toMatchObject({ kind: 'categorical', count: 7, distinct: null, categories: null, meanLength: null, top: 'c', topFrequency: 3 });
    expect(column!.reference.kind === 'categorical' && column!.reference.topCategories).toEqual([
      { value: 'c', count: 3 },
      { value: 'b', count: 2 },
    ]);
    expect(column!.current).toMatchObject({ kind: 'categorical', count: 2, distinct: 2 });
    expect(column!.current).not.toHaveProperty('newCategories');
  });

  it('a constant numeric column is known constant; a spread one has unknown distinct values', async () => {
    const data = await ingestCsv(new TextEncoder().encode('k,x\n5.5,1.5\n5.5,2.5\n5.5,\n'), 'k.csv');
    const result = qualityFromProfiles({ meta: data.meta, profile: buildProfile(data) });
    expect(result.columns.map((c) => c.reference.distinct)).toEqual([1, null]);
    expect(result.dataset.reference.constantColumns).toEqual(['k']);
    expect(result.columns[1]!.reference).toMatchObject({ count: 2, missing: 1, min: 1.5, max: 2.5, mean: 2 });
    expectClose((result.columns[1]!.reference as { std: number }).std, Math.SQRT1_2, EXACT_REL, 'std of 1.5, 2.5');
  });
});

import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../../lib/data/ingest';
import { buildProfile } from '../../../../lib/profile/mergeable/build';
import { computeProfileQuality } from '../../../../lib/profile/mergeable/from-profile-quality';
import { computeQuality } from '../../../../lib/quality/compute-quality';
import type { ExpectedColumn } from '../../quality/quality-fixture';
import { expectClose, expectCloseOrNull, readFixture, readJson } from '../../../support';

// pandas' summaries of the quality fixtures (tests/fixtures/quality/make_expected.py); the raw-row
// quality summary is tested against the same file in tests/unit/quality/compute-quality.test.ts.
const expected = readJson<{ single: { reference: { path: string }; columns: ExpectedColumn[] } }>('tests/fixtures/quality/expected.json');
const PANDAS_TOL = 1e-9;
const EXACT_REL = 1e-12;

describe('quality from a .dbprofile', () => {
  it('gives the raw-row summary: counts exact, mean/std to 1e-12 relative, categories and their counts', async () => {
    const path = expected.single.reference.path;
    const dataset = await ingestCsv(readFixture(path), path.split('/').pop()!);
    const raw = computeQuality(dataset);
    const result = computeProfileQuality(buildProfile(dataset), 'ref.dbprofile');
    expect(result.fromProfile).toBe('exact');
    expect(result.reference.rows).toBe(raw.reference.rows);
    expect(result.columns.map((c) => c.name)).toEqual(raw.columns.map((c) => c.name));
    let numeric = 0;
    let categorical = 0;
    for (const [i, column] of result.columns.entries()) {
      const want = raw.columns[i]!.reference;
      const pandas = expected.single.columns.find((c) => c.name === column.name)?.reference;
      const what = column.name;
      expect([column.count, column.missing, column.nonFinite], what).toEqual([want.count, want.missing, want.nonFinite]);
      expect(column.missingShare, what).toBe(want.missingShare);
      if (want.kind === 'numeric') {
        numeric++;
        expect([column.min, column.max], what).toEqual([want.min, want.max]);
        expectCloseOrNull(column.mean, want.mean, EXACT_REL, `${what} mean vs raw rows`);
        expectCloseOrNull(column.std, want.std, EXACT_REL, `${what} std vs raw rows`);
        if (pandas && pandas.mean !== null) expectClose(column.mean, pandas.mean as number, PANDAS_TOL, `${what} mean vs pandas`);
        if (pandas && pandas.std !== null) expectClose(column.std, pandas.std as number, PANDAS_TOL, `${what} std vs pandas`);
      } else if (column.categories) {
        categorical++;
        expect(column.categories.distinct, what).toBe(want.distinct);
        expect(column.categories.values.slice(0, want.topCategories.length), what).toEqual(want.topCategories);
        expect(column.categories.values.reduce((s, v) => s + v.count, 0) + column.categories.other, what).toBe(want.count);
      }
    }
    expect(numeric).toBeGreaterThan(0);
    expect(categorical).toBeGreaterThan(0);
  });

  it('says when the category limit was reached: distinct unknown, the rest counted as other', async () => {
    const csv = 'c\n' + ['a', 'b', 'b', 'c', 'c', 'c', 'd'].join('\n') + '\n';
    const dataset = await ingestCsv(new TextEncoder().encode(csv), 'c.csv');
    const [column] = computeProfileQuality(buildProfile(dataset, { maxCategories: 2 }), 'c.dbprofile').columns;
    expect(column!.categories).toMatchObject({ distinct: null, limitReached: true, maxCategories: 2 });
    expect(column!.categories!.values[0]).toEqual({ value: 'c', count: 3 });
    expect(column!.categories!.values.reduce((s, v) => s + v.count, 0) + column!.categories!.other).toBe(7);
    expect(column!.warnings.join(' ')).toMatch(/more than 2 categories/);
  });
});

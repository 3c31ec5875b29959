import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import type { Dataset } from '../../../lib/data/types';
import { mostlyOf } from '../../../lib/validation/profile-column';
import { profileSuite } from '../../../lib/validation/profile';
import type { ExpectationConfig, SuiteValidationResult } from '../../../lib/validation/types';
import { validateDataset } from '../../../lib/validation/validate';
import { readFixture, readJson } from '../../support';

/**
 * profileSuite against a second implementation of the same documented rules in pandas/numpy
 * (tests/fixtures/generate_validation_profile.py), then the suite run by the engine: 100% on its
 * own reference (the fixture and the demo's), and the planted faults of a damaged copy caught.
 */

const DIR = 'tests/fixtures/validation-profile';
const read = (path: string, name = path.split('/').pop()!) => ingestCsv(readFixture(path), name);

interface Expected {
  rows: number;
  k: number;
  suites: Record<string, { type: string; kwargs: Record<string, unknown> }[]>;
}
const expected = readJson<Expected>(`${DIR}/expected.json`);

/** Numbers within 1e-12 relative (our sums and pandas' may differ in the last bits), everything else equal. */
function expectSame(actual: unknown, want: unknown, path: string): void {
  if (typeof want === 'number') {
    expect(typeof actual, path).toBe('number');
    expect(Math.abs((actual as number) - want), path).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
  } else if (Array.isArray(want)) {
    expect(Array.isArray(actual) && actual.length, path).toBe(want.length);
    want.forEach((w, i) => expectSame((actual as unknown[])[i], w, `${path}[${i}]`));
  } else if (want !== null && typeof want === 'object') {
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(want).sort());
    for (const [key, w] of Object.entries(want)) expectSame((actual as Record<string, unknown>)[key], w, `${path}.${key}`);
  } else expect(actual, path).toEqual(want);
}

const failed = (result: SuiteValidationResult) =>
  result.results.filter((r) => !r.success).map((r) => `${r.expectation_config.type} ${String(r.expectation_config.kwargs.column ?? '')}`.trim());

const find = (result: SuiteValidationResult, type: string, column?: string) =>
  result.results.find((r) => r.expectation_config.type === type && r.expectation_config.kwargs.column === column)!;

describe('profileSuite', () => {
  it.each(['0', '0.1'])('suggests the documented suite (margin %s), as pandas computes it', async (margin) => {
    const suite = profileSuite(await read(`${DIR}/reference.csv`), { margin: Number(margin) });
    const want = expected.suites[margin]!;
    expect(suite.expectations.map((e) => e.type)).toEqual(want.map((e) => e.type));
    suite.expectations.forEach((e: ExpectationConfig, i) => expectSame(e.kwargs, want[i]!.kwargs, `#${i} ${e.type}`));
    expect(suite.name).toBe('reference.csv profile');
    expect(suite.meta).toMatchObject({ profiled_from: { name: 'reference.csv', rows: expected.rows }, profiler: { margin: Number(margin), k: expected.k } });
    // Every expectation says where its bounds came from.
    for (const e of suite.expectations) expect(e.notes, e.type).toEqual(expect.any(String));
  });

  it('passes 100% on the reference it came from (the fixture and the demo reference)', async () => {
    for (const path of [`${DIR}/reference.csv`, 'public/demo/seattle-weather-2012-2013.csv']) {
      const reference = await read(path);
      for (const options of [{}, { margin: 0.2, k: 0 }]) {
        const result = await validateDataset(profileSuite(reference, options), reference);
        expect(failed(result), path).toEqual([]);
        expect(result.statistics.success_percent).toBe(100);
        expect(result.statistics.evaluated_expectations).toBeGreaterThan(20);
      }
    }
  });

  it('catches new categories, out-of-range values, nulls, duplicates, lengths and new numbers on a damaged copy', async () => {
    const suite = profileSuite(await read(`${DIR}/reference.csv`));
    const result = await validateDataset(suite, await read(`${DIR}/damaged.csv`));
    expect(result.success).toBe(false);
    const failures = failed(result);
    for (const fault of [
      'expect_column_values_to_be_in_set country',
      'expect_column_values_to_be_between amount',
      'expect_column_values_to_not_be_null score',
      'expect_column_values_to_be_unique id',
      'expect_column_value_lengths_to_be_between code',
      'expect_column_values_to_be_in_set qty',
    ]) {
      expect(failures, fault).toContain(fault);
    }
    expect(find(result, 'expect_column_values_to_be_in_set', 'country').result.partial_unexpected_list).toEqual(['XX']);
    expect(find(result, 'expect_column_values_to_be_between', 'amount').result.partial_unexpected_list).toEqual([1_000_000]);
    expect(find(result, 'expect_column_values_to_not_be_null', 'score').result.unexpected_count).toBe(1);
    // GX marks every copy of a duplicated id.
    expect(find(result, 'expect_column_values_to_be_unique', 'id').result.partial_unexpected_list).toEqual([1005, 1005]);
    expect(find(result, 'expect_column_value_lengths_to_be_between', 'code').result.partial_unexpected_list).toEqual(['toolongvalue']);
    expect(find(result, 'expect_column_values_to_be_in_set', 'qty').result.partial_unexpected_list).toEqual([9]);
    // The amount's single huge value moves its mean and spread far beyond 3 standard errors.
    expect(failures).toContain('expect_column_mean_to_be_between amount');
    expect(failures).toContain('expect_column_stdev_to_be_between amount');
  });

  it('takes mostly from the missing share: the largest 4-decimal share not above it', () => {
    expect(mostlyOf(228 / 240)).toBe(0.95);
    expect(mostlyOf(2 / 3)).toBe(0.6666);
    expect(mostlyOf(0.29)).toBe(0.29);
    expect(mostlyOf(1e-5)).toBe(0);
    // GX's success test `(n − u)/n >= mostly` holds for every share the reference can have.
    const above: string[] = [];
    for (let n = 1; n <= 300; n++) for (let u = 0; u <= n; u++) if (!((n - u) / n >= mostlyOf((n - u) / n))) above.push(`${u}/${n}`);
    expect(above).toEqual([]);
  });

  it('profiles booleans as GX sees them, ids by role, and refuses a negative margin or k', async () => {
    const csv = 'user_id,flag,x\n' + Array.from({ length: 6 }, (_, i) => `u${i},${i % 2 ? 'yes' : 'no'},${i}.5`).join('\n') + '\n';
    const dataset: Dataset = await ingestCsv(new TextEncoder().encode(csv), 'small.csv');
    const suite = profileSuite(dataset, { name: 'small' });
    const of = (type: string, column: string) => suite.expectations.find((e) => e.type === type && e.kwargs.column === column);
    expect(of('expect_column_values_to_be_in_set', 'flag')?.kwargs.value_set).toEqual([false, true]);
    // user_id: an id by its name (all unique), although it has fewer than 20 values.
    expect(of('expect_column_values_to_be_unique', 'user_id')).toBeDefined();
    expect(of('expect_column_values_to_be_in_set', 'user_id')).toBeUndefined();
    // x: six distinct non-integers — unique, but not id-like (no unique expectation).
    expect(of('expect_column_values_to_be_unique', 'x')).toBeUndefined();
    expect(suite.name).toBe('small');
    expect(() => profileSuite(dataset, { margin: -0.1 })).toThrow(/margin: -0.1 is not a number of 0 or more/);
    expect(() => profileSuite(dataset, { k: Number.NaN })).toThrow(/k: NaN/);
    expect(failed(await validateDataset(suite, dataset))).toEqual([]);
  });
});

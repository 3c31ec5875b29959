/**
 * Reading suites: GX Core 1.x JSON as is, the legacy 0.18 layout converted with a note, and GX 1.x's
 * pydantic rule that an expectation forbids unknown fields (great_expectations/expectations/
 * expectation.py, `class Config: extra = pydantic.Extra.forbid`) — an error naming the expectation.
 */
import { describe, expect, test } from 'vitest';
import { expectationProblem, readSuite } from '../../../lib/validation/read-suite';
import { EXPECTATION_SPECS } from '../../../lib/validation/kwargs';

const v1 = {
  name: 'orders',
  id: 'a1',
  meta: { owner: 'data' },
  expectations: [
    { type: 'expect_column_values_to_not_be_null', kwargs: { column: 'id' }, meta: { why: 'key' }, id: 'e1', notes: 'keys are set' },
    { type: 'expect_column_values_to_be_between', kwargs: { column: 'amount', min_value: 0, max_value: null, mostly: 0.95 } },
  ],
};

const legacy = {
  expectation_suite_name: 'orders',
  data_asset_type: null,
  ge_cloud_id: null,
  meta: { great_expectations_version: '0.18.12' },
  expectations: [
    {
      expectation_type: 'expect_column_values_to_be_in_set',
      kwargs: { column: 'status', value_set: ['new', 'paid'], parse_strings_as_datetimes: false },
      meta: {},
    },
    { expectation_type: 'expect_table_row_count_to_be_between', kwargs: { min_value: 1, max_value: 10 }, meta: {} },
  ],
};

describe('readSuite', () => {
  test('a GX 1.x suite is read as it is, kwargs untouched, no notes', () => {
    const { suite, notes } = readSuite(JSON.stringify(v1));
    expect(suite).toEqual(v1);
    expect(notes).toEqual([]);
  });

  test('a legacy 0.18 suite is converted, with a note, and its off 0.18-only kwargs dropped with a note', () => {
    const { suite, notes } = readSuite(legacy);
    expect(suite.name).toBe('orders');
    expect(suite.expectations.map((e) => e.type)).toEqual(['expect_column_values_to_be_in_set', 'expect_table_row_count_to_be_between']);
    expect(suite.expectations[0]!.kwargs).toEqual({ column: 'status', value_set: ['new', 'paid'] });
    expect(suite.meta).toEqual({ great_expectations_version: '0.18.12' });
    expect(notes[0]).toMatch(/converted a GX 0\.18 suite/);
    expect(notes[1]).toMatch(/expectation 1 \(expect_column_values_to_be_in_set\): dropped the 0\.18 kwarg "parse_strings_as_datetimes"/);
  });

  test('a legacy kwarg that is on is an error, not silently dropped', () => {
    const on = structuredClone(legacy);
    on.expectations[0]!.kwargs.parse_strings_as_datetimes = true;
    expect(() => readSuite(on)).toThrow(/expectation 1 \(expect_column_values_to_be_in_set\): kwarg "parse_strings_as_datetimes" was removed in GX 1\.x/);
  });

  test('an unknown kwarg is an error naming the expectation (GX would drop it silently)', () => {
    const suite = structuredClone(v1);
    (suite.expectations[1]!.kwargs as Record<string, unknown>).maximum = 3;
    expect(() => readSuite(suite)).toThrow(/expectation 2 \(expect_column_values_to_be_between\): unknown kwarg "maximum" — GX 1\.x accepts column, min_value/);
  });

  test('an unknown type, a missing required kwarg and a bad value are errors naming the expectation', () => {
    expect(() => readSuite({ name: 's', expectations: [{ type: 'expect_column_to_be_great', kwargs: {} }] })).toThrow(
      /expectation 1 \(expect_column_to_be_great\): unknown expectation type/,
    );
    expect(() => readSuite({ name: 's', expectations: [{ type: 'expect_column_values_to_be_in_set', kwargs: { column: 'a' } }] })).toThrow(
      /expectation 1 \(expect_column_values_to_be_in_set\): missing required kwarg "value_set"/,
    );
    expect(() => readSuite({ name: 's', expectations: [{ type: 'expect_column_values_to_be_unique', kwargs: { column: 'a', mostly: 1.5 } }] })).toThrow(
      /mostly must be a number between 0 and 1/,
    );
    expect(() => readSuite('{"name": "s", "expectations": [')).toThrow(/suite: not JSON/);
    expect(() => readSuite({ name: 's', expectations: [], evaluation_parameters: {} })).toThrow(
      /unknown field "evaluation_parameters" \(a GX 0\.18 field in a 1\.x suite\)/,
    );
  });

  test('expectationProblem gives the forms the same message, or null', () => {
    expect(expectationProblem({ type: 'expect_column_values_to_be_unique', kwargs: { column: 'a' } })).toBeNull();
    expect(expectationProblem({ type: 'expect_column_values_to_be_unique', kwargs: { column: 'a', value_set: [] } }, 4)).toMatch(
      /^expectation 5 \(expect_column_values_to_be_unique\): unknown kwarg "value_set"/,
    );
  });

  test('every spec is one of the three kinds and map expectations (only they) take mostly', () => {
    for (const [type, spec] of Object.entries(EXPECTATION_SPECS)) {
      const names = spec.kwargs.map((k) => k.name);
      expect(names.includes('mostly'), type).toBe(spec.kind === 'column_map');
      expect(new Set(names).size, `${type} kwargs are distinct`).toBe(names.length);
    }
    expect(Object.keys(EXPECTATION_SPECS)).toHaveLength(22);
  });
});

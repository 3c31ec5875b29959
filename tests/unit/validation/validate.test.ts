/**
 * The run around the expectations (lib/validation/validate.ts) and the table expectations. Expected
 * values follow GX 1.x's source: ExpectationSuiteValidationResult statistics, table expectations'
 * `_validate` (expect_table_columns_to_match_set.py: equal sets → columns as they are, otherwise sorted
 * lists with details.mismatched; _match_ordered_list.py: zip_longest positions; expect_column_to_exist.py:
 * `columns[column_index] == column`), `_format_map_output` for the result formats, and the missing
 * column error of GX's execution engine ('The column "x" in BatchData does not exist.').
 */
import { describe, expect, test } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import type { ExpectationConfig } from '../../../lib/validation/types';
import { validateDataset } from '../../../lib/validation/validate';

const csv = 'b,a,c\n1,x,\n2,y,\n2,NA,\n';
const data = () => ingestCsv(new TextEncoder().encode(csv), 'small.csv');
const run = async (...expectations: ExpectationConfig[]) => validateDataset({ name: 'small', expectations }, await data(), { now: () => new Date(0) });

describe('validateDataset', () => {
  test('a missing column fails that expectation with exception_info naming it, and the run goes on', async () => {
    const result = await run(
      { type: 'expect_column_values_to_be_in_set', kwargs: { column: 'nope', value_set: [1] } },
      { type: 'expect_column_values_to_be_unique', kwargs: { column: 'a' } },
    );
    expect(result.results[0]).toEqual({
      success: false,
      expectation_config: { type: 'expect_column_values_to_be_in_set', kwargs: { column: 'nope', value_set: [1] }, meta: {} },
      result: {},
      exception_info: { raised_exception: true, exception_message: 'Error: The column "nope" in BatchData does not exist.', exception_traceback: null },
    });
    expect(result.results[1]!.success).toBe(true);
    expect(result.statistics).toEqual({ evaluated_expectations: 2, successful_expectations: 1, unsuccessful_expectations: 1, success_percent: 50 });
    expect(result.success).toBe(false);
    expect(result.suite_name).toBe('small');
    expect(result.meta.validation_time).toBe('1970-01-01T00:00:00.000Z');
  });

  test('an empty suite succeeds with success_percent null (GX divides by zero evaluated expectations)', async () => {
    expect((await run()).statistics).toEqual({ evaluated_expectations: 0, successful_expectations: 0, unsuccessful_expectations: 0, success_percent: null });
  });

  test('a bad kwarg in a suite built by hand, a row_condition and a type mismatch become exception_info', async () => {
    const result = await run(
      { type: 'expect_column_values_to_be_between', kwargs: { column: 'b', minimum: 1 } },
      { type: 'expect_column_values_to_be_unique', kwargs: { column: 'b', row_condition: 'a == "x"', condition_parser: 'pandas' } },
      { type: 'expect_column_values_to_be_between', kwargs: { column: 'a', min_value: 1 } },
      { type: 'expect_column_values_to_be_between', kwargs: { column: 'b' } },
    );
    const messages = result.results.map((r) => r.exception_info.exception_message);
    expect(messages[0]).toMatch(/expectation 1 \(expect_column_values_to_be_between\): unknown kwarg "minimum"/);
    expect(messages[1]).toMatch(/row_condition is not supported/);
    expect(messages[2]).toBe("'<' not supported between instances of 'str' and 'int'");
    expect(messages[3]).toBe('min_value and max_value cannot both be None');
    expect(result.results.every((r) => !r.success)).toBe(true);
  });

  test('result_format BOOLEAN_ONLY, BASIC and COMPLETE as _format_map_output builds them', async () => {
    const kwargs = (format: unknown) => ({ column: 'b', value_set: [1], result_format: format });
    const [boolean, basic, complete, partial] = (
      await run(
        { type: 'expect_column_values_to_be_in_set', kwargs: kwargs('BOOLEAN_ONLY') },
        { type: 'expect_column_values_to_be_in_set', kwargs: kwargs('BASIC') },
        { type: 'expect_column_values_to_be_in_set', kwargs: kwargs('COMPLETE') },
        { type: 'expect_column_values_to_be_in_set', kwargs: kwargs({ result_format: 'SUMMARY', partial_unexpected_count: 1 }) },
      )
    ).results;
    expect(boolean!.result).toEqual({});
    expect(Object.keys(basic!.result)).toEqual([
      'element_count',
      'unexpected_count',
      'unexpected_percent',
      'partial_unexpected_list',
      'missing_count',
      'missing_percent',
      'unexpected_percent_total',
      'unexpected_percent_nonmissing',
    ]);
    expect(complete!.result.unexpected_list).toEqual([2, 2]);
    expect(complete!.result.unexpected_index_list).toEqual([1, 2]);
    expect(partial!.result.partial_unexpected_list).toEqual([2]);
    expect(partial!.result.partial_unexpected_counts).toEqual([{ value: 2, count: 1 }]);
  });

  test('table expectations', async () => {
    const results = (
      await run(
        { type: 'expect_table_columns_to_match_set', kwargs: { column_set: ['c', 'a', 'b'] } },
        { type: 'expect_table_columns_to_match_set', kwargs: { column_set: ['b', 'z'], exact_match: true } },
        { type: 'expect_table_columns_to_match_set', kwargs: { column_set: ['b', 'a'], exact_match: false } },
        { type: 'expect_table_columns_to_match_ordered_list', kwargs: { column_list: ['b', 'c'] } },
        { type: 'expect_column_to_exist', kwargs: { column: 'c', column_index: -1 } },
        { type: 'expect_column_to_exist', kwargs: { column: 'c', column_index: 0 } },
        { type: 'expect_column_to_exist', kwargs: { column: 'c', column_index: 3 } },
        { type: 'expect_table_row_count_to_be_between', kwargs: { min_value: 3, max_value: 3, strict_max: true } },
      )
    ).results;
    expect(results.map((r) => r.success)).toEqual([true, false, true, false, true, false, false, false]);
    expect(results[0]!.result).toEqual({ observed_value: ['b', 'a', 'c'] });
    expect(results[1]!.result).toEqual({ observed_value: ['a', 'b', 'c'], details: { mismatched: { unexpected: ['a', 'c'], missing: ['z'] } } });
    expect(results[2]!.result).toEqual({ observed_value: ['a', 'b', 'c'], details: { mismatched: { unexpected: ['c'] } } });
    expect(results[3]!.result).toEqual({
      observed_value: ['b', 'a', 'c'],
      details: {
        mismatched: [
          { 'Expected Column Position': 1, Expected: 'c', Found: 'a' },
          { 'Expected Column Position': 2, Expected: null, Found: 'c' },
        ],
      },
    });
    expect(results[6]!.exception_info.exception_message).toMatch(/list index out of range/);
    expect(results[7]!.result).toEqual({ observed_value: 3 });
  });

  test('progress after each expectation, and a cancel stops the run', async () => {
    const seen: [number, number][] = [];
    const expectations = [1, 2, 3].map(() => ({ type: 'expect_column_values_to_be_unique', kwargs: { column: 'a' } }));
    await validateDataset({ name: 's', expectations }, await data(), { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const controller = new AbortController();
    const cancelled = validateDataset({ name: 's', expectations }, await data(), { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(cancelled).rejects.toMatchObject({ code: 'aborted' });
  });
});

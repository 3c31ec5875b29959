/**
 * Table expectations (GX 1.x core): row count between bounds (table.row_count), columns matching
 * a set or an ordered list (table.columns), and a column's existence (optionally at an index).
 */
import { AnalysisError } from '../../errors';
import { compareCodePoints } from '../column-values';
import type { ExpectationRunner } from '../context';
import { flag } from '../context';
import { metricBetween } from './aggregate';

const rowCount: ExpectationRunner = (kwargs, context) => metricBetween(kwargs, context.dataset.table.numRows);

// expect_table_columns_to_match_set._validate: equal sets pass with the columns as they are; otherwise the
// observed columns and the differences are listed sorted, and exact_match=false passes if none is missing.
const matchSet: ExpectationRunner = (kwargs, context) => {
  const observed = context.columnNames;
  const want = new Set(kwargs.column_set as string[]);
  const have = new Set(observed);
  const unexpected = [...have].filter((c) => !want.has(c)).sort(compareCodePoints);
  const missing = [...want].filter((c) => !have.has(c)).sort(compareCodePoints);
  if (unexpected.length === 0 && missing.length === 0) return { success: true, result: { observed_value: observed } };
  const mismatched: Record<string, string[]> = {};
  if (unexpected.length > 0) mismatched.unexpected = unexpected;
  if (missing.length > 0) mismatched.missing = missing;
  const success = !flag(kwargs, 'exact_match', true) && missing.length === 0;
  return { success, result: { observed_value: [...observed].sort(compareCodePoints), details: { mismatched } } };
};

// expect_table_columns_to_match_ordered_list: position by position, mismatches listed with both names.
const matchOrderedList: ExpectationRunner = (kwargs, context) => {
  const observed = context.columnNames;
  const expected = kwargs.column_list as string[];
  const mismatched: { 'Expected Column Position': number; Expected: string | null; Found: string | null }[] = [];
  for (let i = 0; i < Math.max(observed.length, expected.length); i++) {
    if (observed[i] !== expected[i]) mismatched.push({ 'Expected Column Position': i, Expected: expected[i] ?? null, Found: observed[i] ?? null });
  }
  return { success: mismatched.length === 0, result: { observed_value: observed, ...(mismatched.length > 0 ? { details: { mismatched } } : {}) } };
};

// expect_column_to_exist: `column in columns`, or `columns[column_index] == column` with Python indexing
// (a negative index counts from the end; one out of range is an IndexError).
const columnExists: ExpectationRunner = (kwargs, context) => {
  const names = context.columnNames;
  const at = typeof kwargs.column_index === 'number' ? kwargs.column_index : null;
  if (at === null) return { success: names.includes(kwargs.column as string), result: {} };
  const i = at < 0 ? names.length + at : at;
  if (i < 0 || i >= names.length) throw new AnalysisError('bad-kwarg', `list index out of range: column_index ${at}, the table has ${names.length} columns`);
  return { success: names[i] === kwargs.column, result: {} };
};

export const TABLE_RUNNERS: Record<string, ExpectationRunner> = {
  expect_table_row_count_to_be_between: rowCount,
  expect_table_columns_to_match_set: matchSet,
  expect_table_columns_to_match_ordered_list: matchOrderedList,
  expect_column_to_exist: columnExists,
};

/**
 * Table expectations (GX 1.x core): row count between bounds (table.row_count), columns matching
 * a set or an ordered list (table.columns), and a column's existence (optionally at an index).
 */
import type { ExpectationRunner } from '../context';
import { flag } from '../context';
import { metricBetween } from './aggregate';

const rowCount: ExpectationRunner = (kwargs, context) => metricBetween(kwargs, context.dataset.table.numRows);

// expect_table_columns_to_match_set: exact_match (default true) needs equal sets, else the set ⊆ columns.
const matchSet: ExpectationRunner = (kwargs, context) => {
  const observed = context.columnNames;
  const expected = kwargs.column_set as string[];
  const have = new Set(observed);
  const want = new Set(expected);
  const missing = expected.filter((c) => !have.has(c));
  const unexpected = observed.filter((c) => !want.has(c));
  const exact = flag(kwargs, 'exact_match', true);
  const success = missing.length === 0 && (!exact || unexpected.length === 0);
  const mismatched: Record<string, string[]> = {};
  if (unexpected.length > 0) mismatched.unexpected = unexpected;
  if (missing.length > 0) mismatched.missing = missing;
  return { success, result: { observed_value: observed, ...(Object.keys(mismatched).length > 0 ? { details: { mismatched } } : {}) } };
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

const columnExists: ExpectationRunner = (kwargs, context) => {
  const index = context.columnNames.indexOf(kwargs.column as string);
  const at = typeof kwargs.column_index === 'number' ? kwargs.column_index : null;
  return { success: index >= 0 && (at === null || index === at), result: {} };
};

export const TABLE_RUNNERS: Record<string, ExpectationRunner> = {
  expect_table_row_count_to_be_between: rowCount,
  expect_table_columns_to_match_set: matchSet,
  expect_table_columns_to_match_ordered_list: matchOrderedList,
  expect_column_to_exist: columnExists,
};

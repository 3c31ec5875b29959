/**
 * The frame every column map expectation shares (GX's ColumnMapExpectation._validate): nulls are
 * dropped first, each remaining value is tested, success is `_mostly_success` over the non-null
 * rows, and a column without non-null values succeeds vacuously.
 */
import type { ExpectationOutcome, ValidationContext } from '../context';
import { columnOf } from '../context';
import type { GxColumn, GxValue } from '../column-values';
import { formatMapResult, mostlySuccess, type MapOutcome, type ResultFormat } from '../result-format';

/** Builds the per-value test once per column (it may look at the whole column, as uniqueness does). */
export type UnexpectedTest = (column: GxColumn) => (value: GxValue, row: number) => boolean;

/**
 * Runs a map expectation. `everyRow` is the null expectations' own `_validate`
 * (expect_column_values_to_{not_,}be_null.py): every row is tested, success is over all rows and
 * the result has no missing fields (GX passes nonnull_count=None).
 */
export function runMap(
  kwargs: Readonly<Record<string, unknown>>,
  context: ValidationContext,
  format: ResultFormat,
  test: UnexpectedTest,
  everyRow = false,
): ExpectationOutcome {
  const column = context.column(columnOf(kwargs));
  const isUnexpected = test(column);
  const unexpectedValues: GxValue[] = [];
  const unexpectedIndices: number[] = [];
  let considered = 0;
  column.values.forEach((value, row) => {
    if (value === null && !everyRow) return;
    considered++;
    if (!isUnexpected(value, row)) return;
    unexpectedValues.push(value);
    unexpectedIndices.push(row);
  });
  const outcome: MapOutcome = { elementCount: column.values.length, nonnullCount: everyRow ? null : considered, unexpectedValues, unexpectedIndices };
  const mostly = typeof kwargs.mostly === 'number' ? kwargs.mostly : 1;
  // No rows, or no non-null rows: vacuously true.
  const success = considered === 0 || mostlySuccess(considered, unexpectedIndices.length, mostly);
  return { success, result: formatMapResult(format, outcome) };
}

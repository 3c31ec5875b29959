/**
 * Each supported expectation's kwargs, as GX Core 1.x declares them (its pydantic models forbid
 * any other field: great_expectations/expectations/core/schemas/*.json, `additionalProperties:
 * false`). Shared by the suite reader (unknown kwargs are an error) and the cell's forms.
 */

/** GX's domain kinds: a per-row check with `mostly`, one number (or set) per column, or the table. */
export type ExpectationKind = 'column_map' | 'column_aggregate' | 'table';

/**
 * What a kwarg holds, for checking and for picking a form field: `bound` is a number or null,
 * `values` a JSON array of values, `columns` an array of column names.
 */
export type KwargType = 'column' | 'number' | 'integer' | 'bound' | 'boolean' | 'mostly' | 'regex' | 'values' | 'columns' | 'partition';

export interface KwargSpec {
  name: string;
  type: KwargType;
  required: boolean;
  /** GX's default, used when the kwarg is absent (null: none). */
  default: unknown;
  description: string;
}

export interface ExpectationSpec {
  kind: ExpectationKind;
  /** One line, as GX's docstring says it. */
  description: string;
  kwargs: KwargSpec[];
}

const column: KwargSpec = { name: 'column', type: 'column', required: true, default: null, description: 'The column name.' };
const mostly: KwargSpec = {
  name: 'mostly',
  type: 'mostly',
  required: false,
  default: 1,
  description: 'Successful if at least this fraction of non-null values match.',
};

function kw(name: string, type: KwargType, description: string, required = false, defaultValue: unknown = null): KwargSpec {
  return { name, type, required, default: defaultValue, description };
}

/** min_value/max_value/strict_min/strict_max: either bound may be null (unbounded on that side). */
function bounds(of: string, type: KwargType = 'bound'): KwargSpec[] {
  return [
    kw('min_value', type, `The minimum ${of} (null: no minimum).`),
    kw('max_value', type, `The maximum ${of} (null: no maximum).`),
    kw('strict_min', 'boolean', `If true, the ${of} must be strictly larger than min_value.`, false, false),
    kw('strict_max', 'boolean', `If true, the ${of} must be strictly smaller than max_value.`, false, false),
  ];
}

const valueSet = kw('value_set', 'values', 'The set of values (exact: case-sensitive, no trimming).', true);
const regex = kw('regex', 'regex', 'A Python regular expression, searched anywhere in the value (re.search).', true);

const map = (description: string, kwargs: KwargSpec[]): ExpectationSpec => ({ kind: 'column_map', description, kwargs: [column, ...kwargs, mostly] });
const aggregate = (description: string, kwargs: KwargSpec[]): ExpectationSpec => ({ kind: 'column_aggregate', description, kwargs: [column, ...kwargs] });

export const EXPECTATION_SPECS: Readonly<Record<string, ExpectationSpec>> = {
  expect_column_values_to_not_be_null: map('Expect the column values to not be null.', []),
  expect_column_values_to_be_null: map('Expect the column values to be null.', []),
  expect_column_values_to_be_between: map('Expect the column values to be between a minimum and a maximum value.', bounds('value')),
  expect_column_values_to_be_in_set: map('Expect each column value to be in a given set.', [valueSet]),
  expect_column_values_to_not_be_in_set: map('Expect each column value to not be in a given set.', [valueSet]),
  expect_column_values_to_be_unique: map('Expect each column value to be unique (every copy of a duplicate is unexpected).', []),
  expect_column_values_to_match_regex: map('Expect the column values to match a regular expression.', [regex]),
  expect_column_values_to_not_match_regex: map('Expect the column values to not match a regular expression.', [regex]),
  expect_column_value_lengths_to_be_between: map(
    'Expect the column values to be strings with a length (in code points) between two values.',
    bounds('length', 'integer'),
  ),
  expect_column_mean_to_be_between: aggregate('Expect the column mean to be between a minimum and a maximum value.', bounds('mean')),
  expect_column_median_to_be_between: aggregate('Expect the column median to be between a minimum and a maximum value.', bounds('median')),
  expect_column_stdev_to_be_between: aggregate('Expect the column sample standard deviation (ddof 1) to be between two values.', bounds('standard deviation')),
  expect_column_min_to_be_between: aggregate('Expect the column minimum to be between a minimum and a maximum value.', bounds('minimum')),
  expect_column_max_to_be_between: aggregate('Expect the column maximum to be between a minimum and a maximum value.', bounds('maximum')),
  expect_column_proportion_of_unique_values_to_be_between: aggregate(
    'Expect the proportion of distinct values among non-null values to be between two values.',
    bounds('proportion'),
  ),
  expect_column_unique_value_count_to_be_between: aggregate(
    'Expect the number of distinct non-null values to be between two values.',
    bounds('count', 'integer'),
  ),
  expect_column_distinct_values_to_be_in_set: aggregate('Expect the set of distinct column values to be contained by a given set.', [
    kw('value_set', 'values', 'The set the distinct values must belong to (exact: case-sensitive, no trimming).', true),
  ]),
  expect_column_kl_divergence_to_be_less_than: aggregate('Expect the KL divergence of the column from a partition object to be below a threshold.', [
    kw('partition_object', 'partition', 'The expected distribution: {"bins", "weights"} (continuous) or {"values", "weights"} (categorical).', true),
    kw('threshold', 'number', 'The largest KL divergence (natural log) that passes (null: always passes, as GX).'),
    kw('internal_weight_holdout', 'number', 'Weight split uniformly among zero-weight bins.', false, 0),
    kw('tail_weight_holdout', 'number', 'Weight added to the tails beyond the partition (continuous), or to values outside it (categorical).', false, 0),
    kw('bucketize_data', 'boolean', 'Bucketize continuous data before evaluation.', false, true),
    kw('min_value', 'bound', 'Not used by Driftbook nor GX in the computation (accepted for GX compatibility).'),
    kw('max_value', 'bound', 'Not used by Driftbook nor GX in the computation (accepted for GX compatibility).'),
  ]),
  expect_table_row_count_to_be_between: {
    kind: 'table',
    description: 'Expect the number of rows to be between two values.',
    kwargs: bounds('row count', 'integer'),
  },
  expect_table_columns_to_match_set: {
    kind: 'table',
    description: 'Expect the columns to match a set (in any order).',
    kwargs: [
      kw('column_set', 'columns', 'The column names, in any order.', true),
      kw('exact_match', 'boolean', 'If true, the columns must equal the set; if false, the set must be among the columns.', false, true),
    ],
  },
  expect_table_columns_to_match_ordered_list: {
    kind: 'table',
    description: 'Expect the columns to exactly match a list, in order.',
    kwargs: [kw('column_list', 'columns', 'The column names, in order.', true)],
  },
  expect_column_to_exist: {
    kind: 'table',
    description: 'Expect the column to exist (optionally at a 0-based position).',
    kwargs: [column, kw('column_index', 'integer', 'The 0-based position the column must have (null: anywhere).')],
  },
};

/**
 * Kwargs GX 1.x accepts on every expectation. `result_format` and `catch_exceptions` are honoured
 * (exceptions are always caught so the run goes on); a `row_condition` makes that expectation fail
 * with exception_info (Driftbook does not evaluate row conditions: run the suite on a segment).
 */
export const COMMON_KWARGS: readonly string[] = ['result_format', 'catch_exceptions', 'row_condition', 'condition_parser', 'batch_id'];

/** The spec of a type, or undefined for a type Driftbook does not run. */
export function expectationSpec(type: string): ExpectationSpec | undefined {
  return Object.prototype.hasOwnProperty.call(EXPECTATION_SPECS, type) ? EXPECTATION_SPECS[type] : undefined;
}

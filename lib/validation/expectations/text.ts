/**
 * Column map expectations on a value's text: regex match / no match and value lengths.
 * GX 1.x pandas providers: column_values_match_regex.py (`column.astype(str).str.contains(regex)`,
 * i.e. re.search on str(value)), column_values_not_match_regex.py, column_values_value_length.py
 * (`column.str.len()`: Python len, code points; a non-string column has no .str accessor).
 */
import { AnalysisError } from '../../errors';
import type { ExpectationRunner } from '../context';
import { pythonStr, type GxColumn } from '../column-values';
import { compilePythonRegex, pythonSearch } from '../regex';
import { outsideBounds } from './map';
import { runMap } from './map-runner';

const searcher = (kwargs: Readonly<Record<string, unknown>>) => {
  const regex = compilePythonRegex(kwargs.regex as string);
  return (column: GxColumn) => (value: unknown) => pythonSearch(regex, pythonStr(value as never, column.integer));
};

const matchRegex: ExpectationRunner = (kwargs, context, format) => {
  const matches = searcher(kwargs);
  return runMap(kwargs, context, format, (column) => {
    const test = matches(column);
    return (value) => !test(value);
  });
};

const notMatchRegex: ExpectationRunner = (kwargs, context, format) => runMap(kwargs, context, format, searcher(kwargs));

const valueLengths: ExpectationRunner = (kwargs, context, format) => {
  const outside = outsideBounds(kwargs);
  return runMap(kwargs, context, format, (column) => {
    if (column.values.some((v) => v !== null && typeof v !== 'string')) {
      throw new AnalysisError('not-text', `Can only use .str accessor with string values! (column "${column.name}" holds numbers or booleans)`);
    }
    // Python's len() counts code points; JavaScript's .length counts UTF-16 units.
    return (value) => outside([...(value as string)].length);
  });
};

export const TEXT_RUNNERS: Record<string, ExpectationRunner> = {
  expect_column_values_to_match_regex: matchRegex,
  expect_column_values_to_not_match_regex: notMatchRegex,
  expect_column_value_lengths_to_be_between: valueLengths,
};

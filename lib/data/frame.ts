import { DataType, Precision, type Field, type Table, type Vector } from 'apache-arrow';
import { fromArrow, parse, table as arqueroTable, type ColumnTable } from 'arquero';
import { AnalysisError } from '../errors';
import { badSegment, checkSegmentSyntax } from './segment-syntax';
import { isValidAt, takeRows } from './take-rows';
import { TYPE_METADATA_KEY } from './to-arrow';
import type { Dataset } from './types';

/**
 * The one adapter between Driftbook's Arrow tables and arquero (../shared/CODE-REVIEW.md §6).
 * A segment is an arquero filter expression (`d => d.country === 'FR' && d.age >= 30`) applied to a
 * dataset before a cell computes. Values as the expression sees them: numbers are numbers (a
 * missing number is NaN, so every comparison with it is false, as in pandas), categories, text and
 * dates are strings (a missing one is null), boolean columns are true/false (missing: null).
 */

export { negateSegment } from './segment-syntax';

const REMEDY = "fix the expression, e.g. d => d.country === 'FR' && d.age >= 30";

/** True when there is something to filter by: an empty or blank segment keeps every row. */
export function hasSegment(expression: string | undefined): expression is string {
  return expression !== undefined && expression.trim() !== '';
}

/** Refuses what the allowlist or arquero's parser refuses; returns the columns read. Never compiles. */
function segmentColumns(expression: string, columns: readonly string[]): string[] {
  const used = checkSegmentSyntax(expression, columns);
  // arquero's own checks (aggregates, window functions, …) in AST mode, which builds no Function():
  // so checking is safe on the main thread under the page's CSP.
  const empty = arqueroTable(Object.fromEntries(used.map((name) => [name, []])));
  try {
    parse({ segment: expression }, { ast: true, table: empty, aggregate: false, window: false });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    throw badSegment(message, REMEDY);
  }
  return used;
}

/**
 * Throws AnalysisError 'bad-segment' (`segment: problem — what to do`) if `expression` is not a
 * filter over `columns` that Driftbook accepts. An empty or blank expression is fine (no filter).
 */
export function checkSegment(expression: string, columns: readonly string[]): void {
  if (hasSegment(expression)) segmentColumns(expression.trim(), columns);
}

function isFloat64(type: DataType): boolean {
  return DataType.isFloat(type) && type.precision === Precision.DOUBLE;
}

/** A Float64 column as one Float64Array with NaN at missing rows (zero-copy for one chunk without nulls). */
function numbers(vector: Vector): Float64Array {
  const [only] = vector.data;
  if (vector.data.length === 1 && only && only.nullCount === 0) return only.values as Float64Array;
  const values = new Float64Array(vector.length);
  let start = 0;
  for (const chunk of vector.data) {
    const source = chunk.values as Float64Array;
    for (let i = 0; i < chunk.length; i++) values[start + i] = isValidAt(chunk, i) ? source[i]! : NaN;
    start += chunk.length;
  }
  return values;
}

/** Boolean columns are stored as the categories 'false'/'true' (the string 'false' is truthy in JS). */
function booleans(vector: Vector): (boolean | null)[] {
  return Array.from({ length: vector.length }, (_, row) => {
    const value: unknown = vector.get(row);
    return value === null || value === undefined ? null : String(value) === 'true';
  });
}

/** An arquero table over the columns the expression reads: numbers as arrays, strings through fromArrow. */
function toFrame(table: Table, fields: readonly Field[]): ColumnTable {
  const columns: Record<string, unknown> = {};
  const strings = fields.filter((field) => DataType.isDictionary(field.type) && field.metadata.get(TYPE_METADATA_KEY) !== 'boolean');
  // fromArrow reads dictionary columns zero-copy (keys plus a decoded dictionary, and equality on keys).
  // arquero's ArrowInput type describes flechette's tables; apache-arrow's have the same getChild/schema shape.
  const arrow = table as unknown as Parameters<typeof fromArrow>[0];
  const fromDictionaries = strings.length > 0 ? fromArrow(arrow, { columns: strings.map((field) => field.name) }) : undefined;
  for (const field of fields) {
    const vector = table.getChild(field.name)!;
    if (isFloat64(field.type)) columns[field.name] = numbers(vector);
    else if (DataType.isDictionary(field.type) && field.metadata.get(TYPE_METADATA_KEY) === 'boolean') columns[field.name] = booleans(vector);
    else if (fromDictionaries && strings.includes(field)) columns[field.name] = fromDictionaries.column(field.name);
    else columns[field.name] = Array.from({ length: vector.length }, (_, row): unknown => vector.get(row));
  }
  // An expression that reads no column (`d => true`) still needs the row count.
  if (fields.length === 0) columns[' rows'] = new Uint8Array(table.numRows);
  return arqueroTable(columns);
}

function needsWorker(error: unknown): boolean {
  return error instanceof EvalError || (error instanceof Error && error.name === 'EvalError');
}

/**
 * The rows of `dataset` that `expression` keeps, as a dataset with the same schema and column types
 * (meta.rows updated). Compiles the expression with arquero, which uses Function(): call it in a
 * worker or in Node, never on the page (its CSP forbids eval: that throws 'segment-needs-worker').
 */
export function applySegment(dataset: Dataset, expression: string | undefined): Dataset {
  if (!hasSegment(expression)) return dataset;
  const source = expression.trim();
  const { table } = dataset;
  const fields = table.schema.fields;
  const used = new Set(
    segmentColumns(
      source,
      fields.map((field) => field.name),
    ),
  );
  const frame = toFrame(
    table,
    fields.filter((field) => used.has(field.name)),
  );
  let kept: Uint32Array;
  try {
    kept = frame.filter(source).indices();
  } catch (error) {
    if (needsWorker(error)) {
      throw new AnalysisError(
        'segment-needs-worker',
        'segment: cannot run on this page, whose security policy forbids compiling expressions — segments need Web Workers: use a browser with workers enabled, or the CLI',
      );
    }
    const message = error instanceof Error ? error.message : String(error);
    throw badSegment(
      `failed while filtering: ${message}`,
      'guard missing values (d.city != null && …) or use op functions, which accept them (op.length, op.startswith)',
    );
  }
  return takeDatasetRows(dataset, kept, source);
}

/**
 * The rows `kept` (ascending row indices) of `dataset` as a dataset with the same schema and column
 * types, meta.rows updated: the one path by which a segment, and a window over time
 * (lib/stream/windows.ts), narrow a dataset before a kind computes on it. `segment` names the rows
 * in the description (shown under a cell's title).
 */
export function takeDatasetRows(dataset: Dataset, kept: Uint32Array, segment?: string): Dataset {
  const { table } = dataset;
  const meta = segment === undefined ? dataset.meta : { ...dataset.meta, segment };
  // Every row kept: the same table.
  if (kept.length === table.numRows) return { meta, table };
  return { meta: { ...meta, rows: kept.length }, table: takeRows(table, kept) };
}

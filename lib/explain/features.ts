/**
 * The model's input columns as plain arrays (a FeatureBatch): numbers for numeric columns,
 * strings for categories and booleans, so coalitions can mix a row's values with background rows.
 */
import { readLabels, readNumbers } from '../data/columns';
import type { Dataset } from '../data/types';
import { AnalysisError } from '../errors';
import { readFeatures as readModelFeatures } from '../models/feeds';
import type { FeatureBatch, InputMapping, TensorInfo } from '../models/types';

export type FeatureColumn = FeatureBatch['columns'][string];

/** The model's inputs and how they take the columns, when a model is explained. */
export interface ModelInputs {
  mapping: InputMapping;
  inputs: readonly TensorInfo[];
}

/**
 * Reads `features` from a dataset (a missing column is an error naming it and the dataset): as the
 * model reads them when its inputs are given (lib/models: text for string inputs, numbers otherwise),
 * else by the columns' types (numeric → numbers, others → text).
 */
export function readFeatures(dataset: Dataset, features: readonly string[], model?: ModelInputs): FeatureBatch {
  for (const name of features) {
    if (!dataset.meta.schema.some((c) => c.name === name)) {
      throw new AnalysisError(
        'missing-column',
        `explain: column "${name}" is not in ${dataset.meta.name} — the model's inputs must be columns of every dataset used`,
      );
    }
  }
  if (model) {
    const read = readModelFeatures(dataset.table, model.mapping, model.inputs);
    return { rows: read.rows, columns: Object.fromEntries(features.map((f) => [f, read.columns[f]!])) };
  }
  const columns: FeatureBatch['columns'] = {};
  for (const name of features) {
    const type = dataset.meta.schema.find((c) => c.name === name)!.type;
    columns[name] = type === 'numeric' ? readNumbers(dataset.table, name) : readLabels(dataset.table, name).map((v) => (v === null ? null : String(v)));
  }
  return { rows: dataset.table.numRows, columns };
}

/** The given rows of a batch, in that order. */
export function takeRows(batch: FeatureBatch, rows: ArrayLike<number>): FeatureBatch {
  const columns: FeatureBatch['columns'] = {};
  for (const [name, column] of Object.entries(batch.columns)) {
    if (column instanceof Float64Array) columns[name] = Float64Array.from({ length: rows.length }, (_, i) => column[rows[i]!]!);
    else columns[name] = Array.from({ length: rows.length }, (_, i) => column[rows[i]!]!);
  }
  return { rows: rows.length, columns };
}

/** One row's value of a column (for the result's `values`). */
export function valueAt(column: FeatureColumn, row: number): number | string | null {
  const v = column[row]!;
  return typeof v === 'number' && Number.isNaN(v) ? null : v;
}

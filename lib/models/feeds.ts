/**
 * Feature values → onnxruntime tensors, converted to each input's element type: numbers to float32
 * (ONNX float) or float64 (double), integer codes to int64/int32, text to string (numbers as their
 * shortest round-trip text), and a column read from a dataset as numbers or text as its input needs.
 * A value an input cannot take (a missing code or label, 1.5 as an int64 code) makes its row invalid:
 * the row is fed a placeholder and its outputs are reported missing, never a guess.
 */
import type { Table } from 'apache-arrow';
import { AnalysisError } from '../errors';
import { readLabels, readNumbers } from '../data/columns';
import type { FeatureBatch, InputMapping, TensorInfo } from './types';
import type { RuntimeTensor, RuntimeTensorConstructor, RuntimeTensorData, RuntimeTensorType } from './runtime';
import { mappedColumns } from './mapping';

const NUMERIC_INPUTS = new Set(['float', 'double', 'int64', 'int32', 'bool']);

/** Why a row could not be fed, for the first such row. */
export interface InvalidRow {
  row: number;
  column: string;
  input: string;
  reason: string;
}

/** Feeds for rows [start, end) of a batch, and the rows (batch indices) that could not be fed. */
export interface Feeds {
  feeds: Record<string, RuntimeTensor>;
  invalid: Set<number>;
  firstInvalid?: InvalidRow;
}

function inputsOf(mapping: InputMapping, inputs: readonly TensorInfo[]): { input: TensorInfo; columns: string[] }[] {
  if (mapping.kind === 'matrix') return [{ input: inputs.find((i) => i.name === mapping.input)!, columns: mapping.columns }];
  return inputs.map((input) => ({ input, columns: [mapping.columns[input.name]!] }));
}

/** Reads the mapped columns of a table: as numbers for a numeric input, as text (null when missing) for a string input. */
export function readFeatures(table: Table, mapping: InputMapping, inputs: readonly TensorInfo[]): FeatureBatch {
  const text = new Set(inputsOf(mapping, inputs).flatMap(({ input, columns }) => (input.type === 'string' ? columns : [])));
  const columns: FeatureBatch['columns'] = {};
  for (const name of mappedColumns(mapping)) {
    if (text.has(name)) columns[name] = readLabels(table, name).map((label) => (label === null ? null : String(label)));
    else
      columns[name] = readNumbers(table, name, {
        onText: (value) => {
          throw new AnalysisError(
            'not-numeric',
            `column "${name}" holds "${value}", but the model input it feeds takes numbers — map a numeric column or encode it`,
          );
        },
      });
  }
  return { rows: table.numRows, columns };
}

/** A tensor's data being filled: `set` stores a value, or returns false when the input cannot take it. */
interface Filler {
  type: RuntimeTensorType;
  data: RuntimeTensorData;
  set(index: number, value: number | string | null): boolean;
}

function filler(type: string, size: number): Filler | undefined {
  const isNumber = (v: number | string | null): v is number => typeof v === 'number';
  switch (type) {
    case 'float':
    case 'double': {
      const data = type === 'float' ? new Float32Array(size) : new Float64Array(size);
      return { type: type === 'float' ? 'float32' : 'float64', data, set: (i, v) => isNumber(v) && ((data[i] = v), true) };
    }
    case 'int64': {
      const data = new BigInt64Array(size);
      return { type: 'int64', data, set: (i, v) => isNumber(v) && Number.isSafeInteger(v) && ((data[i] = BigInt(v)), true) };
    }
    case 'int32': {
      const data = new Int32Array(size);
      return { type: 'int32', data, set: (i, v) => isNumber(v) && Number.isInteger(v) && Math.abs(v) <= 2147483647 && ((data[i] = v), true) };
    }
    case 'bool': {
      const data = new Array<boolean>(size).fill(false);
      return { type: 'bool', data, set: (i, v) => (v === 0 || v === 1) && ((data[i] = v === 1), true) };
    }
    case 'string': {
      const data = new Array<string>(size).fill('');
      return { type: 'string', data, set: (i, v) => v !== null && !(isNumber(v) && Number.isNaN(v)) && ((data[i] = String(v)), true) };
    }
    default:
      return undefined;
  }
}

function reasonFor(type: string, value: number | string | null): string {
  if (value === null || (typeof value === 'number' && Number.isNaN(value))) return 'missing value';
  if (type === 'bool') return `${value} is not 0 or 1`;
  return `${value} is not an integer code`;
}

/** Tensors for rows [start, end) of `batch`, one per model input, shaped as the input declares ([n], [n,1] or [n,F]). */
export function buildFeeds(
  Tensor: RuntimeTensorConstructor,
  inputs: readonly TensorInfo[],
  mapping: InputMapping,
  batch: FeatureBatch,
  start: number,
  end: number,
): Feeds {
  const n = end - start;
  const invalid = new Set<number>();
  let firstInvalid: InvalidRow | undefined;
  const feeds: Record<string, RuntimeTensor> = {};
  for (const { input, columns } of inputsOf(mapping, inputs)) {
    const width = columns.length;
    const fill = filler(input.type, n * width);
    if (!fill)
      throw new AnalysisError(
        'onnx-input-type',
        `input "${input.name}" takes ${input.type} tensors, which Driftbook cannot feed (float, double, int64, int32, bool, string)`,
      );
    columns.forEach((column, k) => {
      const values = batch.columns[column];
      if (!values) throw new AnalysisError('unknown-column', `no such column in the batch: "${column}"`);
      if (NUMERIC_INPUTS.has(input.type) && !(values instanceof Float64Array))
        throw new AnalysisError(
          'not-numeric',
          `column "${column}" holds text, but input "${input.name}" takes ${input.type} — map a numeric column or encode it`,
        );
      for (let i = 0; i < n; i++) {
        const value = values[start + i] ?? null;
        if (fill.set(i * width + k, value)) continue;
        invalid.add(i);
        firstInvalid ??= { row: start + i, column, input: input.name, reason: reasonFor(input.type, value) };
      }
    });
    const dims = input.shape.length === 1 ? [n] : [n, width];
    feeds[input.name] = new Tensor(fill.type, fill.data, dims);
  }
  return { feeds, invalid, firstInvalid };
}

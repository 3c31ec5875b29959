/**
 * `driftbook predict --model M.onnx --data F --out scored.csv [--input-columns a,b,c] [--outputs o1,o2]`:
 * the rows of F with the model's outputs added as columns, scored with onnxruntime-node through the same
 * lib/models code the app's worker runs with onnxruntime-web (mapping, feeds, ZipMap, column names).
 * Numbers are written as their shortest round-trip decimal (full precision); missing values as empty cells.
 */
import { readFile } from 'node:fs/promises';
import type { Table } from 'apache-arrow';
import { readLabels } from '../data/columns';
import { csvCell } from '../fairness/csv-cell';
import { defaultMapping, matrixWidth } from '../models/mapping';
import { readFeatures } from '../models/feeds';
import { openModel, type OnnxRuntime } from '../models/runtime';
import { scoreBatch } from '../models/score';
import { scoredColumns, type ScoredColumn } from '../models/derived';
import { parseCommandArgs, writeOutput } from './command-io';
import { UsageError } from './drift-options';
import { load, readSettings } from './read-options';

export const PREDICT_OPTION_SPECS = {
  model: { type: 'string' },
  data: { type: 'string' },
  'input-columns': { type: 'string' },
  outputs: { type: 'string' },
} as const;

function list(text: string | undefined, flag: string): string[] | undefined {
  if (text === undefined) return undefined;
  const items = text.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) throw new UsageError(`${flag}: "${text}" has an empty name — list names separated by commas`);
  return items;
}

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))) return '';
  return csvCell(String(value));
}

/** RFC 4180 CSV (CRLF) of the table's columns followed by the scored columns. */
export function scoredCsv(table: Table, columns: readonly ScoredColumn[]): string {
  const names = table.schema.fields.map((f) => f.name);
  const source = names.map((name) => readLabels(table, name));
  const lines = [`${[...names, ...columns.map((c) => c.name)].map(csvCell).join(',')}\r\n`];
  for (let i = 0; i < table.numRows; i++) {
    const fields = source.map((values) => cell(values[i]));
    for (const column of columns) fields.push(cell(column.values[i]));
    lines.push(`${fields.join(',')}\r\n`);
  }
  return lines.join('');
}

/** The CLI's runtime: onnxruntime-node (its CPU binary ships in the package; see README "Models (ONNX)"). */
async function nodeRuntime(): Promise<OnnxRuntime> {
  return import('onnxruntime-node');
}

export async function predictCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseCommandArgs(args, PREDICT_OPTION_SPECS);
  if (!values.model || !values.data) throw new UsageError('predict needs --model M.onnx and --data FILE');
  const order = list(values['input-columns'], '--input-columns');
  const outputs = list(values.outputs, '--outputs');
  const bytes = new Uint8Array(await readFile(values.model));
  const model = await openModel(await nodeRuntime(), bytes);
  try {
    const { table } = await load(values.data, readSettings(values));
    const columns = table.schema.fields.map((f) => f.name);
    const only = model.graph.inputs.length === 1 ? model.graph.inputs[0]! : undefined;
    const width = only && matrixWidth(only);
    if (width !== undefined && !order && columns.length !== width)
      throw new UsageError(
        `input "${only!.name}" takes ${width} features and the data has ${columns.length} columns — give their order with --input-columns a,b,c (as the model was trained)`,
      );
    const mapping = defaultMapping(model.graph.inputs, columns, order);
    const result = await scoreBatch(model, mapping, readFeatures(table, mapping, model.graph.inputs), outputs);
    await writeOutput(scoredCsv(table, scoredColumns(result, columns, model.graph.zipMaps)), values.out, out);
  } finally {
    await model.session.release();
  }
}

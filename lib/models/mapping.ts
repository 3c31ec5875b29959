/**
 * Which dataset columns feed which model inputs: one `[N,1]` (or `[N]`) tensor per column, matched by
 * name by default, or skl2onnx's single `float_input [N,F]` taking F columns in an explicit order.
 */
import { AnalysisError } from '../errors';
import type { InputMapping, TensorInfo } from './types';

/** The feature count of a `[N,F]` input with F > 1 (skl2onnx's float_input), else undefined. */
export function matrixWidth(input: TensorInfo): number | undefined {
  const width = input.shape.length === 2 ? input.shape[1] : undefined;
  return typeof width === 'number' && width > 1 ? width : undefined;
}

function byName(columns: readonly string[], name: string): string | undefined {
  if (columns.includes(name)) return name;
  const lower = name.toLowerCase();
  const matches = columns.filter((c) => c.toLowerCase() === lower);
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * The mapping Driftbook proposes: a single `[N,F]` input takes `order` (explicit columns) or else the
 * first F of `columns` in their order; otherwise each input takes the column of its name (exact, else
 * the one column equal ignoring case). An input no column matches is an `unmapped-input` error.
 */
export function defaultMapping(inputs: readonly TensorInfo[], columns: readonly string[], order?: readonly string[]): InputMapping {
  const only = inputs.length === 1 ? inputs[0]! : undefined;
  const width = only && matrixWidth(only);
  if (only && width !== undefined) {
    const chosen = order ? [...order] : columns.slice(0, width);
    const mapping: InputMapping = { kind: 'matrix', input: only.name, columns: chosen };
    checkMapping(mapping, inputs, columns);
    return mapping;
  }
  if (order) {
    if (order.length !== inputs.length)
      throw new AnalysisError(
        'mapping-width',
        `input columns: ${order.length} given for ${inputs.length} model inputs (${inputs.map((i) => i.name).join(', ')}) — name one column per input, in the inputs' order`,
      );
    const mapping: InputMapping = { kind: 'per-column', columns: Object.fromEntries(inputs.map((input, i) => [input.name, order[i]!])) };
    checkMapping(mapping, inputs, columns);
    return mapping;
  }
  const mapped: Record<string, string> = {};
  const missing: string[] = [];
  for (const input of inputs) {
    const column = byName(columns, input.name);
    if (column === undefined) missing.push(input.name);
    else mapped[input.name] = column;
  }
  if (missing.length > 0)
    throw new AnalysisError(
      'unmapped-input',
      `model input${missing.length > 1 ? 's' : ''} without a column of that name: ${missing.join(', ')} — map ${missing.length > 1 ? 'them' : 'it'} to columns of the dataset`,
    );
  return { kind: 'per-column', columns: mapped };
}

/** The dataset columns a mapping reads, each once, in mapping order. */
export function mappedColumns(mapping: InputMapping): string[] {
  return [...new Set(mapping.kind === 'matrix' ? mapping.columns : Object.values(mapping.columns))];
}

/** Throws an AnalysisError naming what is wrong: an unknown input or column, an unmapped input, a wrong column count. */
export function checkMapping(mapping: InputMapping, inputs: readonly TensorInfo[], columns: readonly string[]): void {
  const unknownColumns = mappedColumns(mapping).filter((c) => !columns.includes(c));
  if (unknownColumns.length > 0)
    throw new AnalysisError('unknown-column', `no such column: ${unknownColumns.map((c) => `"${c}"`).join(', ')} — choose columns of the dataset`);
  if (mapping.kind === 'matrix') {
    const input = inputs.find((i) => i.name === mapping.input);
    if (!input || inputs.length !== 1)
      throw new AnalysisError('mapping-input', `matrix input: "${mapping.input}" is not the model's only input (${inputs.map((i) => i.name).join(', ')})`);
    const width = matrixWidth(input);
    if (width !== undefined && width !== mapping.columns.length)
      throw new AnalysisError(
        'mapping-width',
        `input "${input.name}" takes ${width} features, ${mapping.columns.length} columns given — list exactly ${width} columns in the order the model was trained on`,
      );
    return;
  }
  const names = new Set(inputs.map((i) => i.name));
  const extra = Object.keys(mapping.columns).filter((name) => !names.has(name));
  if (extra.length > 0) throw new AnalysisError('mapping-input', `the model has no input ${extra.map((n) => `"${n}"`).join(', ')}`);
  const unmapped = inputs.filter((i) => mapping.columns[i.name] === undefined).map((i) => i.name);
  if (unmapped.length > 0) throw new AnalysisError('unmapped-input', `model inputs without a column: ${unmapped.join(', ')} — map each input to a column`);
  for (const input of inputs) {
    if (matrixWidth(input) !== undefined)
      throw new AnalysisError('mapping-width', `input "${input.name}" takes ${matrixWidth(input)} features: map it to a list of columns (a matrix mapping)`);
  }
}

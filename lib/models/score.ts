/**
 * Running a model over feature rows in batches, with progress and cancel: every output as full-precision
 * numbers (or text labels), and `predictorFor`, the one-number-per-row function explanations call.
 */
import { AnalysisError } from '../errors';
import type { FeatureBatch, InputMapping, OutputChoice, Predictor } from './types';
import type { ModelSession, RuntimeTensor } from './runtime';
import { buildFeeds, type InvalidRow } from './feeds';

/** Rows per session.run: large enough to amortise the call, small enough to cancel promptly. */
export const DEFAULT_BATCH_SIZE = 4096;

export interface ScoreOptions {
  batchSize?: number;
  signal?: AbortSignal;
  /** Rows scored so far, of `total`, after each batch. */
  onProgress?: (done: number, total: number) => void;
}

/** One output over all rows, row-major (`width` values per row): numbers (NaN = missing) or labels (null = missing). */
export interface OutputValues {
  name: string;
  /** onnxruntime's element type of the tensor (float32, int64, string…). */
  type: string;
  width: number;
  values: Float64Array | (string | null)[];
}

export interface ScoreResult {
  rows: number;
  outputs: OutputValues[];
  /** Rows whose inputs the model could not take (their outputs are missing), and the first of them. */
  invalidRows: number;
  firstInvalid?: InvalidRow;
}

function cancelled(): AnalysisError {
  return new AnalysisError('aborted', 'scoring cancelled');
}

/** A tensor's values as numbers (int64 via Number: exact up to 2^53) or, for a string tensor, text. */
function tensorValues(tensor: RuntimeTensor): Float64Array | string[] {
  const data = tensor.data;
  if (Array.isArray(data)) return data.map(String);
  if (data instanceof BigInt64Array || data instanceof BigUint64Array) return Float64Array.from(data, Number);
  if (
    data instanceof Float32Array ||
    data instanceof Float64Array ||
    data instanceof Int32Array ||
    data instanceof Uint32Array ||
    data instanceof Int16Array ||
    data instanceof Uint16Array ||
    data instanceof Int8Array ||
    data instanceof Uint8Array
  )
    return Float64Array.from(data);
  throw new AnalysisError('onnx-output-type', `output of type ${tensor.type} is not a tensor Driftbook can read`);
}

function checkOutputs(model: ModelSession, names: readonly string[]): void {
  const available = model.session.outputNames;
  for (const name of names) {
    if (available.includes(name)) continue;
    const zipMap = model.graph.zipMaps.find((z) => z.output === name);
    const hint = zipMap ? `ZipMap output: score its probability tensor "${zipMap.input}" instead` : `outputs: ${available.join(', ')}`;
    throw new AnalysisError('unknown-output', `the model has no tensor output "${name}" (${hint})`);
  }
}

/** Runs `outputs` (default: every tensor output) over all rows of `batch`, `batchSize` rows per run. */
export async function scoreBatch(
  model: ModelSession,
  mapping: InputMapping,
  batch: FeatureBatch,
  outputs?: readonly string[],
  options: ScoreOptions = {},
): Promise<ScoreResult> {
  const { batchSize = DEFAULT_BATCH_SIZE, signal, onProgress } = options;
  const names = outputs ?? model.session.outputNames;
  checkOutputs(model, names);
  const collected: OutputValues[] = [];
  let invalidRows = 0;
  let firstInvalid: InvalidRow | undefined;
  for (let start = 0; start < batch.rows; start += batchSize) {
    if (signal?.aborted) throw cancelled();
    const end = Math.min(batch.rows, start + batchSize);
    const fed = buildFeeds(model.Tensor, model.graph.inputs, mapping, batch, start, end);
    invalidRows += fed.invalid.size;
    firstInvalid ??= fed.firstInvalid;
    const result = await model.session.run(fed.feeds, names);
    names.forEach((name, o) => {
      const tensor = result[name]!;
      const values = tensorValues(tensor);
      const width = tensor.dims.slice(1).reduce((product, d) => product * d, 1);
      let out = collected[o];
      if (!out) {
        out = {
          name,
          type: tensor.type,
          width,
          values: values instanceof Float64Array ? new Float64Array(batch.rows * width) : new Array<string | null>(batch.rows * width).fill(null),
        };
        collected[o] = out;
      }
      if (values.length !== (end - start) * out.width)
        throw new AnalysisError('onnx-output-shape', `output "${name}" has ${values.length} values for ${end - start} rows — expected ${out.width} per row`);
      const target = out.values;
      for (let i = 0; i < end - start; i++) {
        const bad = fed.invalid.has(i);
        for (let k = 0; k < out.width; k++) {
          const at = (start + i) * out.width + k;
          const value = values[i * out.width + k]!;
          if (target instanceof Float64Array) target[at] = bad ? NaN : Number(value);
          else target[at] = bad ? null : String(value);
        }
      }
    });
    onProgress?.(end, batch.rows);
  }
  return {
    rows: batch.rows,
    outputs: names.map((name, o) => collected[o] ?? { name, type: 'float32', width: 1, values: new Float64Array(0) }),
    invalidRows,
    firstInvalid,
  };
}

/**
 * The Predictor explanations call: one number per row, column `output.index` of the output tensor
 * (the positive class's probability of a [N,2] output; 0 for a regressor's [N] or [N,1]). Rows the
 * model cannot take score NaN.
 */
export function predictorFor(model: ModelSession, mapping: InputMapping, output: OutputChoice, options: Pick<ScoreOptions, 'batchSize'> = {}): Predictor {
  checkOutputs(model, [output.output]);
  return async (batch, signal) => {
    const scored = await scoreBatch(model, mapping, batch, [output.output], { ...options, signal });
    const { values, width } = scored.outputs[0]!;
    if (!(values instanceof Float64Array))
      throw new AnalysisError('onnx-output-type', `output "${output.output}" holds text labels, not scores — choose a numeric output`);
    if (output.index < 0 || output.index >= width)
      throw new AnalysisError('output-index', `output "${output.output}" has ${width} column${width > 1 ? 's' : ''}: index ${output.index} is out of range`);
    const out = new Float64Array(batch.rows);
    for (let i = 0; i < batch.rows; i++) out[i] = values[i * width + output.index]!;
    return out;
  };
}

/**
 * The output a Predictor scores by default: a ZipMap's probability tensor, else the first numeric
 * output with 2 columns (a binary classifier's probabilities: the positive class, index 1), else the
 * first float/double output (index 0). Undefined when the graph has no numeric output.
 */
export function defaultOutput(graph: Pick<ModelSession['graph'], 'outputs' | 'zipMaps'>): OutputChoice | undefined {
  const zipMap = graph.zipMaps[0];
  if (zipMap) return { output: zipMap.input, index: zipMap.classLabels.length === 2 ? 1 : 0 };
  const numeric = graph.outputs.filter((o) => o.type === 'float' || o.type === 'double');
  const binary = numeric.find((o) => o.shape.length === 2 && o.shape[1] === 2);
  if (binary) return { output: binary.name, index: 1 };
  return numeric[0] && { output: numeric[0].name, index: 0 };
}

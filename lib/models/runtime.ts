/**
 * The part of onnxruntime's JavaScript API that lib/models uses, as structural types: both
 * onnxruntime-web (in the worker: `import * as ort from 'onnxruntime-web/wasm'`) and onnxruntime-node
 * (in the CLI and Node tests) satisfy `OnnxRuntime` as they are, so lib/models never imports either
 * and runs with whichever the host passes in.
 */
import { AnalysisError } from '../errors';
import { describeModel, type ModelGraph } from './describe';
import { stripZipMap } from './zipmap';

/** Tensor element types Driftbook feeds or reads (onnxruntime's names: ONNX float is 'float32'). */
export type RuntimeTensorType = 'float32' | 'float64' | 'int64' | 'int32' | 'string' | 'bool';

/** Data Driftbook builds tensors from. */
export type RuntimeTensorData = Float32Array | Float64Array | BigInt64Array | Int32Array | Uint8Array | readonly string[] | readonly boolean[];

/** A tensor as onnxruntime returns it: `data` is a typed array (BigInt64Array for int64) or string[]. */
export interface RuntimeTensor {
  readonly type: string;
  readonly dims: readonly number[];
  readonly data: unknown;
}

export interface RuntimeTensorConstructor {
  new (type: RuntimeTensorType, data: RuntimeTensorData, dims: readonly number[]): RuntimeTensor;
}

/** An onnxruntime InferenceSession. */
export interface RuntimeSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, RuntimeTensor>, fetches: readonly string[]): Promise<Record<string, RuntimeTensor>>;
  release(): Promise<void>;
}

/** An onnxruntime module (`onnxruntime-web`, `onnxruntime-web/wasm` or `onnxruntime-node`). */
export interface OnnxRuntime {
  InferenceSession: { create(model: Uint8Array): Promise<RuntimeSession> };
  Tensor: RuntimeTensorConstructor;
}

/**
 * A model ready to score: its session, the runtime's Tensor constructor, and the graph as the session
 * sees it — `graph.outputs` are the tensor outputs a Predictor may return (a ZipMap's probability
 * tensor in place of the ZipMap; see zipmap.ts) — and `graph.zipMaps` the file's ZipMap nodes.
 */
export interface ModelSession {
  session: RuntimeSession;
  Tensor: RuntimeTensorConstructor;
  graph: ModelGraph;
}

/**
 * Opens an ONNX file with a runtime: ZipMap nodes (skl2onnx classifiers) are stripped first, as
 * neither runtime can return their non-tensor output. A file onnxruntime refuses is an `onnx-load`
 * error quoting the runtime's message.
 */
export async function openModel(runtime: OnnxRuntime, bytes: Uint8Array): Promise<ModelSession> {
  const zipMaps = describeModel(bytes).zipMaps;
  const prepared = zipMaps.length > 0 ? stripZipMap(bytes) : bytes;
  let session: RuntimeSession;
  try {
    session = await runtime.InferenceSession.create(prepared);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new AnalysisError('onnx-load', `onnxruntime cannot load the model: ${message} — check that it is a valid ONNX file`);
  }
  return { session, Tensor: runtime.Tensor, graph: { ...describeModel(prepared), zipMaps } };
}

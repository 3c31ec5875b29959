/**
 * A model as Driftbook keeps it: an ONNX graph's description (stored like a dataset: meta + bytes in
 * IndexedDB), how its inputs map to a dataset's columns, and the one function every explanation
 * calls — a Predictor that scores a batch of feature rows in the explained output space. The ONNX
 * runtime itself is passed in by the host (onnxruntime-web in the worker, onnxruntime-node in the
 * CLI), so lib/models runs in both.
 */

/** One input or output of the graph, as onnxruntime and the ONNX proto describe it. */
export interface TensorInfo {
  name: string;
  /** ONNX element type name: float, double, int64, int32, string, bool, … ('map'/'sequence' for ZipMap outputs). */
  type: string;
  /** Dimensions; a symbolic or unknown one is its name or null (the batch dimension, usually). */
  shape: (number | string | null)[];
}

/** A stored model's description (IndexedDB `models`; its bytes in `modelBlobs` under the same id). */
export interface ModelMeta {
  id: string;
  /** The file's name. */
  name: string;
  sha256: string;
  bytes: number;
  /** The graph's opsets by domain ('' = ai.onnx), producer name/version as the file records them. */
  opset: Record<string, number>;
  producer: { name: string; version: string };
  inputs: TensorInfo[];
  outputs: TensorInfo[];
  createdAt: string;
}

/**
 * How a model's inputs take a dataset's columns: one `[N,1]` tensor per mapped column (by input name),
 * or a single `[N,F]` tensor (skl2onnx's `float_input`) taking `columns` in that order.
 */
export type InputMapping = { kind: 'per-column'; columns: Record<string, string> } | { kind: 'matrix'; input: string; columns: string[] };

/** Which output a Predictor returns, per row. */
export interface OutputChoice {
  /** The output tensor (for skl2onnx classifiers: the probability tensor that feeds ZipMap). */
  output: string;
  /** Column of a [N,K] output (the positive class's probability); 0 for a [N] or [N,1] output. */
  index: number;
}

/** Feature values by column name, every column the same length (`rows`); numbers as Float64Array, strings as arrays. */
export interface FeatureBatch {
  rows: number;
  columns: Record<string, Float64Array | (string | null)[]>;
}

/** Scores a batch: one number per row (probability of the positive class, or the regressor's output). */
export type Predictor = (batch: FeatureBatch, signal?: AbortSignal) => Promise<Float64Array>;

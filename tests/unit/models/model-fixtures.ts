/**
 * The test models of tests/fixtures/generate_models.py (onnx.helper graphs, numpy expected outputs)
 * and their data, opened with onnxruntime-node as the CLI opens them.
 */
import * as ortNode from 'onnxruntime-node';
import type { Table } from 'apache-arrow';
import { ingestCsv } from '../../../lib/data/ingest';
import { openModel, type ModelSession, type OnnxRuntime } from '../../../lib/models/runtime';
import type { TensorInfo } from '../../../lib/models/types';
import { readFixture, readJson } from '../../support';

export interface ModelFixture {
  file: string;
  producer: { name: string; version: string };
  opset: Record<string, number>;
  inputs: TensorInfo[];
  outputs: TensorInfo[];
  /** Output name → one value per row, or one array (the classes) per row. */
  expected: Record<string, number[] | number[][]>;
}

export const MODELS = readJson<{ rows: number; models: Record<string, ModelFixture> }>('tests/fixtures/models/expected.json');

/** The feature order of the [N,3] float_input models. */
export const FEATURES = ['x1', 'x2', 'x3'];

/** onnxruntime's float32 arithmetic against numpy's float64 on the same float32 inputs and weights. */
export const FLOAT32 = { rel: 1e-6, abs: 1e-6 };

export const nodeRuntime: OnnxRuntime = ortNode;

export function modelBytes(name: string): Uint8Array {
  return readFixture(`tests/fixtures/models/${MODELS.models[name]!.file}`);
}

export function openFixture(name: string, runtime: OnnxRuntime = nodeRuntime): Promise<ModelSession> {
  return openModel(runtime, modelBytes(name));
}

export async function fixtureTable(): Promise<Table> {
  return (await ingestCsv(readFixture('tests/fixtures/models/data.csv'), 'data.csv')).table;
}

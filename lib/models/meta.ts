/** A stored model's description from its bytes: ModelMeta (IndexedDB `models`, the CLI's JSON). */
import { sha256Hex } from '../data/sha256';
import { describeModel } from './describe';
import type { ModelMeta } from './types';
import { outputsWithZipMapTensors } from './zipmap';

/**
 * The description of an ONNX file: SHA-256 of its bytes (as `sha256sum` prints it), opsets, producer,
 * inputs, and outputs — a ZipMap's listed as type 'sequence', followed by the probability tensor
 * Driftbook scores in its place.
 */
export async function modelMeta(bytes: Uint8Array, name: string, id: string, now = new Date()): Promise<ModelMeta> {
  const graph = describeModel(bytes);
  return {
    id,
    name,
    sha256: await sha256Hex(bytes),
    bytes: bytes.byteLength,
    opset: graph.opset,
    producer: graph.producer,
    inputs: graph.inputs,
    outputs: outputsWithZipMapTensors(graph),
    createdAt: now.toISOString(),
  };
}

/**
 * skl2onnx ends a classifier with a ZipMap node (ai.onnx.ml) turning the probability tensor into a
 * sequence of {class: probability} maps. Neither onnxruntime-web nor onnxruntime-node can return such a
 * non-tensor output ("Reading data from non-tensor typed value is not supported"), so before a session
 * is created the ZipMap node and its output are removed and the tensor that fed it becomes a graph
 * output of type float [N, classes]. The rest of the file is copied byte for byte.
 */
import type { TensorInfo } from './types';
import { describeModel, type ModelGraph, type ZipMapNode } from './describe';
import { concatBytes, encodeFields, protoFields, protoString } from './proto';

/** The probability tensor feeding a ZipMap, as a graph output: float [batch, classes]. */
export function zipMapTensor(zipMap: ZipMapNode, batch: number | string | null = null): TensorInfo {
  return { name: zipMap.input, type: 'float', shape: [batch, zipMap.classLabels.length] };
}

/**
 * A graph's outputs for the user: the file's outputs (a ZipMap's as type 'sequence'), each ZipMap
 * output followed by the probability tensor that Driftbook scores in its place.
 */
export function outputsWithZipMapTensors(graph: ModelGraph): TensorInfo[] {
  return graph.outputs.flatMap((output) => {
    const zipMap = graph.zipMaps.find((z) => z.output === output.name);
    return zipMap ? [output, zipMapTensor(zipMap)] : [output];
  });
}

// ValueInfoProto {name, type: TypeProto {tensor_type: {elem_type: FLOAT (1), shape: {dim: [N, classes]}}}}.
function tensorValueInfo(zipMap: ZipMapNode): Uint8Array {
  const shape = encodeFields([
    [1, encodeFields([[2, 'N']])],
    [1, encodeFields([[1, zipMap.classLabels.length]])],
  ]);
  const tensorType = encodeFields([
    [1, 1],
    [2, shape],
  ]);
  return encodeFields([
    [1, zipMap.input],
    [2, encodeFields([[1, tensorType]])],
  ]);
}

function isZipMapNode(node: Uint8Array): boolean {
  let opType = '';
  let domain = '';
  for (const field of protoFields(node)) {
    if (field.number === 4) opType = protoString(field);
    if (field.number === 7) domain = protoString(field);
  }
  return opType === 'ZipMap' && domain === 'ai.onnx.ml';
}

function outputName(valueInfo: Uint8Array): string {
  for (const field of protoFields(valueInfo)) if (field.number === 1) return protoString(field);
  return '';
}

/** The model without its ZipMap nodes (the same bytes when it has none). */
export function stripZipMap(bytes: Uint8Array): Uint8Array {
  const graph = describeModel(bytes);
  if (graph.zipMaps.length === 0) return bytes;
  const removed = new Set(graph.zipMaps.map((z) => z.output));
  const existing = new Set(graph.outputs.map((o) => o.name));
  const parts: Uint8Array[] = [];
  for (const field of protoFields(bytes)) {
    if (field.number !== 7) {
      parts.push(bytes.subarray(field.start, field.end));
      continue;
    }
    const kept: Uint8Array[] = [];
    for (const part of protoFields(field.bytes)) {
      if (part.number === 1 && isZipMapNode(part.bytes)) continue;
      if (part.number === 12 && removed.has(outputName(part.bytes))) continue;
      kept.push(field.bytes.subarray(part.start, part.end));
    }
    for (const zipMap of graph.zipMaps) if (!existing.has(zipMap.input)) kept.push(encodeFields([[12, tensorValueInfo(zipMap)]]));
    parts.push(encodeFields([[7, concatBytes(kept)]]));
  }
  return concatBytes(parts);
}

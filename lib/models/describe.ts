/**
 * An ONNX file's signature read from its protobuf (onnx/onnx.proto: ModelProto, GraphProto,
 * ValueInfoProto, TypeProto): opsets, producer, inputs and outputs with element types and shapes,
 * and the ZipMap nodes (skl2onnx classifiers) whose probability tensor Driftbook scores instead.
 */
import { DataError } from '../errors';
import type { ModelMeta, TensorInfo } from './types';
import { protoFields, protoInts, protoString, type ProtoField } from './proto';

/** A ZipMap node: the probability tensor it reads, the (non-tensor) output it writes, and its class labels. */
export interface ZipMapNode {
  input: string;
  output: string;
  classLabels: (string | number)[];
}

/** What describeModel reads: ModelMeta's graph fields plus the ZipMap nodes. */
export interface ModelGraph extends Pick<ModelMeta, 'opset' | 'producer' | 'inputs' | 'outputs'> {
  irVersion: number;
  zipMaps: ZipMapNode[];
}

// TensorProto.DataType, by number (onnx.proto), as ONNX names them.
const ELEMENT_TYPES = [
  'undefined',
  'float',
  'uint8',
  'int8',
  'uint16',
  'int16',
  'int32',
  'int64',
  'string',
  'bool',
  'float16',
  'double',
  'uint32',
  'uint64',
  'complex64',
  'complex128',
  'bfloat16',
];

function first(bytes: Uint8Array, number: number): ProtoField | undefined {
  for (const field of protoFields(bytes)) if (field.number === number) return field;
  return undefined;
}

function all(bytes: Uint8Array, number: number): ProtoField[] {
  return [...protoFields(bytes)].filter((field) => field.number === number);
}

/** TensorShapeProto.Dimension: dim_value (1), dim_param (2), or neither (unknown). */
function dimension(bytes: Uint8Array): number | string | null {
  for (const field of protoFields(bytes)) {
    if (field.number === 1) return field.value;
    if (field.number === 2) return protoString(field);
  }
  return null;
}

/** ValueInfoProto (name 1, type 2) → TensorInfo; TypeProto: tensor_type 1, sequence_type 4, map_type 5. */
function valueInfo(bytes: Uint8Array): TensorInfo {
  const nameField = first(bytes, 1);
  const name = nameField ? protoString(nameField) : '';
  const typeField = first(bytes, 2);
  const kind = typeField && [...protoFields(typeField.bytes)].find((f) => f.number === 1 || f.number === 4 || f.number === 5);
  if (!kind) return { name, type: 'unknown', shape: [] };
  if (kind.number !== 1) return { name, type: kind.number === 4 ? 'sequence' : 'map', shape: [] };
  const elem = first(kind.bytes, 1)?.value ?? 0;
  const shape = first(kind.bytes, 2);
  return {
    name,
    type: ELEMENT_TYPES[elem] ?? `type ${elem}`,
    shape: shape ? all(shape.bytes, 1).map((dim) => dimension(dim.bytes)) : [],
  };
}

/** NodeProto: input 1, output 2, op_type 4, domain 7, attribute 5 (AttributeProto: name 1, ints 8, strings 9). */
function zipMapOf(bytes: Uint8Array): ZipMapNode | undefined {
  const fields = [...protoFields(bytes)];
  const text = (number: number) => fields.filter((f) => f.number === number).map(protoString);
  if (text(4)[0] !== 'ZipMap' || text(7)[0] !== 'ai.onnx.ml') return undefined;
  const classLabels: (string | number)[] = [];
  for (const attribute of fields.filter((f) => f.number === 5)) {
    const parts = [...protoFields(attribute.bytes)];
    const name = parts.find((f) => f.number === 1);
    if (!name) continue;
    const which = protoString(name);
    if (which === 'classlabels_int64s') for (const f of parts.filter((p) => p.number === 8)) classLabels.push(...protoInts(f));
    if (which === 'classlabels_strings') for (const f of parts.filter((p) => p.number === 9)) classLabels.push(protoString(f));
  }
  return { input: text(1)[0] ?? '', output: text(2)[0] ?? '', classLabels };
}

/**
 * Describes an ONNX model from its bytes. Graph inputs that are initializers (older exporters list
 * weights as inputs) are left out: they are not fed. A file that is not a ModelProto with a graph is
 * an `onnx-malformed` error.
 */
export function describeModel(bytes: Uint8Array): ModelGraph {
  const opset: Record<string, number> = {};
  const producer = { name: '', version: '' };
  let irVersion = 0;
  let graph: Uint8Array | undefined;
  for (const field of protoFields(bytes)) {
    if (field.number === 1 && field.wire === 0) irVersion = field.value;
    else if (field.number === 2 && field.wire === 2) producer.name = protoString(field);
    else if (field.number === 3 && field.wire === 2) producer.version = protoString(field);
    else if (field.number === 7 && field.wire === 2) graph = field.bytes;
    else if (field.number === 8 && field.wire === 2) {
      // OperatorSetIdProto: domain 1, version 2.
      const domain = first(field.bytes, 1);
      opset[domain ? protoString(domain) : ''] = first(field.bytes, 2)?.value ?? 0;
    }
  }
  if (!graph || irVersion === 0) throw new DataError('onnx-malformed', 'not an ONNX model: no graph or IR version found — choose a .onnx file');
  const initializers = new Set<string>();
  const inputs: TensorInfo[] = [];
  const outputs: TensorInfo[] = [];
  const zipMaps: ZipMapNode[] = [];
  for (const field of protoFields(graph)) {
    if (field.number === 1) {
      const zipMap = zipMapOf(field.bytes);
      if (zipMap) zipMaps.push(zipMap);
    } else if (field.number === 5) {
      // TensorProto's name is field 8.
      const name = first(field.bytes, 8);
      if (name) initializers.add(protoString(name));
    } else if (field.number === 11) inputs.push(valueInfo(field.bytes));
    else if (field.number === 12) outputs.push(valueInfo(field.bytes));
  }
  return { irVersion, opset, producer, inputs: inputs.filter((input) => !initializers.has(input.name)), outputs, zipMaps };
}

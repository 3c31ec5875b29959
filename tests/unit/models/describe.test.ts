import { describe, expect, it } from 'vitest';
import { describeModel } from '../../../lib/models/describe';
import { modelMeta } from '../../../lib/models/meta';
import { stripZipMap } from '../../../lib/models/zipmap';
import { sha256Hex } from '../../../lib/data/sha256';
import { MODELS, modelBytes, nodeRuntime } from './model-fixtures';

// Expected signatures: what Python's onnx reads from the same files (generate_models.py describe_value).
describe('describeModel reads the ONNX protobuf as onnx (Python) does', () => {
  for (const [name, fixture] of Object.entries(MODELS.models)) {
    it(name, () => {
      const graph = describeModel(modelBytes(name));
      expect(graph.irVersion).toBe(8);
      expect(graph.opset).toEqual(fixture.opset);
      expect(graph.producer).toEqual(fixture.producer);
      expect(graph.inputs).toEqual(fixture.inputs);
      expect(graph.outputs).toEqual(fixture.outputs);
    });
  }

  it('finds the ZipMap node, its probability tensor and class labels', () => {
    expect(describeModel(modelBytes('zipmap')).zipMaps).toEqual([{ input: 'probabilities', output: 'output_probability', classLabels: [0, 1] }]);
    expect(describeModel(modelBytes('tree_classifier')).zipMaps).toEqual([]);
  });

  it('refuses bytes that are not a model, naming the problem', () => {
    expect(() => describeModel(new TextEncoder().encode('x1,x2\n1,2\n'))).toThrow(/not an ONNX model/);
    expect(() => describeModel(modelBytes('linear').subarray(0, 100))).toThrow(/not an ONNX model: the protobuf is malformed/);
  });
});

describe('stripZipMap', () => {
  it('leaves a model without ZipMap byte for byte', () => {
    const bytes = modelBytes('tree_classifier');
    expect(stripZipMap(bytes)).toBe(bytes);
  });

  it('replaces the ZipMap output by the float [N,2] tensor feeding it, and onnxruntime runs the result', async () => {
    const stripped = stripZipMap(modelBytes('zipmap'));
    const graph = describeModel(stripped);
    expect(graph.outputs).toEqual([
      { name: 'output_label', type: 'int64', shape: [null] },
      { name: 'probabilities', type: 'float', shape: ['N', 2] },
    ]);
    expect(graph.zipMaps).toEqual([]);
    const session = await nodeRuntime.InferenceSession.create(stripped);
    expect(session.outputNames).toEqual(['output_label', 'probabilities']);
    await session.release();
  });
});

describe('modelMeta', () => {
  it("lists the file's outputs, the ZipMap's as a sequence followed by the tensor scored in its place", async () => {
    const bytes = modelBytes('zipmap');
    const meta = await modelMeta(bytes, 'zipmap.onnx', 'id-1', new Date('2026-12-06T00:00:00Z'));
    expect(meta).toEqual({
      id: 'id-1',
      name: 'zipmap.onnx',
      sha256: await sha256Hex(bytes),
      bytes: bytes.byteLength,
      opset: { '': 15, 'ai.onnx.ml': 3 },
      producer: { name: 'driftbook generate_models.py', version: '1' },
      inputs: [{ name: 'float_input', type: 'float', shape: [null, 3] }],
      outputs: [
        { name: 'output_label', type: 'int64', shape: [null] },
        { name: 'output_probability', type: 'sequence', shape: [] },
        { name: 'probabilities', type: 'float', shape: [null, 2] },
      ],
      createdAt: '2026-12-06T00:00:00.000Z',
    });
  });
});

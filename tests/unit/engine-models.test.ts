import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { engine } from '../../lib/engine';
import { readNumbers, readLabels } from '../../lib/data/columns';
import { unpackMeta } from '../../lib/data/packed-meta';
import { getDb } from '../../lib/store/db';
import { loadDataset } from '../../lib/store/load-dataset';
import { sha256Hex } from '../../lib/data/sha256';
import { expectClose, readFixture } from '../support';
import { FLOAT32, MODELS, modelBytes } from './models/model-fixtures';

async function storeData() {
  const out = await engine.store(new Blob([new Uint8Array(readFixture('tests/fixtures/models/data.csv'))]), 'data.csv');
  if (!out.ok) throw new Error(out.error.message);
  return unpackMeta(out.value);
}

async function addModel(name: string) {
  const out = await engine.addModel(new Blob([new Uint8Array(modelBytes(name))]), `${name}.onnx`);
  if (!out.ok) throw new Error(out.error.message);
  return out.value;
}

// The engine as the worker runs it, with onnxruntime-web (its wasm read from node_modules in Node).
describe('engine: models (onnxruntime-web) and scored datasets', () => {
  it('stores a model with its SHA-256, lists it, and refuses a file that is not ONNX', async () => {
    const meta = await addModel('zipmap');
    expect(meta.sha256).toBe(await sha256Hex(modelBytes('zipmap')));
    expect(meta.outputs.map((o) => `${o.name}:${o.type}`)).toEqual(['output_label:int64', 'output_probability:sequence', 'probabilities:float']);
    const listed = await engine.listModels();
    expect(listed.ok && listed.value.map((m) => m.id)).toContain(meta.id);
    const bad = await engine.addModel(new Blob([new TextEncoder().encode('x1,x2\n1,2\n')]), 'data.onnx');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.code).toMatch(/^onnx-/);
  });

  it('scores a dataset into a new stored dataset: ZipMap probabilities per class, label, full precision, provenance', async () => {
    const data = await storeData();
    const model = await addModel('zipmap');
    const progress: number[] = [];
    const out = await engine.scoreDataset(model.id, data.id, { mapping: { kind: 'matrix', input: 'float_input', columns: ['x1', 'x2', 'x3'] } }, (done) =>
      progress.push(done),
    );
    if (!out.ok) throw new Error(out.error.message);
    const scored = unpackMeta(out.value);
    expect(scored.rows).toBe(MODELS.rows);
    expect(scored.schema.map((c) => c.name)).toEqual(['x1', 'x2', 'x3', 'color', 'region', 'output_label', 'probabilities_0', 'probabilities_1']);
    expect(scored.roles).toMatchObject({ output_label: 'prediction', probabilities_1: 'score' });
    expect(scored.derivedFrom).toMatchObject({
      dataset: { id: data.id, sha256: data.sha256 },
      model: { id: model.id, sha256: model.sha256, opset: { '': 15, 'ai.onnx.ml': 3 }, producer: { name: 'driftbook generate_models.py', version: '1' } },
      inputs: 'float_input ← x1, x2, x3',
      columns: { output_label: 'output_label', probabilities_0: 'probabilities[0]', probabilities_1: 'probabilities[1]' },
      invalidRows: 0,
    });
    const { table } = await loadDataset(getDb(), scored.id);
    const stored = await getDb().datasetBlobs.get(scored.id);
    expect(scored.sha256).toBe(await sha256Hex(stored!.ipc));
    const p1 = readNumbers(table, 'probabilities_1');
    const expected = MODELS.models.zipmap!.expected.probabilities as number[][];
    expected.forEach((row, i) => expectClose(p1[i], row[1]!, FLOAT32, `row ${i}`));
    // Full precision: the float32 output widened to a double exactly, not rounded for display.
    expect(Math.fround(p1[0]!)).toBe(p1[0]);
    expect(readLabels(table, 'output_label').slice(0, 2)).toEqual(MODELS.models.zipmap!.expected.output_label!.slice(0, 2));
    expect(progress.length).toBeGreaterThanOrEqual(1);
  });

  it('scores per-column inputs by name, with string categories and int64 codes', async () => {
    const data = await storeData();
    for (const [name, column] of [
      ['logistic', 'probability'],
      ['linear', 'variable'],
    ] as const) {
      const model = await addModel(name);
      const out = await engine.scoreDataset(model.id, data.id);
      if (!out.ok) throw new Error(out.error.message);
      const { table } = await loadDataset(getDb(), unpackMeta(out.value).id);
      const values = readNumbers(table, column);
      (MODELS.models[name]!.expected[column] as number[]).forEach((v, i) => expectClose(values[i], v, FLOAT32, `${name} row ${i}`));
    }
  });
});

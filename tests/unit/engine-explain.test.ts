import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { engine } from '../../lib/engine';
import { unpackMeta } from '../../lib/data/packed-meta';
import { readFixture, readJson } from '../support';

/**
 * The engine runs the Explain cell as the worker does: the config names a stored model by id, the
 * engine opens it with onnxruntime-web (lib/notebook/model-opener.ts) and explains the stored datasets.
 * Reference values: tests/fixtures/explain-app/expected.json (generate_explain_app.py, brute-force
 * interventional SHAP over the whole reference; 1e-6 as in tests/unit/notebook/kinds/explain.test.ts).
 */

const DIR = 'tests/fixtures/explain-app';

async function store(file: string) {
  const out = await engine.store(new Blob([new Uint8Array(readFixture(`${DIR}/${file}`))]), file);
  if (!out.ok) throw new Error(out.error.message);
  return unpackMeta(out.value);
}

interface Expected {
  rows: { current: { index: number; probability: { shap: Record<string, number>; prediction: number } }[] };
}

describe('engine: the Explain cell over a stored model (onnxruntime-web)', () => {
  it('opens the model the config names and explains current rows against the reference; a deleted model is a clear error', async () => {
    const [reference, current] = [await store('reference.csv'), await store('current.csv')];
    const added = await engine.addModel(new Blob([new Uint8Array(readFixture(`${DIR}/churn.onnx`))]), 'churn.onnx');
    if (!added.ok) throw new Error(added.error.message);
    const want = readJson<Expected>(`${DIR}/expected.json`).rows.current[1]!;
    const inputs = { reference: { id: reference.id }, current: { id: current.id } };
    const progress: number[] = [];
    const out = await engine.runCell('explain', { model: added.value.id, rows: [want.index], backgroundSize: 1000, referenceRows: 0 }, inputs, (done) =>
      progress.push(done),
    );
    if (!out.ok) throw new Error(out.error.message);
    const row = out.value.explanation.rows[0]!;
    for (const [feature, value] of Object.entries(want.probability.shap)) expect(Math.abs(row.shap[feature]! - value), feature).toBeLessThan(1e-6);
    expect(Math.abs(row.prediction! - want.probability.prediction)).toBeLessThan(1e-6);
    expect(out.value.model).toMatchObject({ id: added.value.id, name: 'churn.onnx', sha256: added.value.sha256 });
    expect(progress.length).toBeGreaterThan(0);

    const removed = await engine.deleteModel(added.value.id);
    expect(removed.ok).toBe(true);
    const gone = await engine.runCell('explain', { model: added.value.id }, inputs);
    expect(gone.ok).toBe(false);
    expect(!gone.ok && gone.error).toMatchObject({ code: 'model-missing', message: expect.stringContaining('add the .onnx file again') });
  });
});

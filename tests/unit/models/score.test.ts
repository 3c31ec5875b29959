import { describe, expect, it } from 'vitest';
import * as ortWeb from 'onnxruntime-web/wasm';
import { defaultMapping } from '../../../lib/models/mapping';
import { readFeatures } from '../../../lib/models/feeds';
import { defaultOutput, predictorFor, scoreBatch } from '../../../lib/models/score';
import type { OnnxRuntime } from '../../../lib/models/runtime';
import { expectClose } from '../../support';
import { FEATURES, FLOAT32, MODELS, fixtureTable, openFixture } from './model-fixtures';

const webRuntime: OnnxRuntime = ortWeb;
ortWeb.env.wasm.numThreads = 1;

const MATRIX = new Set(['float_input', 'zipmap', 'tree_classifier']);

async function scoreFixture(name: string, runtime?: OnnxRuntime, batchSize?: number) {
  const table = await fixtureTable();
  const model = await openFixture(name, runtime);
  const columns = table.schema.fields.map((f) => f.name);
  const mapping = defaultMapping(model.graph.inputs, columns, MATRIX.has(name) ? FEATURES : undefined);
  const batch = readFeatures(table, mapping, model.graph.inputs);
  const outputs = Object.keys(MODELS.models[name]!.expected);
  return { model, mapping, batch, scored: await scoreBatch(model, mapping, batch, outputs, { batchSize }) };
}

function checkExpected(name: string, scored: Awaited<ReturnType<typeof scoreFixture>>['scored']) {
  const expected = MODELS.models[name]!.expected;
  let checked = 0;
  for (const output of scored.outputs) {
    const rows = expected[output.name]!;
    expect(rows).toHaveLength(MODELS.rows);
    rows.forEach((row, i) => {
      const values = Array.isArray(row) ? row : [row];
      expect(output.width).toBe(values.length);
      values.forEach((value, k) => {
        expectClose(output.values[i * output.width + k] as number, value, FLOAT32, `${name} ${output.name} row ${i} [${k}]`);
        checked++;
      });
    });
  }
  return checked;
}

describe('scoreBatch with onnxruntime-node equals numpy (tests/fixtures/generate_models.py) within float32 rounding', () => {
  for (const name of Object.keys(MODELS.models)) {
    it(name, async () => {
      const { scored } = await scoreFixture(name);
      expect(scored.rows).toBe(MODELS.rows);
      expect(scored.invalidRows).toBe(0);
      expect(checkExpected(name, scored)).toBeGreaterThanOrEqual(MODELS.rows);
    });
  }
});

describe('the same mapping and scoring code with onnxruntime-web (wasm, in Node)', () => {
  for (const name of ['logistic', 'zipmap', 'tree_classifier', 'linear']) {
    it(name, async () => {
      const { scored } = await scoreFixture(name, webRuntime);
      expect(checkExpected(name, scored)).toBeGreaterThanOrEqual(MODELS.rows);
    });
  }
});

describe('batches, progress and cancel', () => {
  it('gives the same values in batches of 7 rows, reporting progress after each', async () => {
    const whole = (await scoreFixture('tree_regressor')).scored.outputs[0]!.values;
    const { model, mapping, batch } = await scoreFixture('tree_regressor');
    const progress: number[] = [];
    const scored = await scoreBatch(model, mapping, batch, ['variable'], { batchSize: 7, onProgress: (done, total) => progress.push(done / total) });
    expect(Array.from(scored.outputs[0]!.values as Float64Array)).toEqual(Array.from(whole as Float64Array));
    expect(progress).toHaveLength(Math.ceil(MODELS.rows / 7));
    expect(progress.at(-1)).toBe(1);
  });

  it('stops with an "aborted" error when cancelled between batches', async () => {
    const { model, mapping, batch } = await scoreFixture('logistic');
    const controller = new AbortController();
    const run = scoreBatch(model, mapping, batch, undefined, {
      batchSize: 10,
      signal: controller.signal,
      onProgress: (done) => done >= 30 && controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ code: 'aborted' });
  });
});

describe('predictorFor', () => {
  it('scores the probability tensor feeding ZipMap, positive class by default, on any rows it is given', async () => {
    const { model, mapping, batch } = await scoreFixture('zipmap');
    const choice = defaultOutput(model.graph)!;
    expect(choice).toEqual({ output: 'probabilities', index: 1 });
    const predict = predictorFor(model, mapping, choice, { batchSize: 16 });
    const rows = [3, 0, 199];
    const sub = {
      rows: rows.length,
      columns: Object.fromEntries(FEATURES.map((f) => [f, Float64Array.from(rows, (r) => (batch.columns[f] as Float64Array)[r]!)])),
    };
    const scores = await predict(sub);
    const expected = MODELS.models.zipmap!.expected.probabilities as number[][];
    rows.forEach((r, i) => expectClose(scores[i], expected[r]![1]!, FLOAT32, `row ${r}`));
  });

  it('names the probability tensor when asked for the ZipMap output itself', async () => {
    const { model, mapping } = await scoreFixture('zipmap');
    expect(() => predictorFor(model, mapping, { output: 'output_probability', index: 1 })).toThrow(
      /ZipMap output: score its probability tensor "probabilities"/,
    );
  });

  it('refuses a class index the output does not have', async () => {
    const { model, mapping, batch } = await scoreFixture('logistic');
    await expect(predictorFor(model, mapping, { output: 'probability', index: 1 })(batch)).rejects.toMatchObject({ code: 'output-index' });
  });
});

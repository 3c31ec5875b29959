import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { explain } from '../../../lib/explain/explain';
import type { OutputSpace } from '../../../lib/explain/types';
import { defaultMapping, mappedColumns } from '../../../lib/models/mapping';
import { openModel } from '../../../lib/models/runtime';
import { defaultOutput, predictorFor } from '../../../lib/models/score';

// Reference: tests/fixtures/generate_explain_app.py — the interventional SHAP definition summed over every
// subset with the whole reference (300 rows) as background, the logistic graph evaluated in float32 as
// onnxruntime does. Tolerance 1e-5 abs: measured ≤ 1.1e-7 in probability and ≤ 1.2e-6 in log-odds (the logit of a
// float32 probability near 0 amplifies its rounding).
const DIR = join(__dirname, '../../fixtures/explain-app');
type Side = { shap: Record<string, number>; baseValue: number; prediction: number };
const want = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as {
  features: string[];
  rows: { current: ({ index: number } & Record<OutputSpace, Side>)[] };
};
const load = (name: string) => ingestCsv(new Uint8Array(readFileSync(join(DIR, name))), name);

describe('explain() through onnxruntime-node (lib/models predictorFor)', () => {
  for (const space of ['probability', 'log-odds'] as OutputSpace[]) {
    it(`churn.onnx (per-column [N,1] inputs), ${space}: equals the brute-force definition (abs 1e-5)`, async () => {
      const [reference, current] = [await load('reference.csv'), await load('current.csv')];
      const model = await openModel(ort, new Uint8Array(readFileSync(join(DIR, 'churn.onnx'))));
      const mapping = defaultMapping(
        model.graph.inputs,
        current.meta.schema.map((c) => c.name),
      );
      const output = defaultOutput(model.graph)!;
      const features = mappedColumns(mapping);
      expect(features).toEqual(want.features);
      const result = await explain(
        { current, reference },
        predictorFor(model, mapping, output),
        { features, rows: want.rows.current.map((r) => r.index), backgroundSize: 300, referenceRows: 0, outputSpace: space },
        { mapping, model: { sha256: 'churn', inputs: model.graph.inputs, outputs: model.graph.outputs } },
      );
      expect(result.background!.sampled).toBeUndefined();
      want.rows.current.forEach((row, i) => {
        const got = result.rows[i]!;
        expect(got.index).toBe(row.index);
        for (const f of features) expect(Math.abs(got.shap[f]! - row[space].shap[f]!)).toBeLessThanOrEqual(1e-5);
        expect(Math.abs(got.prediction! - row[space].prediction)).toBeLessThanOrEqual(1e-5);
      });
      expect(Math.abs(result.baseValue! - want.rows.current[0]![space].baseValue)).toBeLessThanOrEqual(1e-5);
      await model.session.release();
    });
  }
});

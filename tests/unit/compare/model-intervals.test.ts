import { describe, expect, it } from 'vitest';
import { compareModels } from '../../../lib/compare/compare-models';
import { ingestCsv } from '../../../lib/data/ingest';
import { bootstrapClassification, bootstrapRegression } from '../../../lib/metrics/bootstrap';

/**
 * Each model's interval in a comparison is the model-quality bootstrap of its own rows
 * (lib/metrics/bootstrap.ts, itself checked against numpy's RandomState in tests/unit/metrics):
 * the same seed and resamples give the same bounds, whether they come from the pairs' shared run
 * (shadow) or a run over the model's own group (canary).
 */
const rows = Array.from({ length: 240 }, (_, i) => {
  const y = (i * 7) % 3 === 0 ? 1 : 0;
  const a = (i * 5) % 11 < 8 ? y : 1 - y;
  const b = (i * 3) % 13 < 10 ? y : 1 - y;
  return { y, a, b, s: ((i * 37) % 100) / 100, group: i % 4 === 0 ? 'b' : 'a', t: (i % 17) * 1.5, pa: (i % 17) * 1.5 + ((i * 13) % 7) - 3, pb: (i % 17) * 1.4 };
});
const csv = (cols: string[]) => [cols.join(','), ...rows.map((r) => cols.map((c) => r[c as keyof typeof r]).join(','))].join('\n');
const bounds = (ci: { lower: number; upper: number } | null) => (ci ? [ci.lower, ci.upper] : [null, null]);

describe("a comparison's per-model intervals", () => {
  it('shadow classification: equal to each model’s own bootstrap at the same seed', async () => {
    const data = await ingestCsv(new TextEncoder().encode(csv(['y', 'a', 'b'])), 'shadow.csv');
    const result = await compareModels(data, { target: 'y', models: ['a', 'b'], posLabel: '1', bootstrap: 300, seed: 7 });
    for (const [i, column] of ['a', 'b'].entries()) {
      const own = bootstrapClassification(
        { target: rows.map((r) => r.y), prediction: rows.map((r) => r[column as 'a' | 'b']) },
        { task: 'binary', labels: [0, 1], posLabel: 1, resamples: 300, seed: 7 },
      );
      for (const m of ['accuracy', 'precision', 'recall', 'f1'] as const) expect(result.models[i]!.ci![m]).toEqual(bounds(own[m]));
    }
  });

  it('shadow regression: equal to each model’s own bootstrap at the same seed', async () => {
    const data = await ingestCsv(new TextEncoder().encode(csv(['t', 'pa', 'pb'])), 'regression.csv');
    const result = await compareModels(data, { target: 't', models: ['pa', 'pb'], task: 'regression', bootstrap: 200, seed: 3 });
    for (const [i, column] of ['pa', 'pb'].entries()) {
      const own = bootstrapRegression({ target: rows.map((r) => r.t), prediction: rows.map((r) => r[column as 'pa' | 'pb']) }, { resamples: 200, seed: 3 });
      for (const m of ['mae', 'rmse', 'r2'] as const) expect(result.models[i]!.ci![m]).toEqual(bounds(own[m]));
    }
  });

  it('canary: each serving model’s interval is its own group’s bootstrap', async () => {
    const data = await ingestCsv(new TextEncoder().encode(csv(['y', 'a', 'group'])), 'canary.csv');
    const result = await compareModels(data, { target: 'y', canary: { prediction: 'a', modelColumn: 'group' }, posLabel: '1', bootstrap: 250, seed: 11 });
    for (const [i, group] of ['a', 'b'].entries()) {
      const served = rows.filter((r) => r.group === group);
      const own = bootstrapClassification(
        { target: served.map((r) => r.y), prediction: served.map((r) => r.a) },
        { task: 'binary', labels: [0, 1], posLabel: 1, resamples: 250, seed: 11 },
      );
      expect(result.models[i]!.name).toBe(group);
      for (const m of ['accuracy', 'precision', 'recall', 'f1'] as const) expect(result.models[i]!.ci![m]).toEqual(bounds(own[m]));
    }
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { explainShapColumns } from '../../../lib/explain/shap-columns';

// Reference: tests/fixtures/generate_explain_app.py — numpy mean |SHAP|, scipy.stats.kendalltau of the
// importances and scipy.stats.ks_2samp of each feature's attributions (reference vs current shap_ columns).
const DIR = join(__dirname, '../../fixtures/explain-app');
const want = JSON.parse(readFileSync(join(DIR, 'shap-columns.json'), 'utf8')) as {
  features: string[];
  reference: Record<string, number>;
  current: Record<string, number>;
  kendallTau: number;
  ks: Record<string, { statistic: number; pValue: number }>;
};
const load = (name: string) => ingestCsv(new Uint8Array(readFileSync(join(DIR, name))), name);

describe('explanations from shap_ columns (no model)', () => {
  it('global mean |SHAP|, Kendall τ and KS on the attributions equal numpy/scipy (rel 1e-12)', async () => {
    const [reference, current] = [await load('reference_shap.csv'), await load('current_shap.csv')];
    const result = explainShapColumns(current, reference, { rows: [0, 5] });
    expect(result.method).toBe('shap-columns');
    expect(result.model).toBeNull();
    expect(result.features).toEqual(want.features);
    for (const f of want.features) {
      expect(result.global[f]).toBeCloseTo(want.current[f]!, 12);
      expect(result.reference!.global[f]).toBeCloseTo(want.reference[f]!, 12);
      const drift = result.attributionDrift!.features.find((d) => d.feature === f)!;
      expect(drift.method).toBe('ks');
      expect(Math.abs(drift.score! - want.ks[f]!.pValue)).toBeLessThanOrEqual(1e-12 * want.ks[f]!.pValue + 1e-300);
    }
    expect(result.attributionDrift!.kendallTau).toBeCloseTo(want.kendallTau, 14);
    expect(result.attributionDrift!.ranking.current[0]).toBe('spend');
    expect(result.rows.map((r) => r.index)).toEqual([0, 5]);
    expect(result.rows[0]!.values.tenure).toBe(55);
  });

  it('says what to do when the data carry no shap_ columns', async () => {
    const reference = await load('reference.csv');
    expect(() => explainShapColumns(reference, undefined)).toThrow(/no shap_<feature> columns — choose a model/);
  });
});

import { describe, expect, it } from 'vitest';
import { compareModels, type CompareConfig } from '../../../lib/compare/compare-models';
import { ingestCsv } from '../../../lib/data/ingest';
import { expectCloseOrNull, readFixture, readJson } from '../../support';

type Maybe = number | null;
interface Pair {
  a: string;
  b: string;
  deltas: Record<string, { value: Maybe; ci: [Maybe, Maybe] }>;
  agreement?: number;
  cohenKappa?: Maybe;
  mcnemar?: { statistic: number; pValue: number; exact: boolean; table: number[][] };
  disagreement?: number[][];
  delong?: { aucA: number; aucB: number; z: Maybe; pValue: Maybe } | null;
  wilcoxon?: { statistic: number; pValue: number } | null;
  pairedT?: { statistic: number; pValue: number } | null;
  accuracyZTest?: { statistic: Maybe; pValue: Maybe };
}
interface Case {
  name: string;
  mode: 'shadow' | 'canary';
  task: 'classification' | 'regression';
  models: string[];
  scores: string[] | null;
  posLabel: number | null;
  resamples: number;
  seed: number;
  rows?: number;
  sizes?: Record<string, number>;
  metrics: Record<string, Record<string, Maybe>>;
  pairs: Pair[];
  friedman?: { chunks: number | null; column: string | null; statistic: Maybe; pValue: Maybe; meanRanks: Record<string, number>; blockMetrics: number[][] };
}
// sklearn / statsmodels / scipy and numpy's RandomState bootstrap (tests/fixtures/generate_compare.py).
const cases = readJson<Case[]>('tests/fixtures/compare/cases.json');
const STAT = 1e-9;
const P = 1e-6;

function configOf(c: Case): CompareConfig {
  const base = { target: 'y', task: c.task, bootstrap: c.resamples, seed: c.seed, ...(c.posLabel === null ? {} : { posLabel: c.posLabel }) };
  const blocks = c.friedman ? { blocks: c.friedman.chunks !== null ? { chunks: c.friedman.chunks } : { column: c.friedman.column! } } : {};
  if (c.mode === 'canary') return { ...base, canary: { prediction: 'pred', modelColumn: 'model' } };
  return { ...base, ...blocks, models: c.models, ...(c.scores ? { scores: c.scores } : {}) };
}

describe('compareModels against the Python reference', () => {
  it.each(cases)('$name ($mode, $task)', async (c) => {
    const dataset = await ingestCsv(readFixture(`tests/fixtures/compare/${c.name}.csv`), `${c.name}.csv`);
    const result = await compareModels(dataset, configOf(c));
    expect(result.mode).toBe(c.mode);
    expect(result.task).toBe(c.task);
    expect(result.models.map((m) => m.name)).toEqual(c.models);
    if (c.rows !== undefined) expect(result.rows).toBe(c.rows);
    if (c.sizes) expect(Object.fromEntries(result.models.map((m) => [m.name, m.n]))).toEqual(c.sizes);
    for (const m of result.models) {
      for (const [metric, value] of Object.entries(c.metrics[m.name]!)) expectCloseOrNull(m.metrics[metric], value, STAT, `${m.name} ${metric}`);
    }
    expect(result.pairs.map((p) => [p.a, p.b])).toEqual(c.pairs.map((p) => [p.a, p.b]));
    result.pairs.forEach((got, k) => {
      const want = c.pairs[k]!;
      const at = `${want.a} vs ${want.b}`;
      expect(Object.keys(got.deltas)).toEqual(Object.keys(want.deltas));
      for (const [metric, d] of Object.entries(want.deltas)) {
        expectCloseOrNull(got.deltas[metric]!.value, d.value, STAT, `${at} Δ ${metric}`);
        expectCloseOrNull(got.deltas[metric]!.ci[0], d.ci[0], STAT, `${at} Δ ${metric} lower`);
        expectCloseOrNull(got.deltas[metric]!.ci[1], d.ci[1], STAT, `${at} Δ ${metric} upper`);
      }
      if (want.agreement !== undefined) expectCloseOrNull(got.agreement, want.agreement, STAT, `${at} agreement`);
      if (want.cohenKappa !== undefined) expectCloseOrNull(got.cohenKappa, want.cohenKappa, STAT, `${at} kappa`);
      if (want.mcnemar) {
        expect(got.mcnemar?.table).toEqual(want.mcnemar.table);
        expect(got.mcnemar?.exact).toBe(want.mcnemar.exact);
        expectCloseOrNull(got.mcnemar!.statistic, want.mcnemar.statistic, STAT, `${at} McNemar statistic`);
        expectCloseOrNull(got.mcnemar!.pValue, want.mcnemar.pValue, P, `${at} McNemar p`);
      }
      if (want.disagreement) expect(got.disagreement?.counts).toEqual(want.disagreement);
      if (want.delong === null) expect(got.delong).toBeNull();
      else if (want.delong) {
        expectCloseOrNull(got.delong?.aucA ?? null, want.delong.aucA, STAT, `${at} DeLong aucA`);
        expectCloseOrNull(got.delong?.aucB ?? null, want.delong.aucB, STAT, `${at} DeLong aucB`);
        expectCloseOrNull(got.delong!.z, want.delong.z, STAT, `${at} DeLong z`);
        expectCloseOrNull(got.delong!.pValue, want.delong.pValue, P, `${at} DeLong p`);
      }
      if (want.wilcoxon !== undefined) {
        expectCloseOrNull(got.wilcoxon!.statistic, want.wilcoxon?.statistic ?? null, STAT, `${at} Wilcoxon`);
        expectCloseOrNull(got.wilcoxon!.pValue, want.wilcoxon?.pValue ?? null, P, `${at} Wilcoxon p`);
      }
      if (want.pairedT !== undefined) {
        expectCloseOrNull(got.pairedT!.statistic, want.pairedT?.statistic ?? null, STAT, `${at} paired t`);
        expectCloseOrNull(got.pairedT!.pValue, want.pairedT?.pValue ?? null, P, `${at} paired t p`);
      }
      if (want.accuracyZTest) {
        expectCloseOrNull(got.accuracyZTest!.statistic, want.accuracyZTest.statistic, STAT, `${at} z`);
        expectCloseOrNull(got.accuracyZTest!.pValue, want.accuracyZTest.pValue, P, `${at} z p`);
      }
    });
    if (c.friedman) {
      const f = result.friedman!;
      expectCloseOrNull(f.statistic, c.friedman.statistic, STAT, 'Friedman statistic');
      expectCloseOrNull(f.pValue, c.friedman.pValue, P, 'Friedman p');
      for (const [m, r] of Object.entries(c.friedman.meanRanks)) expectCloseOrNull(f.meanRanks[m]!, r, STAT, `mean rank ${m}`);
      c.friedman.blockMetrics.forEach((row, j) =>
        row.forEach((v, k) => expectCloseOrNull(f.blocks[j]!.metrics[c.models[k]!]!, v, STAT, `block ${j} ${c.models[k]}`)),
      );
    }
    expect(result.verdict).toMatch(/rule: /);
  });
});

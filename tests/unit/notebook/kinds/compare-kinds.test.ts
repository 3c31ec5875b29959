import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../../lib/data/ingest';
import { abtestKind, parsePlannedSplit, plannedSplitText, withLook, type AbTestCellResult } from '../../../../lib/notebook/kinds/abtest';
import { comparisonKind, type ComparisonCellResult } from '../../../../lib/notebook/kinds/comparison';
import { expectClose, readFixture, readJson } from '../../../support';

/**
 * The Model comparison and A/B test cells on tests/fixtures/compare-cells (generate_compare_cells.py:
 * sklearn 1.2, statsmodels 0.13.5, scipy 1.10): statistics at 1e-9 relative, p-values at 1e-6.
 */

const STAT = 1e-9;
const P = 1e-6;
const load = (name: string) => ingestCsv(readFixture(`tests/fixtures/compare-cells/${name}`), name);

interface ExpectedPair {
  a: string;
  b: string;
  agreement: number;
  cohenKappa: number;
  mcnemar: { statistic: number; pValue: number; exact: boolean; table: [[number, number], [number, number]] };
}
interface Expected {
  comparison: {
    accuracy: Record<string, number>;
    pairs: ExpectedPair[];
    friedman: { statistic: number; pValue: number; meanRanks: Record<string, number> };
    byRegion: Record<string, { rows: number; accuracy: Record<string, number> }>;
    canary: { accuracy: Record<string, number>; rows: Record<string, number> };
  };
  abtest: {
    variants: { name: string; n: number; conversions: number; rate: number; ci: [number, number]; mean: number; se: number }[];
    comparison: {
      difference: number;
      ci: [number, number];
      relativeLift: number;
      relativeLiftCi: [number, number];
      z: number;
      pValue: number;
      welch: { statistic: number; pValue: number };
      mannWhitney: { statistic: number; pValue: number };
    };
    srm: { statistic: number; pValue: number; mismatch: boolean };
  };
}
const expected = readJson<Expected>('tests/fixtures/compare-cells/expected.json');

const MODELS = ['pred_champion', 'pred_challenger', 'pred_baseline'];
const SCORES = ['score_champion', 'score_challenger', 'score_baseline'];

describe('comparison cell (champion vs challenger)', async () => {
  const shadow = await load('shadow.csv');
  const config = { target: 'y', models: MODELS, scores: SCORES, chunks: 5, bootstrap: 200 };
  const result = (await comparisonKind.compute!({ reference: shadow }, config)) as ComparisonCellResult;

  it('shadow: per-model accuracy, every pair (a, b) in order with agreement, κ and McNemar as sklearn/statsmodels', () => {
    expect(comparisonKind.validate(config, { reference: shadow.meta })).toEqual([]);
    expect(result.kind).toBe('comparison');
    expect(result.mode).toBe('shadow');
    expect(result.columns).toEqual({ target: 'y', models: MODELS, scores: SCORES, prediction: null, modelColumn: null });
    for (const m of result.models) expectClose(m.metrics.accuracy, expected.comparison.accuracy[m.name]!, STAT, `${m.name} accuracy`);
    expect(result.pairs.map((p) => [p.a, p.b])).toEqual(expected.comparison.pairs.map((p) => [p.a, p.b]));
    result.pairs.forEach((p, i) => {
      const want = expected.comparison.pairs[i]!;
      expectClose(p.agreement, want.agreement, STAT, `${p.a}/${p.b} agreement`);
      expectClose(p.cohenKappa, want.cohenKappa, STAT, `${p.a}/${p.b} kappa`);
      expect(p.mcnemar?.exact).toBe(want.mcnemar.exact);
      expect(p.mcnemar?.table).toEqual(want.mcnemar.table);
      expectClose(p.mcnemar?.statistic, want.mcnemar.statistic, STAT, `${p.a}/${p.b} McNemar statistic`);
      expectClose(p.mcnemar?.pValue, want.mcnemar.pValue, P, `${p.a}/${p.b} McNemar p`);
      expect(p.delong, 'DeLong with scores').not.toBeNull();
    });
    expect(result.bootstrap).toEqual({ resamples: 200, seed: 42 });
  });

  it('Friedman over 5 row chunks (numpy array_split) as scipy friedmanchisquare, mean ranks by rankdata', () => {
    const f = result.friedman!;
    expect(f.blocks).toHaveLength(5);
    expect(f.metric).toBe('accuracy');
    expectClose(f.statistic, expected.comparison.friedman.statistic, STAT, 'Friedman statistic');
    expectClose(f.pValue, expected.comparison.friedman.pValue, P, 'Friedman p');
    for (const [name, rank] of Object.entries(expected.comparison.friedman.meanRanks)) expectClose(f.meanRanks[name], rank, STAT, `${name} mean rank`);
  });

  it('states a verdict with its numbers', () => {
    expect(result.verdict).toMatch(/\d/);
    expect(result.verdict.length).toBeGreaterThan(10);
  });

  it('segmentBy: the comparison again within each region, largest first, each as on its own rows', async () => {
    const bySegment = (await comparisonKind.compute!(
      { reference: shadow },
      { target: 'y', models: MODELS, segmentBy: 'region', bootstrap: 50 },
    )) as ComparisonCellResult;
    const s = bySegment.segments!;
    expect(s.column).toBe('region');
    expect(s.omitted).toBe(0);
    expect(s.groups.map((g) => g.value)).toEqual(['EU', 'US', 'APAC']);
    for (const g of s.groups) {
      const want = expected.comparison.byRegion[g.value]!;
      expect(g.rows).toBe(want.rows);
      for (const m of g.result!.models) expectClose(m.metrics.accuracy, want.accuracy[m.name]!, STAT, `${g.value} ${m.name} accuracy`);
    }
  });

  it('canary: one prediction column, groups by the serving model', async () => {
    const canary = await load('canary.csv');
    const canaryConfig = { mode: 'canary' as const, target: 'y', prediction: 'pred', modelColumn: 'served_by', bootstrap: 50 };
    expect(comparisonKind.validate(canaryConfig, { reference: canary.meta })).toEqual([]);
    const r = (await comparisonKind.compute!({ reference: canary }, canaryConfig)) as ComparisonCellResult;
    expect(r.mode).toBe('canary');
    expect(r.columns).toMatchObject({ prediction: 'pred', modelColumn: 'served_by', models: [] });
    expect(Object.fromEntries(r.models.map((m) => [m.name, m.n]))).toEqual(expected.comparison.canary.rows);
    for (const m of r.models) expectClose(m.metrics.accuracy, expected.comparison.canary.accuracy[m.name]!, STAT, `canary ${m.name} accuracy`);
  });

  it('validates the form: canary needs a model column, shadow two models with one score each, known columns', () => {
    const meta = { reference: shadow.meta };
    expect(comparisonKind.validate({ mode: 'canary' }, meta)).toContain('Canary: choose the column naming the model that served each row');
    expect(comparisonKind.validate({ models: ['pred_champion'] }, meta)).toContain('Choose two or more prediction columns (one per model)');
    expect(comparisonKind.validate({ models: MODELS, scores: ['score_champion'] }, meta)).toContain(
      'Give one score column per model (3 models, 1 scores), in the same order',
    );
    expect(comparisonKind.validate({ models: ['pred_champion', 'nope'] }, meta)).toContain('Column "nope" is not in the data: choose it again');
    expect(comparisonKind.validate({ chunks: 1 }, meta)).toContain('Chunks: a whole number, 2 or more');
    expect(comparisonKind.validate({ blockColumn: 'region', chunks: 3 }, meta)).toContain('Friedman blocks: a column or a number of chunks, not both');
    expect(comparisonKind.validate({ target: 'y', models: ['y', 'pred_champion'] }, meta)).toContain(
      'The target is also a prediction column: choose the prediction columns again',
    );
  });

  it('says what to choose when there are not two models', async () => {
    await expect(comparisonKind.compute!({ reference: shadow }, { target: 'y', models: [] })).rejects.toMatchObject({ code: 'too-few-models' });
    await expect(comparisonKind.compute!({ reference: shadow }, { target: 'y', mode: 'canary', prediction: 'pred_champion' })).rejects.toMatchObject({
      code: 'missing-model-column',
    });
  });
});

describe('A/B test cell', async () => {
  const data = await load('abtest.csv');
  const config = { variant: 'variant', binary: 'clicked', numeric: 'revenue', timestamp: 'ts', looks: 3 };
  const result = (await abtestKind.compute!({ reference: data }, config)) as AbTestCellResult;
  const want = expected.abtest;

  it('guesses the columns of a new cell from their names and types', () => {
    expect(abtestKind.defaultConfig({ reference: data.meta })).toEqual({ variant: 'variant', binary: 'clicked', numeric: 'revenue', timestamp: 'ts' });
    expect(abtestKind.validate(config, { reference: data.meta })).toEqual([]);
  });

  it('per variant: n, conversions, rate and Wilson interval (statsmodels), mean and SE of revenue', () => {
    expect(result.kind).toBe('abtest');
    expect(result.control).toBe('A');
    result.variants.forEach((v, i) => {
      const w = want.variants[i]!;
      expect([v.name, v.n, v.conversions]).toEqual([w.name, w.n, w.conversions]);
      expectClose(v.rate, w.rate, STAT, `${v.name} rate`);
      expectClose(v.ci?.[0], w.ci[0], STAT, `${v.name} ci lo`);
      expectClose(v.ci?.[1], w.ci[1], STAT, `${v.name} ci hi`);
      expectClose(v.mean, w.mean, STAT, `${v.name} mean`);
      expectClose(v.se, w.se, STAT, `${v.name} se`);
    });
  });

  it('B vs A: Newcombe difference, ratio lift, pooled z, Welch and Mann–Whitney (statsmodels / scipy)', () => {
    const c = result.comparisons[0]!;
    const w = want.comparison;
    expect([c.variant, c.control]).toEqual(['B', 'A']);
    expectClose(c.difference, w.difference, STAT, 'difference');
    expectClose(c.ci[0], w.ci[0], STAT, 'newcombe lo');
    expectClose(c.ci[1], w.ci[1], STAT, 'newcombe hi');
    expectClose(c.relativeLift, w.relativeLift, STAT, 'lift');
    expectClose(c.relativeLiftCi[0], w.relativeLiftCi[0], STAT, 'lift lo');
    expectClose(c.relativeLiftCi[1], w.relativeLiftCi[1], STAT, 'lift hi');
    expectClose(c.z, w.z, STAT, 'z');
    expectClose(c.pValue, w.pValue, P, 'z p');
    expectClose(c.welch?.statistic, w.welch.statistic, STAT, 'welch t');
    expectClose(c.welch?.pValue, w.welch.pValue, P, 'welch p');
    expectClose(c.mannWhitney?.statistic, w.mannWhitney.statistic, STAT, 'U');
    expectClose(c.mannWhitney?.pValue, w.mannWhitney.pValue, P, 'U p');
  });

  it('flags the planted sample-ratio mismatch (scipy chisquare p < 0.001), keeps the looks and rates per day', () => {
    expectClose(result.srm.statistic, want.srm.statistic, STAT, 'srm statistic');
    expectClose(result.srm.pValue, want.srm.pValue, P, 'srm p');
    expect(result.srm.mismatch).toBe(true);
    expect(want.srm.mismatch).toBe(true);
    expect(result.looks).toBe(3);
    expect(result.finished).toBe(false);
    expect(result.windows).toHaveLength(14);
    expect(result.windows!.reduce((s, w) => s + w.variants.reduce((t, v) => t + v.n, 0), 0)).toBe(6000);
  });

  it('counts a look only while the test runs; the planned split reads and prints as A=50, B=50', () => {
    expect(withLook({ variant: 'v' })).toEqual({ variant: 'v', looks: 1 });
    expect(withLook({ variant: 'v', looks: 4 })).toEqual({ variant: 'v', looks: 5 });
    expect(withLook({ variant: 'v', looks: 4, finished: true })).toEqual({ variant: 'v', looks: 4, finished: true });
    expect(parsePlannedSplit('A=50, B=50')).toEqual({ A: 50, B: 50 });
    expect(parsePlannedSplit('a=b=2')).toEqual({ 'a=b': 2 });
    expect(parsePlannedSplit(' ')).toBeUndefined();
    expect(plannedSplitText({ A: 60, B: 40 })).toBe('A=60, B=40');
    const bad = parsePlannedSplit('A=50, B');
    expect(abtestKind.validate({ variant: 'variant', binary: 'clicked', plannedSplit: bad })).toContain('Planned split of "B": a positive share (e.g. 50)');
  });

  it('validates the form', () => {
    const meta = { reference: data.meta };
    expect(abtestKind.validate({}, meta)).toEqual([
      'Choose the variant column (which variant each row saw)',
      'Choose an outcome: a binary column (click, conversion) and/or a numeric one (revenue)',
    ]);
    expect(abtestKind.validate({ variant: 'variant', binary: 'clicked', alpha: 1.5 }, meta)).toContain('α: a probability between 0 and 1 (e.g. 0.05)');
    expect(abtestKind.validate({ variant: 'variant', binary: 'clicked', effect: 2 }, meta)).toContain(
      'Effect to plan for: a difference in rate between 0 and 1 (e.g. 0.01)',
    );
    expect(abtestKind.validate({ variant: 'variant', numeric: 'revenue', effect: 2 }, meta)).toEqual([]);
    expect(abtestKind.validate({ variant: 'variant', binary: 'clicked', period: 'week' }, meta)).toContain('Windows need a timestamp column');
    expect(abtestKind.validate({ variant: 'variant', binary: 'variant' }, meta)).toContain('The variant column is also an outcome');
  });
});

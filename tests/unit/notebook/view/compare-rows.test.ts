import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../../lib/data/ingest';
import { abtestKind } from '../../../../lib/notebook/kinds/abtest';
import { comparisonKind } from '../../../../lib/notebook/kinds/comparison';
import { comparisonsTable, peekingNote, planningLine, srmLine, variantsTable, windowsTable } from '../../../../lib/notebook/view/abtest-rows';
import { deltasTable, friedmanNote, friedmanTable, modelsTable, pairsTable, segmentsTable } from '../../../../lib/notebook/view/comparison-rows';
import { abtestSection } from '../../../../lib/report/sections/abtest';
import { comparisonSection } from '../../../../lib/report/sections/comparison';
import { readFixture, readJson } from '../../../support';

/** What the comparison and A/B cells and their report sections show, on tests/fixtures/compare-cells. */

const document = parseHTML('<!doctype html><html><body></body></html>').document;
const load = (name: string) => ingestCsv(readFixture(`tests/fixtures/compare-cells/${name}`), name);
const expected = readJson<{ comparison: { pairs: { a: string; b: string; mcnemar: { pValue: number } }[] } }>('tests/fixtures/compare-cells/expected.json');
const texts = (cells: { text: string }[]) => cells.map((c) => c.text);

describe('comparison view rows and report section', async () => {
  const shadow = await load('shadow.csv');
  const models = ['pred_champion', 'pred_challenger', 'pred_baseline'];
  const result = await comparisonKind.compute!({ reference: shadow }, { target: 'y', models, chunks: 5, bootstrap: 100, segmentBy: 'region' });

  it('models, pairs (McNemar p flagged below 0.05, with which test) and Δ intervals (flagged when they exclude 0)', () => {
    expect(modelsTable(result).rows.map((r) => r.key)).toEqual(models);
    expect(texts(modelsTable(result).rows[0]!.cells).slice(0, 3)).toEqual(['pred_champion', '2,000', '0.8275']);
    const pairs = pairsTable(result);
    expect(pairs.rows.map((r) => r.key)).toEqual(expected.comparison.pairs.map((p) => `${p.a} vs ${p.b}`));
    pairs.rows.forEach((r, i) => {
      const p = expected.comparison.pairs[i]!.mcnemar.pValue;
      expect(r.cells[4]!.flagged ?? false).toBe(p < 0.05);
      expect(r.cells[3]!.text).toMatch(/\((exact binomial|χ², corrected)\)$/);
    });
    const deltas = deltasTable(result);
    for (const row of deltas.rows) {
      const [lo, hi] = row.cells[3]!.text.slice(1, -1)
        .split(', ')
        .map((t) => Number(t.replace('−', '-').replace('+', '')));
      expect(row.cells[3]!.flagged ?? false).toBe(lo! > 0 || hi! < 0);
    }
  });

  it('Friedman: the test in a line, a row per block and the mean ranks; segments with their verdicts', () => {
    expect(friedmanNote(result)).toBe('Friedman test (scipy friedmanchisquare) of Accuracy over 5 blocks: χ²F = 10, p = 0.006738');
    const f = friedmanTable(result)!;
    expect(f.rows).toHaveLength(6);
    expect(texts(f.rows[5]!.cells)).toEqual(['mean rank', '', '2', '3', '1']);
    const s = segmentsTable(result)!;
    expect(s.rows.map((r) => r.key)).toEqual(['EU', 'US', 'APAC']);
    expect(s.rows.every((r) => r.cells.at(-1)!.text.length > 0)).toBe(true);
  });

  it('the report section: verdict, tables, charts, segment names isolated', () => {
    const html = comparisonSection(result, { document }).__html;
    for (const id of ['comparison-verdict', 'comparison-models', 'comparison-pairs', 'comparison-deltas', 'comparison-friedman', 'comparison-segments'])
      expect(html).toContain(`data-testid="${id}"`);
    expect(html).toContain('<bdi>APAC</bdi>');
    expect((html.match(/<svg/g) ?? []).length).toBe(2 + 3 + 1);
  });
});

describe('A/B view rows and report section', async () => {
  const data = await load('abtest.csv');
  const result = await abtestKind.compute!({ reference: data }, { variant: 'variant', binary: 'clicked', numeric: 'revenue', timestamp: 'ts', looks: 4 });

  it('variants, the comparison with its flagged p, SRM, planning, windows', () => {
    expect(variantsTable(result).rows.map((r) => texts(r.cells).slice(0, 4))).toEqual([
      ['A (control)', '3,200', '317', '9.9%'],
      ['B', '2,800', '327', '11.7%'],
    ]);
    const c = comparisonsTable(result);
    expect(c.columns.map((col) => col.label)).toEqual([
      'Comparison',
      'Difference',
      '95% interval',
      'Lift',
      'Lift 95%',
      'z',
      'p',
      'Welch t',
      'df',
      'Welch p',
      'Mann–Whitney U',
      'MWU p',
    ]);
    expect(c.rows[0]!.cells[6]).toMatchObject({ text: '0.02692', flagged: true });
    const srm = srmLine(result);
    expect(srm.mismatch).toBe(true);
    expect(srm.text).toMatch(/^Sample ratio vs planned A 50% \/ B 50%: χ² = 26.67, p = 2.418e-7 — SAMPLE-RATIO MISMATCH/);
    expect(planningLine(result)).toMatch(
      /^Planning \(two-sided α = 0.05, power 0.8\): minimum detectable effect \+\d\.\d+ pp over the control rate at the current n$/,
    );
    expect(windowsTable(result)!.rows).toHaveLength(14);
  });

  it('peeking: warned from the second look of a running test, never once finished', () => {
    expect(peekingNote(result)).toMatch(/looked at 4 times/);
    expect(peekingNote({ ...result, looks: 1 })).toBeNull();
    expect(peekingNote({ ...result, finished: true })).toBeNull();
  });

  it('the report section flags the mismatch and shows the peeking warning', () => {
    const html = abtestSection(result, { document }).__html;
    expect(html).toContain('data-testid="abtest-srm" data-mismatch="true"');
    expect(html).toContain('data-testid="abtest-peeking"');
    expect(html).toContain('running · looked at 4 times');
    expect((html.match(/<svg/g) ?? []).length).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../../lib/alerts/catalogue';
import { exposition } from '../../../lib/alerts/exposition';
import { samplesOf } from '../../../lib/alerts/samples';
import { ingestCsv } from '../../../lib/data/ingest';
import { abtestKind } from '../../../lib/notebook/kinds/abtest';
import { comparisonKind } from '../../../lib/notebook/kinds/comparison';
import { checkMetrics, expectClose, parseExposition, readFixture, readJson } from '../../support';

/** The A/B test and Model comparison cells' catalogue samples, on tests/fixtures/compare-cells (generate_compare_cells.py). */

const load = (name: string) => ingestCsv(readFixture(`tests/fixtures/compare-cells/${name}`), name);
const expected = readJson<{ abtest: { srm: { pValue: number }; variants: { name: string; rate: number }[]; comparison: { pValue: number } } }>(
  'tests/fixtures/compare-cells/expected.json',
);

describe('catalogue samples of the comparison and A/B cells', () => {
  it('abtest: the SRM p (scipy chisquare) per experiment, each variant rate, the variant p against the control', async () => {
    const data = await load('abtest.csv');
    const result = await abtestKind.compute!({ reference: data }, { variant: 'variant', binary: 'clicked', numeric: 'revenue' });
    const samples = samplesOf('abtest', result);
    expect(samples.map((s) => [s.metric, s.labels])).toEqual([
      ['ab_srm_p_value', { experiment: 'variant' }],
      ['ab_conversion_rate', { variant: 'A' }],
      ['ab_conversion_rate', { variant: 'B' }],
      ['ab_p_value', { variant: 'B' }],
    ]);
    expectClose(samples[0]!.value, expected.abtest.srm.pValue, 1e-6, 'srm p');
    expectClose(samples[1]!.value, expected.abtest.variants[0]!.rate, 1e-9, 'A rate');
    expectClose(samples[2]!.value, expected.abtest.variants[1]!.rate, 1e-9, 'B rate');
    // One variant: Holm's adjustment leaves the z-test's p as it is.
    expectClose(samples[3]!.value, expected.abtest.comparison.pValue, 1e-6, 'B p');

    // Numeric only: no rates, Welch's p.
    const numeric = await abtestKind.compute!({ reference: data }, { variant: 'variant', numeric: 'revenue' });
    expect(samplesOf('abtest', numeric).map((s) => [s.metric, s.value])).toEqual([
      ['ab_srm_p_value', numeric.srm.pValue],
      ['ab_p_value', numeric.comparisons[0]!.welch!.pValue],
    ]);
  });

  it('comparison: each pair (a, b) and metric, the difference a − b', async () => {
    const shadow = await load('shadow.csv');
    const result = await comparisonKind.compute!({ reference: shadow }, { target: 'y', models: ['pred_champion', 'pred_challenger'], bootstrap: 20 });
    const samples = samplesOf('comparison', result);
    const deltas = Object.entries(result.pairs[0]!.deltas);
    expect(deltas.length).toBeGreaterThan(0);
    expect(samples).toEqual(
      deltas.map(([metric, d]) => ({ metric: 'comparison_metric_delta', labels: { a: 'pred_champion', b: 'pred_challenger', metric }, value: d.value })),
    );
    expect(samples.find((s) => s.labels.metric === 'accuracy')!.value).toBeCloseTo(0.8275 - 0.8725, 12);
  });

  it('writes them promtool-clean, with hostile variant names read back exactly', async () => {
    const names = ['ctrl "a"\\b', 'new\nline', 'émoji 🚀'];
    const rows = Array.from({ length: 60 }, (_, i) => `"${names[i % 3]!.replace(/"/g, '""')}",${i % 4 === 0 ? 1 : 0}`);
    const data = await ingestCsv(new TextEncoder().encode(`arm,clicked\n${rows.join('\n')}\n`), 'hostile.csv');
    const result = await abtestKind.compute!({ reference: data }, { variant: 'arm', binary: 'clicked' });
    const text = exposition(samplesOf('abtest', result));
    const check = checkMetrics(text);
    expect(check.stdout + check.stderr).toBe('');
    expect(check.code).toBe(0);
    const rates = parseExposition(text).find((f) => f.name === 'driftbook_ab_conversion_rate')!;
    expect(rates.series.map((s) => s.labels.find(([k]) => k === 'variant')?.[1]).sort()).toEqual(result.variants.map((v) => v.name).sort());
    expect(FAMILIES.filter((f) => f.kinds.includes('abtest')).map((f) => f.name)).toEqual(['ab_srm_p_value', 'ab_conversion_rate', 'ab_p_value']);
  });
});

import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { variantRateChart, variantWindowChart } from '../../../lib/charts/abtest-charts';
import { blockMetricChart, disagreementChart, leadMetric, modelMetricChart, pairDeltaChart } from '../../../lib/charts/comparison-charts';
import { ingestCsv } from '../../../lib/data/ingest';
import { abtestKind } from '../../../lib/notebook/kinds/abtest';
import { comparisonKind } from '../../../lib/notebook/kinds/comparison';
import { readFixture } from '../../support';

/** The comparison and A/B charts on the cells' results for tests/fixtures/compare-cells: marks, positions and hostile names. */

const document = parseHTML('<!doctype html><html><body></body></html>').document;
const load = (name: string) => ingestCsv(readFixture(`tests/fixtures/compare-cells/${name}`), name);
const all = (el: Element, selector: string) => Array.from(el.querySelectorAll(selector));
const marks = (el: Element, description: string, child = '*') => all(el, `g[aria-description="${description}"] ${child}`);

/** Pixel position of a value on the x axis, from its first and last tick labels. */
function xScale(el: Element, parse: (text: string) => number = Number): (v: number) => number {
  const ticks = all(el, 'g[aria-label="x-axis tick label"] text').map((t) => ({
    value: parse(t.textContent ?? ''),
    px: Number(/translate\(([^,]+),/.exec(t.getAttribute('transform') ?? '')?.[1]),
  }));
  const [a, b] = [ticks[0]!, ticks.at(-1)!];
  return (v) => a.px + ((v - a.value) * (b.px - a.px)) / (b.value - a.value);
}

function expectClean(el: Element, render: () => Element): void {
  expect(el.tagName.toLowerCase()).toBe('svg');
  expect(el.outerHTML).not.toMatch(/NaN|Infinity|undefined/);
  expect(render().outerHTML).toBe(el.outerHTML);
}

describe('comparison charts', async () => {
  const shadow = await load('shadow.csv');
  const result = await comparisonKind.compute!(
    { reference: shadow },
    { target: 'y', models: ['pred_champion', 'pred_challenger', 'pred_baseline'], chunks: 5, bootstrap: 100 },
  );

  it('metric per model: a dot per model at its accuracy, with its bootstrap interval', () => {
    expect(leadMetric(result)).toBe('accuracy');
    const render = () => modelMetricChart(result, { document });
    const el = render();
    expectClean(el, render);
    const dots = marks(el, 'values', 'circle');
    expect(dots).toHaveLength(3);
    const x = xScale(el);
    result.models.forEach((m, i) => expect(Number(dots[i]!.getAttribute('cx'))).toBeCloseTo(x(m.metrics.accuracy!), 0));
    // Each model's bootstrap interval, drawn from its lower to its upper bound.
    const lines = marks(el, 'intervals', 'line');
    expect(lines).toHaveLength(3);
    result.models.forEach((m, i) => {
      const [lo, hi] = m.ci!.accuracy!;
      expect(Number(lines[i]!.getAttribute('x1'))).toBeCloseTo(x(lo!), 0);
      expect(Number(lines[i]!.getAttribute('x2'))).toBeCloseTo(x(hi!), 0);
    });
  });

  it('Δ per pair: a dot and its bootstrap interval per pair, zero as a rule, intervals excluding 0 in red', () => {
    const render = () => pairDeltaChart(result, { document });
    const el = render();
    expectClean(el, render);
    const x = xScale(el, (t) => Number(t.replace('−', '-')));
    const lines = marks(el, 'intervals', 'line');
    expect(lines).toHaveLength(3);
    result.pairs.forEach((p, i) => {
      const [lo, hi] = p.deltas.accuracy!.ci;
      expect(Number(lines[i]!.getAttribute('x1'))).toBeCloseTo(x(lo!), 0);
      expect(Number(lines[i]!.getAttribute('x2'))).toBeCloseTo(x(hi!), 0);
      expect(lines[i]!.getAttribute('stroke')).toBe(lo! > 0 || hi! < 0 ? '#e45756' : '#4c78a8');
    });
    expect(marks(el, 'zero', 'line')).toHaveLength(1);
  });

  it('disagreement heatmap: one cell per (a, b) label pair with its count', () => {
    const pair = result.pairs[0]!;
    const el = disagreementChart(pair, { document });
    expect(marks(el, 'cells', 'rect')).toHaveLength(4);
    expect(marks(el, 'cell values', 'text').map((t) => Number(t.textContent))).toEqual(pair.disagreement!.counts.flat());
    expect(el.getAttribute('aria-description')).toBe(
      `2 labels; ${pair.disagreement!.counts[0]![1]! + pair.disagreement!.counts[1]![0]!} of 2000 rows disagree`,
    );
  });

  it('metric per block: a line per model, a point per block', () => {
    const el = blockMetricChart(result, { document });
    expect(marks(el, 'lines', 'path')).toHaveLength(3);
    expect(marks(el, 'points', 'circle')).toHaveLength(15);
  });

  it('hostile model names are text only, and an empty result draws "no data"', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const renamed = { ...result, models: result.models.map((m, i) => (i ? m : { ...m, name: hostile })) };
    const el = modelMetricChart(renamed, { document });
    expect(el.outerHTML).not.toContain('<img');
    expect(el.outerHTML).toContain('&lt;img src=x');
    const empty = pairDeltaChart({ task: 'classification', models: [], pairs: [] }, { document });
    expect(all(empty, 'text').map((t) => t.textContent)).toContain('no data');
  });
});

describe('A/B charts', async () => {
  const data = await load('abtest.csv');
  const result = await abtestKind.compute!({ reference: data }, { variant: 'variant', binary: 'clicked', timestamp: 'ts' });

  it('rate per variant: a dot at the rate and the Wilson interval, the control rate as a rule', () => {
    const render = () => variantRateChart(result, { document });
    const el = render();
    expectClean(el, render);
    const x = xScale(el, (t) => Number(t.replace('%', '')) / 100);
    const dots = marks(el, 'rates', 'circle');
    const lines = marks(el, 'intervals', 'line');
    result.variants.forEach((v, i) => {
      expect(Number(dots[i]!.getAttribute('cx'))).toBeCloseTo(x(v.rate!), 0);
      expect(Number(lines[i]!.getAttribute('x1'))).toBeCloseTo(x(v.ci![0]), 0);
      expect(Number(lines[i]!.getAttribute('x2'))).toBeCloseTo(x(v.ci![1]), 0);
    });
    expect(Number(marks(el, 'control rate', 'line')[0]!.getAttribute('x1'))).toBeCloseTo(x(result.variants[0]!.rate!), 0);
  });

  it('rate per window: a line per variant over 14 daily windows, a band of intervals each, labels that do not crowd', () => {
    const el = variantWindowChart(result, { document, width: 640 });
    expect(marks(el, 'lines', 'path')).toHaveLength(2);
    expect(marks(el, 'intervals', 'path')).toHaveLength(2);
    expect(marks(el, 'points', 'circle')).toHaveLength(28);
    expect(all(el, 'g[aria-label="x-axis tick label"] text').length).toBeLessThanOrEqual(7);
    const none = variantWindowChart({ variants: result.variants }, { document });
    expect(all(none, 'text').map((t) => t.textContent)).toContain('no windows (no timestamp)');
  });
});

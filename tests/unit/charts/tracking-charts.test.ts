import { describe, expect, it } from 'vitest';
import { historyChart, runColor } from '../../../lib/charts/tracking-history';
import { axisPosition, parallelChart } from '../../../lib/charts/tracking-parallel';
import { scatterChart } from '../../../lib/charts/tracking-scatter';
import { emaSmooth } from '../../../lib/tracking/compare';
import { document, HOSTILE, marks, expectClean, expectNoData, all } from '../../support/charts/classification';

const points = (values: number[]) => values.map((value, step) => ({ value, step, timestamp: 1_700_000_000_000 + step * 1000 }));

describe('historyChart', () => {
  const series = [
    { label: HOSTILE, points: points([1, 0.5, 0.25, NaN]) },
    { label: 'b', points: points([2, 1, Infinity]) },
  ];
  it('draws one line per run in its colour; non-finite values are not drawn; labels only as text', () => {
    const render = () => historyChart(series, { document, metric: 'loss' });
    const el = render();
    expectClean(el, render);
    expect(marks(el, 'history', 'path').map((p) => p.getAttribute('stroke'))).toEqual([runColor(0), runColor(1)]);
    expect(marks(el, 'points', 'circle')).toHaveLength(5);
    expect(el.outerHTML).not.toContain('<img');
    expect(marks(el, 'key', 'text').map((t) => t.textContent)).toEqual([HOSTILE, 'b']);
  });
  it('draws smoothed lines over faint raw ones; x as wall or relative time; log scale drops values ≤ 0', () => {
    const smoothed = series.map((s) => ({
      ...s,
      smoothed: emaSmooth(
        s.points.map((p) => p.value),
        0.6,
      ),
    }));
    const el = historyChart(smoothed, { document, metric: 'loss', x: 'relative', log: true });
    expectClean(el);
    expect(marks(el, 'raw history', 'path')).toHaveLength(2);
    expect(marks(el, 'smoothed history', 'path')).toHaveLength(2);
    expect(el.getAttribute('aria-label')).toMatch(/relative time/);
    const empty = historyChart([{ label: 'z', points: points([0, -1]) }], { document, metric: 'm', log: true });
    expectClean(empty);
    expect(marks(empty, 'no data', 'text').map((t) => t.textContent)).toEqual(['no value above 0 for a log scale']);
    expectNoData(historyChart([], { document, metric: 'm' }));
    expectClean(historyChart(series, { document, metric: 'loss', x: 'wall' }));
  });
});

describe('scatterChart', () => {
  it('draws a scatter for a numeric x and boxes for a categorical one', () => {
    const numeric = scatterChart(
      [
        { label: 'a', x: 0.1, y: 0.8, color: runColor(0) },
        { label: 'b', x: 0.2, y: NaN, color: runColor(1) },
      ],
      { document, xLabel: 'params.lr', yLabel: 'auc' },
    );
    expectClean(numeric);
    expect(marks(numeric, 'runs', 'circle')).toHaveLength(1);
    expect(numeric.getAttribute('aria-description')).toMatch(/1 without a finite value/);
    const boxes = scatterChart(
      ['xgb', 'xgb', 'rf', 'rf', HOSTILE].map((x, i) => ({ label: `r${i}`, x, y: i / 10, color: runColor(i) })),
      { document, xLabel: 'params.model', yLabel: 'auc' },
    );
    expectClean(boxes);
    expect(all(boxes, 'g[aria-description="box"]').length).toBeGreaterThan(0);
    expect(boxes.outerHTML).not.toContain('<img');
  });
});

describe('parallelChart', () => {
  it('places numbers on their extent and categories evenly', () => {
    const num = axisPosition({ name: 'lr', values: [0.1, 0.3, null, 0.2] });
    expect([0.1, 0.3, null, 0.2].map((v) => num.position(v))).toEqual([0, 1, null, expect.closeTo(0.5, 12)]);
    const cat = axisPosition({ name: 'model', values: ['xgb', 'rf', 'lr'] });
    expect(cat.ticks.map((t) => [t.text, t.at])).toEqual([
      ['lr', 0],
      ['rf', 0.5],
      ['xgb', 1],
    ]);
  });
  it('draws selected runs in colour and filtered-out ones faint', () => {
    const axes = [
      { name: 'lr', values: [0.1, 0.3] },
      { name: 'auc', values: [0.8, 0.9] },
    ];
    const render = () =>
      parallelChart(
        axes,
        [
          { label: 'a', color: runColor(0), selected: true },
          { label: HOSTILE, color: runColor(1), selected: false },
        ],
        { document },
      );
    const el = render();
    expectClean(el, render);
    expect(marks(el, 'selected runs', 'path')).toHaveLength(1);
    expect(marks(el, 'filtered-out runs', 'path')).toHaveLength(1);
    expect(el.getAttribute('aria-description')).toBe('2 axes, 1 of 2 runs selected');
  });
});

import { describe, expect, it } from 'vitest';
import { conceptChart, driftHeatmap, timelineChart, timelineRowsChart } from '../../../lib/charts/timeline-chart';
import type { TimelineCellResult, TimelineWindow } from '../../../lib/notebook/kinds/timeline';
import { document, expectClean, marks, noData, scale, texts } from '../../support/charts/operational';

const window = (index: number, value: number | null, rows: number, flags: Partial<TimelineWindow> = {}): TimelineWindow => ({
  index,
  label: `2026-10-${20 + index}`,
  start: `2026-10-${20 + index}T00:00:00+02:00`,
  end: `2026-10-${21 + index}T00:00:00+02:00`,
  rows,
  value,
  flagged: false,
  outsideBand: false,
  crossed: false,
  small: false,
  ...flags,
});

const result: TimelineCellResult = {
  kind: 'timeline',
  reference: { name: 'ref.csv', rows: 600 },
  current: { name: 'cur.csv', rows: 200 },
  split: { by: 'period', period: 'day', timestampColumn: 'ts', timeZone: 'Europe/Paris' },
  referenceSplit: { by: 'period', period: 'day', timestampColumn: 'ts', timeZone: 'Europe/Paris' },
  scalar: { id: 'column_drift_score', label: "A column's drift score", column: 'x1' },
  windows: [
    window(0, 0.6, 50),
    window(1, 0.01, 60, { flagged: true, crossed: true }),
    window(2, null, 0, { small: true }),
    window(3, 0.4, 5, { small: true }),
    window(4, 0.3, 85),
  ],
  referenceChunks: [],
  band: { mean: 0.5, std: 0.1, lower: 0.2, upper: 0.8, multiplier: 3, chunks: 10 },
  threshold: { value: 0.05, direction: 'below' },
  minWindowRows: 30,
  heatmap: {
    columns: [
      { name: 'x1', method: 'ks', firstDrift: 1 },
      { name: 'x2', method: 'ks', firstDrift: null },
    ],
    scores: [
      [0.6, 0.01, null, 0.4, 0.3],
      [0.9, 0.8, null, 0.7, 0.5],
    ],
    drifted: [
      [false, true, false, false, false],
      [false, false, false, false, false],
    ],
  },
  concept: {
    task: 'classification',
    target: 'y',
    prediction: 'p',
    reference: 0.1,
    windows: [
      { n: 50, current: 0.1, reference: 0.1, mwuStatistic: 100, mwuPValue: 0.9, zStatistic: 0, zPValue: 1 },
      { n: 60, current: 0.3, reference: 0.1, mwuStatistic: 200, mwuPValue: 0.001, zStatistic: -3, zPValue: 0.002 },
      null,
      { n: 5, current: 0.2, reference: 0.1, mwuStatistic: 10, mwuPValue: 0.5, zStatistic: -1, zPValue: 0.3 },
      { n: 85, current: 0.12, reference: 0.1, mwuStatistic: 300, mwuPValue: 0.6, zStatistic: -0.5, zPValue: 0.6 },
    ],
  },
  unplaced: { missing: 0, unparsed: 0 },
  warnings: [],
};

describe('timeline charts', () => {
  it('draws the value per window over the shaded band, the threshold, flagged windows in red and small ones in grey', () => {
    const render = () => timelineChart(result, { document });
    const el = render();
    expectClean(el, render);
    expect(marks(el, 'reference band', 'path')).toHaveLength(1);
    expect(marks(el, 'windows', 'circle')).toHaveLength(2);
    expect(marks(el, 'flagged windows', 'circle')).toHaveLength(1);
    expect(marks(el, 'small windows', 'circle')).toHaveLength(1);
    expect(marks(el, 'key', 'text').map((t) => t.textContent)).toEqual(['reference ± 3σ', 'threshold', 'flagged', 'small']);
    const y = scale(el, 'y');
    expect(Number(marks(el, 'threshold', 'line')[0]?.getAttribute('y1'))).toBeCloseTo(y(0.05), 0);
    expect(marks(el, 'flagged windows', 'circle')[0]?.textContent).toBe(
      '2026-10-21 (2026-10-21T00:00:00+02:00 – 2026-10-22T00:00:00+02:00)\n60 rows · value 0.01 · flagged (past the threshold)',
    );
    // The empty window breaks the line rather than dropping to 0.
    expect(marks(el, 'value', 'path')[0]?.getAttribute('d')).toMatch(/M.*M/);
    expect(texts(el)).toContain('2026-10-20');
  });

  it('draws rows per window with small windows grey and the minimum as a rule', () => {
    const el = timelineRowsChart(result, { document });
    expectClean(el);
    const bars = marks(el, 'rows', 'rect');
    expect(bars).toHaveLength(5);
    expect(bars.map((b) => b.getAttribute('fill'))).toEqual(['#4c78a8', '#4c78a8', '#9e9e9e', '#9e9e9e', '#4c78a8']);
    expect(marks(el, 'minimum rows', 'line')).toHaveLength(1);
  });

  it('draws the heatmap in the columns’ order (first drift first) coloured by verdict', () => {
    const el = driftHeatmap(result, { document });
    expectClean(el);
    const cells = marks(el, 'cells', 'rect');
    expect(cells).toHaveLength(10);
    expect(cells.filter((c) => c.getAttribute('fill') === '#e45756')).toHaveLength(1);
    expect(cells[1]?.textContent).toBe('x1 · 2026-10-21: drifted (score 0.01)');
    expect(cells[2]?.textContent).toBe('x1 · 2026-10-22: no value (score n/a)');
  });

  it('draws the concept-drift series with significant windows in red, and "no data" without one', () => {
    const el = conceptChart(result, { document });
    expectClean(el);
    expect(marks(el, 'windows', 'circle')).toHaveLength(4);
    expect(marks(el, 'windows', 'circle').filter((c) => c.getAttribute('fill') === '#e45756')).toHaveLength(1);
    const none = conceptChart({ ...result, concept: undefined }, { document });
    expect(noData(none)).toEqual(['no concept drift series']);
    const empty = timelineChart({ ...result, windows: [], band: null, threshold: null }, { document });
    expect(noData(empty)).toEqual(['no data: no windows']);
    expectClean(empty);
  });
});

import { describe, expect, it } from 'vitest';
import { batchHeatmap, batchHistoryChart } from '../../../lib/charts/batch-history-chart';
import { toBatchPoints, type BatchSummary } from '../../../lib/notebook/batch-summary';
import { document, expectClean, marks, noData, scale, texts } from '../../support/charts/operational';

const summary = (share: number, drifted: boolean, columns: [string, boolean, number][], sha = 'ref'): BatchSummary => ({
  schemaVersion: 1,
  reference: { sha256: sha, name: 'ref.csv', rows: 100 },
  rows: 50,
  driftShare: share,
  datasetDrifted: drifted,
  driftThreshold: 0.5,
  driftedColumns: columns.filter((c) => c[1]).length,
  testedColumns: columns.length,
  missingShare: 0.1,
  columns: columns.map(([name, d, score]) => ({ name, method: 'ks', score, drifted: d })),
  warnings: [],
  engineVersion: 1,
  computedAt: '2026-12-06T00:00:00.000Z',
});

const batch = (id: string, date: string, s?: BatchSummary) => ({ id, date, dataset: { name: `${id}.csv` }, ...(s ? { summary: s } : {}) });

const points = toBatchPoints(
  [
    batch(
      'a',
      '2026-12-01',
      summary(0, false, [
        ['x', false, 0.4],
        ['y', false, 0.3],
      ]),
    ),
    batch(
      'b',
      '2026-12-02',
      summary(0.5, true, [
        ['x', false, 0.2],
        ['y', true, 0.01],
      ]),
    ),
    batch('c', '2026-12-03'),
    batch(
      'd',
      '2026-12-04',
      summary(
        1,
        true,
        [
          ['x', true, 0.001],
          ['y', true, 0.002],
        ],
        'old',
      ),
    ),
    batch(
      'e',
      '2026-12-05',
      summary(1, true, [
        ['x', true, 0.001],
        ['y', true, 0.002],
      ]),
    ),
  ],
  'ref',
);

describe('batch history charts', () => {
  it('marks stale points (another reference) and keeps the history order', () => {
    expect(points.map((p) => [p.index, p.date, p.stale])).toEqual([
      [0, '2026-12-01', false],
      [1, '2026-12-02', false],
      [2, '2026-12-03', false],
      [3, '2026-12-04', true],
      [4, '2026-12-05', false],
    ]);
  });

  it('draws the drift share per batch, drifted batches in red, the threshold, gaps for batches without a current summary', () => {
    const render = () => batchHistoryChart(points, { document });
    const el = render();
    expectClean(el, render);
    expect(marks(el, 'batches', 'circle')).toHaveLength(1);
    expect(marks(el, 'drifted batches', 'circle')).toHaveLength(2);
    expect(marks(el, 'drifted batches', 'circle')[0]?.textContent).toBe('2026-12-02 · b.csv\ndrift share 0.5 (1/2 columns) · missing 0.1');
    const y = scale(el, 'y');
    expect(Number(marks(el, 'threshold', 'line')[0]?.getAttribute('y1'))).toBeCloseTo(y(0.5), 0);
    // The line breaks at the batch not computed and the stale one.
    expect(marks(el, 'drift share', 'path')[0]?.getAttribute('d')).toMatch(/M.*M/);
    expect(texts(el)).toContain('2026-12-01');
    expect(noData(batchHistoryChart([], { document }))).toEqual(['no batches yet']);
  });

  it('draws columns × batches by verdict, columns sorted by their first drift', () => {
    const el = batchHeatmap(points, { document });
    expectClean(el);
    const cells = marks(el, 'cells', 'rect');
    expect(cells).toHaveLength(10);
    // Batch by batch, y before x: y drifted first (batch b), x later (batch e).
    expect(cells.map((c) => c.textContent!.split(' · ')[0])).toEqual(['y', 'x', 'y', 'x', 'y', 'x', 'y', 'x', 'y', 'x']);
    expect(cells[0]?.textContent).toBe('y · 2026-12-01: not drifted (score 0.3)');
    expect(cells[2]?.textContent).toBe('y · 2026-12-02: drifted (score 0.01)');
    // Not computed (c) and computed against another reference (d): no value.
    expect(cells[4]?.textContent).toBe('y · 2026-12-03: no value (score n/a)');
    expect(cells[6]?.textContent).toBe('y · 2026-12-04: no value (score n/a)');
    const y = Number(cells[0]?.getAttribute('y'));
    expect(Number(cells[1]?.getAttribute('y'))).toBeGreaterThan(y);
    expect(cells.filter((c) => c.getAttribute('fill') === '#e45756')).toHaveLength(3); // b·y, e·x, e·y (d is stale)
  });
});

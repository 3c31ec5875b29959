import { describe, expect, it } from 'vitest';
import { prChart } from '../../../lib/charts/pr-chart';
import { document, reference, current, multiclass, marks, texts, vertices, scale, expectClean, expectNoData } from '../../support/charts/classification';

describe('prChart', () => {
  const render = () => prChart({ reference, current }, { document });
  const el = render();

  it('draws each side as a step line from recall 1 to recall 0 with AP in the key', () => {
    expectClean(el, render);
    const curves = marks(el, 'precision-recall curve', 'path');
    expect(curves.map((p) => p.getAttribute('stroke'))).toEqual(['#4c78a8', '#f58518']);
    const x = scale(el, 'x');
    for (const path of curves) {
      const points = vertices(path.getAttribute('d') ?? '');
      points.slice(1).forEach(([px, py], i) => {
        const [qx, qy] = points[i] ?? [];
        expect(px === qx || py === qy).toBe(true);
      });
      expect(points[0]?.[0]).toBeCloseTo(x(1), 0);
      expect(points.at(-1)?.[0]).toBeCloseTo(x(0), 0);
    }
    expect(texts(el)).toEqual(expect.arrayContaining([`reference  AP ${reference.average_precision?.toFixed(3)}`, 'recall', '↑ precision']));
  });

  it('has no curve for multiclass results', () => {
    expectNoData(prChart({ current: multiclass }, { document }));
  });
});

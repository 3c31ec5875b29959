import { describe, expect, it } from 'vitest';
import { rocChart } from '../../../lib/charts/roc-chart';
import { computeClassificationMetrics } from '../../../lib/metrics';
import { document, HOSTILE, reference, current, multiclass, marks, vertices, scale, expectClean, expectNoData } from '../../support/charts/classification';

describe('rocChart', () => {
  const render = () => rocChart({ reference, current }, { document });
  const el = render();

  it('draws a blue reference and an orange current curve over the chance diagonal', () => {
    expectClean(el, render);
    const curves = marks(el, 'ROC curve', 'path');
    expect(curves.map((p) => p.getAttribute('stroke'))).toEqual(['#4c78a8', '#f58518']);
    const [x, y] = [scale(el, 'x'), scale(el, 'y')];
    for (const path of curves) {
      const points = vertices(path.getAttribute('d') ?? '');
      expect(points[0]?.[0]).toBeCloseTo(x(0), 0);
      expect(points[0]?.[1]).toBeCloseTo(y(0), 0);
      expect(points.at(-1)?.[1]).toBeCloseTo(y(1), 0);
    }
    const diagonal = vertices(marks(el, 'chance diagonal', 'path')[0]?.getAttribute('d') ?? '');
    expect(diagonal).toHaveLength(2);
    expect(diagonal[0]?.[0]).toBeCloseTo(x(0), 0);
    expect(diagonal[1]?.[1]).toBeCloseTo(y(1), 0);
  });

  it('shows each AUC in the key, the accessible description and the curve tooltip', () => {
    const auc = (r: typeof reference) => (r.roc_auc ?? NaN).toFixed(3);
    const key = [`reference  AUC ${auc(reference)}`, `current  AUC ${auc(current)}`];
    expect(marks(el, 'key', 'text').map((t) => t.textContent)).toEqual(key);
    expect(el.getAttribute('aria-description')).toBe(key.join('; '));
    expect(marks(el, 'ROC curve', 'title').map((t) => t.textContent)).toEqual(key);
  });

  it('draws one side alone', () => {
    expect(marks(rocChart({ current }, { document }), 'ROC curve', 'path').map((p) => p.getAttribute('stroke'))).toEqual(['#f58518']);
  });

  it('draws one-vs-rest curves per class for a multiclass side; labels only as escaped text', () => {
    const chart = rocChart({ reference: current, current: multiclass }, { document });
    expectClean(chart);
    expect(marks(chart, 'ROC curve', 'path')).toHaveLength(3);
    const key = marks(chart, 'key', 'text').map((t) => t.textContent);
    expect(key).toEqual((multiclass.curves.roc_ovr ?? []).map((c) => `${c.label}  AUC ${c.auc?.toFixed(3)}`));
    expect(key).toContain(`${HOSTILE}  AUC 1.000`);
    expect(chart.outerHTML).not.toContain('<img');
    expect(chart.outerHTML).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // `side` picks the binary reference instead.
    expect(marks(rocChart({ reference: current, current: multiclass }, { document, side: 'reference' }), 'ROC curve', 'path')).toHaveLength(1);
  });

  it('draws at most 10 class curves and says how many are left out', () => {
    const labels = Array.from({ length: 12 }, (_, i) => `c${i}`);
    const rows = labels.flatMap((_, k) => [k, k]);
    const columns = labels.map((_, j) => rows.map((k, i) => (k === j ? 0.5 + (i % 2) * 0.2 : 0.05)));
    const many = computeClassificationMetrics({ target: rows.map((k) => labels[k] ?? ''), proba: { labels, columns } });
    const chart = rocChart({ current: many }, { document });
    expect(marks(chart, 'ROC curve', 'path')).toHaveLength(10);
    expect(marks(chart, 'key', 'text').at(-1)?.textContent).toBe('+2 more classes not drawn');
    expectClean(chart);
  });

  it('draws the empty frame with "no data" without results or curves', () => {
    expectNoData(rocChart({}, { document }));
    expectNoData(rocChart({ current: { ...current, curves: { roc: null, precision_recall: null } } }, { document }));
  });
});

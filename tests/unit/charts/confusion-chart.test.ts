import { describe, expect, it } from 'vitest';
import { confusionChart } from '../../../lib/charts/confusion-chart';
import { document, HOSTILE, reference, multiclass, all, marks, texts, expectClean, expectNoData } from '../../support/charts/classification';

describe('confusionChart', () => {
  it('draws a cell per (true, predicted) pair with its count and row share', () => {
    const render = () => confusionChart(reference, { document });
    const el = render();
    expectClean(el, render);
    expect(all(el, 'g[aria-label="cell"] rect')).toHaveLength(4);
    const values = marks(el, 'cell values', 'text').map((t) =>
      all(t, 'tspan')
        .map((s) => s.textContent)
        .join(' '),
    );
    const { matrix } = reference.confusion_matrix;
    const shares = reference.confusion_matrix_normalized.matrix;
    expect(values).toEqual(matrix.flatMap((row, i) => row.map((count, j) => `${count} ${Math.round(100 * (shares[i]?.[j] ?? 0))}%`)));
    expect(texts(el)).toEqual(expect.arrayContaining(['predicted', 'true', '0', '1']));
    // Darker cells get white text.
    expect(marks(el, 'cell values', 'text').map((t) => t.getAttribute('fill'))).toEqual(['white', 'black', 'black', 'white']);
  });

  it('puts true labels down the y axis and keeps hostile labels as text', () => {
    const el = confusionChart(multiclass, { document });
    expectClean(el);
    const y = all(el, 'g[aria-label="y-axis tick label"] text').map((t) => t.textContent);
    expect(multiclass.confusion_matrix.labels).toEqual([HOSTILE, 'a', 'b']);
    expect(y).toEqual([HOSTILE.slice(0, 15) + '…', 'a', 'b']);
    expect(all(el, 'g[aria-label="cell"] rect')).toHaveLength(9);
    expect(el.outerHTML).not.toContain('<img');
    expect(all(el, 'title').some((t) => t.textContent?.startsWith(`true ${HOSTILE}, predicted a`))).toBe(true);
  });

  it('leaves the numbers to tooltips when there are many classes, and handles no labels', () => {
    const labels = Array.from({ length: 13 }, (_, i) => `c${i}`);
    const matrix = labels.map((_, i) => labels.map((__, j) => (i === j ? 3 : 1)));
    const normalized = matrix.map((row) => row.map((v) => v / 15));
    const big = confusionChart({ confusion_matrix: { labels, matrix }, confusion_matrix_normalized: { labels, matrix: normalized } }, { document });
    expect(all(big, 'g[aria-label="cell"] rect')).toHaveLength(169);
    expect(marks(big, 'cell values', 'text')).toHaveLength(0);
    expectClean(big);
    expectNoData(confusionChart({ confusion_matrix: { labels: [], matrix: [] }, confusion_matrix_normalized: { labels: [], matrix: [] } }, { document }));
  });
});

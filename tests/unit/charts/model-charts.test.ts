import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { calibrationChart } from '../../../lib/charts/calibration-chart';
import { confusionChart } from '../../../lib/charts/confusion-chart';
import { prChart } from '../../../lib/charts/pr-chart';
import { rocChart } from '../../../lib/charts/roc-chart';
import { thresholdChart } from '../../../lib/charts/threshold-chart';
import { computeClassificationMetrics } from '../../../lib/metrics';

const newDocument = (): Document => parseHTML('<!doctype html><html><body></body></html>').document;
const document = newDocument();
const HOSTILE = '<img src=x onerror=alert(1)>';

const target = [0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0];
const reference = computeClassificationMetrics({ target, score: [0.1, 0.4, 0.35, 0.8, 0.2, 0.9, 0.6, 0.7, 0.55, 0.3, 0.65, 0.05] }, { calibrationBins: 4 });
const current = computeClassificationMetrics({ target, score: [0.5, 0.2, 0.3, 0.9, 0.6, 0.45, 0.7, 0.4, 0.8, 0.1, 0.35, 0.25] }, { calibrationBins: 4 });
const proba = {
  labels: ['a', 'b', HOSTILE],
  columns: [
    [0.6, 0.2, 0.1, 0.5, 0.3, 0.2, 0.7, 0.1],
    [0.3, 0.6, 0.2, 0.3, 0.4, 0.2, 0.2, 0.3],
    [0.1, 0.2, 0.7, 0.2, 0.3, 0.6, 0.1, 0.6],
  ],
};
const multiclass = computeClassificationMetrics({ target: ['a', 'b', HOSTILE, 'a', 'b', HOSTILE, 'b', HOSTILE], proba });

const all = (el: Element, selector: string) => Array.from(el.querySelectorAll(selector));
const marks = (el: Element, description: string, child = '*') => all(el, `g[aria-description="${description}"] ${child}`);
const texts = (el: Element) => all(el, 'text').map((t) => t.textContent ?? '');
const vertices = (d: string) => Array.from(d.matchAll(/[ML]([-\d.]+),([-\d.]+)/g), (m) => [Number(m[1]), Number(m[2])] as const);

/** The axis' linear scale, recovered from its first and last tick labels (as in ecdf-chart.test.ts). */
function scale(el: Element, axis: 'x' | 'y'): (v: number) => number {
  const ticks = all(el, `g[aria-label="${axis}-axis tick label"] text`).map((t) => {
    const [, x = '', y = ''] = /translate\(([^,]+),([^)]+)\)/.exec(t.getAttribute('transform') ?? '') ?? [];
    return { value: Number(t.textContent?.replace('−', '-')), px: Number(axis === 'x' ? x : y) };
  });
  const [a, b] = [ticks[0], ticks.at(-1)];
  if (!a || !b || a.value === b.value) throw new Error(`no ${axis} ticks`);
  return (v) => a.px + ((v - a.value) * (b.px - a.px)) / (b.value - a.value);
}

/** What every chart must satisfy: one <svg>, no NaN/Infinity/undefined anywhere, deterministic. */
function expectClean(el: Element, render?: () => Element): void {
  expect(el.tagName.toLowerCase()).toBe('svg');
  const markup = el.outerHTML;
  expect(markup).not.toMatch(/NaN|Infinity|undefined/);
  expect(markup).not.toMatch(/\bid="|url\(/);
  if (render) expect(render().outerHTML).toBe(markup);
}

const expectNoData = (el: Element) => {
  expect(marks(el, 'no data', 'text').map((t) => t.textContent)).toEqual([expect.stringMatching(/^no data/)]);
  expect(all(el, 'rect[aria-label="frame"]')).toHaveLength(1);
  expectClean(el);
};

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

describe('calibrationChart', () => {
  const render = () => calibrationChart({ reference, current }, { document });
  const el = render();

  it('draws a dot per non-empty bin, sized by its rows, over the diagonal', () => {
    expectClean(el, render);
    const bins = (r: typeof reference) => r.calibration?.counts.length ?? 0;
    const dots = marks(el, 'calibration bins', 'circle');
    expect(dots).toHaveLength(bins(reference) + bins(current));
    expect(marks(el, 'calibration curve', 'path')).toHaveLength(2);
    expect(marks(el, 'perfect calibration', 'path')).toHaveLength(1);
    // Dot area grows with the bin's rows.
    const byCount = dots.map((d) => ({ n: Number(/(\d+) rows/.exec(d.textContent ?? '')?.[1]), r: Number(d.getAttribute('r')) })).sort((a, b) => a.n - b.n);
    byCount.slice(1).forEach((d, i) => expect(d.r).toBeGreaterThanOrEqual(byCount[i]?.r ?? 0));
    expect(byCount.at(-1)?.r).toBeGreaterThan(byCount[0]?.r ?? 0);
  });

  it('puts each dot at (mean predicted, observed rate) and ECE in the key', () => {
    const [x, y] = [scale(el, 'x'), scale(el, 'y')];
    const cal = reference.calibration;
    const first = marks(el, 'calibration bins', 'circle').find(
      (d) => d.getAttribute('fill') === '#4c78a8' && d.textContent?.includes(`predicted ${cal?.prob_pred[0]?.toFixed(2)}`),
    );
    expect(Number(first?.getAttribute('cx'))).toBeCloseTo(x(cal?.prob_pred[0] ?? NaN), 0);
    expect(Number(first?.getAttribute('cy'))).toBeCloseTo(y(cal?.prob_true[0] ?? NaN), 0);
    expect(marks(el, 'key', 'text').map((t) => t.textContent)).toEqual([
      `reference  ECE ${cal?.ece.toFixed(3)}`,
      `current  ECE ${current.calibration?.ece.toFixed(3)}`,
    ]);
    expect(texts(el)).toEqual(expect.arrayContaining(['mean predicted probability', '↑ fraction of positives']));
  });

  it('labels the top-label reliability of a multiclass result and copes with no calibration', () => {
    const top = calibrationChart({ current: multiclass }, { document });
    expect(texts(top)).toEqual(expect.arrayContaining(['mean top-label confidence', '↑ accuracy']));
    expectClean(top);
    expectNoData(calibrationChart({ current: { calibration: null } }, { document }));
  });
});

describe('thresholdChart', () => {
  const render = () => thresholdChart(reference, { document, threshold: 0.5 });
  const el = render();

  it('draws precision, recall, F1 and selection rate against the threshold', () => {
    expectClean(el, render);
    expect(marks(el, 'metric lines', 'path')).toHaveLength(4);
    expect(marks(el, 'key', 'text').map((t) => t.textContent)).toEqual(['precision', 'recall', 'F1', 'selection rate']);
    expect(marks(thresholdChart(reference, { document, metrics: ['accuracy'] }), 'metric lines', 'path')).toHaveLength(1);
  });

  it('marks the threshold in use with a rule and the best F1 with a dot', () => {
    const x = scale(el, 'x');
    const rule = marks(el, 'threshold in use', 'line')[0];
    expect(Number(rule?.getAttribute('x1'))).toBeCloseTo(x(0.5), 0);
    expect(texts(el)).toContain('t = 0.5');
    const best = reference.threshold_sweep?.best_f1;
    const dot = marks(el, 'best F1', 'circle')[0];
    expect(Number(dot?.getAttribute('cx'))).toBeCloseTo(x(best?.threshold ?? NaN), 0);
    expect(dot?.textContent).toBe(`best F1 ${best?.f1.toFixed(3)} at t = ${best?.threshold}`);
  });

  it('draws no rule without a threshold, and "no data" without a sweep', () => {
    expect(marks(thresholdChart(reference, { document }), 'threshold in use', 'line')).toHaveLength(0);
    expect(marks(thresholdChart(reference, { document, threshold: Number.NaN }), 'threshold in use', 'line')).toHaveLength(0);
    expectNoData(thresholdChart(multiclass, { document }));
  });
});

import { describe, expect, it } from 'vitest';
import { thresholdChart } from '../../../lib/charts/threshold-chart';
import { document, reference, multiclass, marks, texts, scale, expectClean, expectNoData } from '../../support/charts/classification';

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

import { describe, expect, it } from 'vitest';
import { calibrationChart } from '../../../lib/charts/calibration-chart';
import { document, reference, current, multiclass, marks, texts, scale, expectClean, expectNoData } from '../../support/charts/classification';

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

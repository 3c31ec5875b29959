import { describe, expect, it } from 'vitest';
import { intervalChart, type IntervalPoint } from '../../../lib/charts/card-chart';
import { SIDE_COLORS } from '../../../lib/charts/palette';
import { all, document, expectClean, marks, noData, scale, texts } from '../../support/charts/operational';

const HOSTILE = '<img src=x onerror=alert(1)>';
const points: IntervalPoint[] = [
  { row: 'accuracy', side: 'reference', value: 0.8734, lower: 0.8668, upper: 0.8799 },
  { row: 'accuracy', side: 'current', value: 0.8412, lower: 0.827, upper: 0.8548 },
  { row: HOSTILE, side: 'current', value: 0.25 },
];

describe('intervalChart', () => {
  const render = () => intervalChart(points, { document, domain: [0, 1] });
  const el = render();

  it('draws a dot per value and a whisker per interval, on the value scale, in the side colours', () => {
    expectClean(el, render);
    const x = scale(el, 'x');
    const ref = marks(el, 'reference values', 'circle');
    const cur = marks(el, 'current values', 'circle');
    expect(ref).toHaveLength(1);
    expect(cur).toHaveLength(2);
    expect(Number(ref[0]?.getAttribute('cx'))).toBeCloseTo(x(0.8734), 0);
    expect(Number(cur[1]?.getAttribute('cx'))).toBeCloseTo(x(0.25), 0);
    expect(el.querySelector('g[aria-description="reference values"]')?.getAttribute('fill')).toBe(SIDE_COLORS.reference);
    const whiskers = marks(el, 'current intervals', 'line');
    expect(whiskers).toHaveLength(1);
    expect(Number(whiskers[0]?.getAttribute('x1'))).toBeCloseTo(x(0.827), 0);
    expect(Number(whiskers[0]?.getAttribute('x2'))).toBeCloseTo(x(0.8548), 0);
    // Reference sits above current in the same row (Plot writes dy as the mark's translation).
    const dy = (side: string) =>
      Number(/translate\([^,]+,([^)]+)\)/.exec(el.querySelector(`g[aria-description="${side} values"]`)?.getAttribute('transform') ?? '')?.[1]);
    expect(ref[0]?.getAttribute('cy')).toBe(cur[0]?.getAttribute('cy'));
    expect(dy('reference') + 8).toBeCloseTo(dy('current'), 5);
    expect(marks(el, 'key', 'text').map((t) => t.textContent)).toEqual(['● current', '● reference']);
  });

  it('keeps a hostile row label as text (never markup), cut to fit', () => {
    expect(el.outerHTML).not.toContain('<img');
    expect(texts(el)).toContain('<img src=x onerror=alert(1)>');
    const long = intervalChart([{ row: 'x'.repeat(60), side: 'current', value: 0.5 }], { document });
    expect(texts(long)).toContain(`${'x'.repeat(33)}…`);
  });

  it('draws one panel per facet sharing the rows, and "no data" for nothing', () => {
    const faceted = intervalChart(
      [
        { row: 'city = A', side: 'current', value: 0.5, lower: 0.4, upper: 0.6, facet: 'accuracy' },
        { row: 'city = B', side: 'current', value: 0.7, facet: 'accuracy' },
        { row: 'city = A', side: 'current', value: 0.2, facet: 'selection rate' },
      ],
      { document, domain: [0, 1] },
    );
    expectClean(faceted);
    expect(texts(faceted).filter((t) => t === 'accuracy' || t === 'selection rate')).toEqual(['accuracy', 'selection rate']);
    expect(all(faceted, 'g[aria-description="current values"] circle')).toHaveLength(3);
    expect(marks(faceted, 'key', 'text').map((t) => t.textContent)).toEqual(['● current']);
    const none = intervalChart([], { document });
    expectClean(none);
    expect(noData(none)).toEqual(['no data']);
  });

  it('scales to the data when no domain is given (a metric outside [0, 1])', () => {
    const mae = intervalChart(
      [
        { row: 'MAE', side: 'reference', value: 120.5, lower: 110, upper: 131 },
        { row: 'MAE', side: 'current', value: 180.25, lower: 170, upper: 190 },
      ],
      { document },
    );
    expectClean(mae);
    const x = scale(mae, 'x');
    expect(Number(marks(mae, 'current values', 'circle')[0]?.getAttribute('cx'))).toBeCloseTo(x(180.25), 0);
  });
});

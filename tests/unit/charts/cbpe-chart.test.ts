import { describe, expect, it } from 'vitest';
import { cbpeChart } from '../../../lib/charts/cbpe-chart';
import { document, cbpe, marks, texts, scale, expectClean, noData } from '../../support/charts/operational';

describe('cbpeChart', () => {
  const render = () => cbpeChart(cbpe, { document });
  const el = render();
  const chunks = cbpe.chunks ?? [];

  it('draws the estimate per chunk inside its sampling band, and realized values where labelled', () => {
    expectClean(el, render);
    expect(chunks).toHaveLength(3);
    expect(marks(el, 'sampling band', 'path')).toHaveLength(1);
    expect(marks(el, 'estimated points', 'circle')).toHaveLength(3);
    expect(marks(el, 'realized points', 'circle')).toHaveLength(2);
    expect(marks(el, 'key', 'text').map((t) => t.textContent)).toEqual(['estimated ± 3 SE', 'realized', 'reference']);
    const y = scale(el, 'y');
    const dot = marks(el, 'estimated points', 'circle')[0];
    expect(Number(dot?.getAttribute('cy'))).toBeCloseTo(y(chunks[0]?.estimated.rocAuc ?? NaN), 0);
    expect(dot?.textContent).toMatch(/^chunk 0: rows 0–9\nestimated 0\.\d{3} \[0\.\d{3}, 1\.000\]; realized 1\.000$/);
  });

  it('draws the reference’s realized value as a rule', () => {
    const y = scale(el, 'y');
    const rule = marks(el, 'reference', 'line')[0];
    expect(Number(rule?.getAttribute('y1'))).toBeCloseTo(y(cbpe.reference.realized.rocAuc ?? NaN), 0);
  });

  it('draws another metric, a lone chunk’s band as an error bar, and "no data" without chunks', () => {
    const accuracy = cbpeChart(cbpe, { document, metric: 'accuracy' });
    expect(texts(accuracy)).toContain('↑ accuracy');
    expectClean(accuracy);
    const one = cbpeChart({ ...cbpe, chunks: chunks.slice(2) }, { document });
    expect(marks(one, 'sampling band', 'line')).toHaveLength(1);
    expect(marks(one, 'realized points', 'circle')).toHaveLength(0);
    expectClean(one);
    const none = cbpeChart({ ...cbpe, chunks: undefined }, { document });
    expect(noData(none)).toEqual(['no data: no chunks']);
    expectClean(none);
  });

  it('puts time chunks on a UTC time axis', () => {
    const timed = cbpeChart(cbpe, { document, time: true });
    expectClean(timed);
    expect(marks(timed, 'estimated points', 'circle')[0]?.textContent).toMatch(/^chunk 0: 1970-01-01T00:00:00.000Z – /);
  });
});

import { Dictionary, Float64, Int32, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { customChart } from '../../../lib/charts/custom-chart';
import { computeChartData } from '../../../lib/explore/chart-data';
import type { Dataset } from '../../../lib/data/types';
import type { ChartConfig, ChartData } from '../../../lib/explore/chart-types';
import type { ColumnType } from '../../../lib/data/types';

const newDocument = (): Document => parseHTML('<!doctype html><html><body></body></html>').document;

const XSS = '</script><script>alert(1)</script>';
const REF = '#4c78a8';
const CUR = '#f58518';

/** A small deterministic dataset: n rows, numbers, a date, a city (with a hostile name) and a flag. */
function dataset(n: number, shift: number): Dataset {
  const columns: Record<string, { type: ColumnType; values: (number | string | null)[] }> = {
    value: { type: 'numeric', values: Array.from({ length: n }, (_, i) => ((i * 37) % 101) + shift) },
    other: { type: 'numeric', values: Array.from({ length: n }, (_, i) => ((i * 53) % 89) / 3 - shift) },
    day: { type: 'datetime', values: Array.from({ length: n }, (_, i) => new Date(Date.UTC(2024, 0, 1 + ((i * 7) % 60) + shift)).toISOString().slice(0, 10)) },
    city: { type: 'categorical', values: Array.from({ length: n }, (_, i) => ['Paris', 'Oslo', XSS, 'Lima'][(i * 3 + shift) % 4]!) },
    flag: { type: 'boolean', values: Array.from({ length: n }, (_, i) => String(i % 3 === 0)) },
  };
  const table = new Table(
    Object.fromEntries(
      Object.entries(columns).map(([name, { type, values }]) => [
        name,
        type === 'numeric' ? vectorFromArray(values as number[], new Float64()) : vectorFromArray(values as string[], new Dictionary(new Utf8(), new Int32())),
      ]),
    ),
  );
  const schema = Object.entries(columns).map(([name, { type }]) => ({ name, type }));
  return { meta: { id: `d${shift}`, name: `d${shift}.csv`, format: 'csv', sha256: '', bytes: 0, rows: n, schema, warnings: [], createdAt: '' }, table };
}

const reference = dataset(240, 0);
const current = dataset(200, 5);
const dataOf = (config: ChartConfig): ChartData => computeChartData(reference, current, config);
const draw = (data: ChartData) => customChart(data, { document: newDocument(), width: 640, height: 300 });

const marksOf = (el: Element, label: string, child: string) => Array.from(el.querySelectorAll(`g[aria-label="${label}"] ${child}`));
const fills = (list: Element[]) => list.map((e) => e.getAttribute('fill'));
/** Each <text>'s own text (without its <title> tooltip). */
const texts = (el: Element) => Array.from(el.querySelectorAll('text')).map((t) => t.firstChild?.textContent ?? '');

/** Every chart: one <svg>, a legend naming the drawn sides, no NaN/undefined, stable rounded markup. */
function expectWellFormed(el: Element, data: ChartData): void {
  expect(el.tagName.toLowerCase()).toBe('svg');
  const markup = el.outerHTML;
  expect(markup).not.toMatch(/NaN|undefined|Infinity/);
  expect(markup.match(/="[^"]*\d\.\d{3,}[^"]*"/g) ?? []).toEqual([]);
  expect(markup).not.toMatch(/https?:|url\(|\bid="/);
  expect(markup).not.toContain('<script>');
  for (const side of data.sides!) expect(texts(el)).toContain(side);
  expect(draw(data).outerHTML).toBe(markup);
}

describe('customChart', () => {
  it('histogram: one rect per side and bin, blue and orange, heights as % of each side', () => {
    const data = dataOf({ mark: 'histogram', x: 'value' });
    const el = draw(data);
    expectWellFormed(el, data);
    const rects = marksOf(el, 'rect', 'rect');
    expect(rects).toHaveLength(data.data.length);
    expect(fills(rects).filter((f) => f === REF)).toHaveLength(data.data.filter((d) => d.side === 'reference').length);
    expect(fills(rects).filter((f) => f === CUR)).toHaveLength(data.data.filter((d) => d.side === 'current').length);
    expect(texts(el)).toEqual(expect.arrayContaining(['value', '↑ % of rows']));
    expect(el.querySelector('g[aria-label="rect"] title')?.textContent).toMatch(/^reference: \d+(\.\d)?% \(\d+\) in \[/);
    expect(el.getAttribute('aria-label')).toBe('Histogram of value: reference and current');
  });

  it('histogram by facet: titled panels, each with its own bars, the legend once', () => {
    const data = dataOf({ mark: 'histogram', x: 'value', facet: 'city' });
    const el = draw(data);
    expectWellFormed(el, data);
    expect(data.facets).toHaveLength(4);
    expect(marksOf(el, 'rect', 'rect')).toHaveLength(data.data.length);
    // linkedom serialises text, so the hostile facet value stays text.
    expect(texts(el)).toEqual(expect.arrayContaining(['Paris', 'Oslo', 'Lima']));
    expect(el.outerHTML).toContain('&lt;/script&gt;');
    expect(texts(el).filter((t) => t === 'reference')).toHaveLength(1);
    expect(Number(el.getAttribute('height'))).toBeGreaterThan(300);
  });

  it('bar: two bars per category, grouped by side', () => {
    const data = dataOf({ mark: 'bar', x: 'city' });
    const el = draw(data);
    expectWellFormed(el, data);
    const bars = marksOf(el, 'bar', 'rect');
    expect(bars).toHaveLength(8);
    expect(fills(bars).filter((f) => f === REF)).toHaveLength(4);
    expect(marksOf(el, 'fx-axis tick label', 'text')).toHaveLength(4);
    expect(texts(el).filter((t) => t === 'current')).toHaveLength(1);
  });

  it('bar by facet: one panel row per facet value', () => {
    const data = dataOf({ mark: 'bar', x: 'city', facet: 'flag' });
    const el = draw(data);
    expectWellFormed(el, data);
    expect(marksOf(el, 'bar', 'rect')).toHaveLength(16);
    expect(marksOf(el, 'fy-axis tick label', 'text').map((t) => t.textContent)).toEqual(['false', 'true']);
  });

  it('line: one path per side on a time axis, a dot per bin', () => {
    const data = dataOf({ mark: 'line', x: 'day', y: 'value' });
    const el = draw(data);
    expectWellFormed(el, data);
    const paths = marksOf(el, 'line', 'path');
    expect(paths).toHaveLength(2);
    expect(paths.map((p) => p.getAttribute('stroke'))).toEqual([REF, CUR]);
    expect(marksOf(el, 'dot', 'circle')).toHaveLength(data.data.filter((d) => d.mean !== null).length);
    expect(Array.from(el.querySelectorAll('g[aria-label="x-axis tick label"] text')).map((t) => t.textContent)).toContain('7Jan');
  });

  it('scatter: one dot per sampled point', () => {
    const data = dataOf({ mark: 'scatter', x: 'value', y: 'other' });
    const el = draw(data);
    expectWellFormed(el, data);
    expect(marksOf(el, 'dot', 'circle')).toHaveLength(440);
  });

  it('box: whisker, IQR bar and median tick per side and group, from the precomputed stats', () => {
    const data = dataOf({ mark: 'box', y: 'value', x: 'city' });
    const el = draw(data);
    expectWellFormed(el, data);
    expect(data.data).toHaveLength(8);
    expect(marksOf(el, 'rule', 'line')).toHaveLength(8);
    expect(marksOf(el, 'bar', 'rect')).toHaveLength(8);
    expect(marksOf(el, 'tick', 'line')).toHaveLength(8);
    // The IQR bar spans q1..q3: its height relative to the whisker's matches the data.
    const d = data.data[0]!;
    const bar = marksOf(el, 'bar', 'rect')[0]!;
    const rule = marksOf(el, 'rule', 'line')[0]!;
    const ruleLength = Number(rule.getAttribute('y2')) - Number(rule.getAttribute('y1'));
    const ratio = Number(bar.getAttribute('height')) / Math.abs(ruleLength);
    const want = ((d.q3 as number) - (d.q1 as number)) / ((d.whiskerHigh as number) - (d.whiskerLow as number));
    expect(Math.abs(ratio - want)).toBeLessThan(0.02);
  });

  it('box without groups: one box per side, sides named on the axis', () => {
    const data = dataOf({ mark: 'box', y: 'other', sides: 'current' });
    const el = draw(data);
    expectWellFormed(el, data);
    expect(marksOf(el, 'bar', 'rect')).toHaveLength(1);
    expect(texts(el)).not.toContain('reference');
  });

  it('says so when there is nothing to draw', () => {
    const empty: ChartData = { kind: 'chart', mark: 'histogram', x: 'value', notes: [], warnings: [], data: [], sides: ['reference'] };
    const el = draw(empty);
    expect(texts(el)).toContain('No values to draw');
    expect(el.outerHTML).not.toContain('NaN');
  });

  it('matches the snapshots', () => {
    for (const config of [
      { mark: 'histogram', x: 'value' },
      { mark: 'bar', x: 'city', facet: 'flag' },
      { mark: 'line', x: 'day' },
      { mark: 'box', y: 'value', x: 'city' },
    ] satisfies ChartConfig[]) {
      expect(draw(dataOf(config)).outerHTML).toMatchSnapshot(config.mark);
    }
  });
});

import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { distributionChart, sparkline } from '../../../lib/charts/distribution-chart';
import type { DistributionSummary } from '../../../lib/drift/types';

const newDocument = (): Document => parseHTML('<!doctype html><html><body></body></html>').document;

const histogram: DistributionSummary = {
  kind: 'histogram',
  edges: [0, 0.1, 0.2, 0.3, 0.4, 0.5],
  reference: [10, 20, 40, 20, 10],
  current: [5, 10, 20, 40, 25],
};

const XSS = '</script><script>alert(1)</script>';
const categories: DistributionSummary = {
  kind: 'categories',
  categories: ['red', 'a rather long category label', XSS],
  reference: [50, 30, 10],
  current: [20, 30, 40],
  otherReference: 10,
  otherCurrent: 10,
  distinct: 7,
};

const rects = (el: Element, mark: string) => Array.from(el.querySelectorAll(`g[aria-label="${mark}"] rect`));
const fills = (list: Element[]) => list.map((r) => r.getAttribute('fill'));
const round = (x: number) => Math.round(x * 10) / 10;

describe('distributionChart (histogram)', () => {
  const el = distributionChart(histogram, { document: newDocument(), label: 'score' });

  it('is one <svg> with two rects per bin, blue reference and orange current', () => {
    expect(el.tagName.toLowerCase()).toBe('svg');
    const bars = rects(el, 'rect');
    expect(bars).toHaveLength(10);
    expect(fills(bars).filter((f) => f === '#4c78a8')).toHaveLength(5);
    expect(fills(bars).filter((f) => f === '#f58518')).toHaveLength(5);
  });

  it('draws bar heights proportional to percent of each side', () => {
    const heights = rects(el, 'rect').map((r) => Number(r.getAttribute('height')));
    const ref = heights.slice(0, 5);
    const max = Math.max(...heights); // current's 40% bin is the tallest
    expect(ref.map((h) => round((h / max) * 40))).toEqual([10, 20, 40, 20, 10]);
  });

  it('labels the axes and the sides, with percent tooltips', () => {
    const texts = Array.from(el.querySelectorAll('text')).map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['score', '↑ % of rows', 'reference', 'current']));
    expect(el.querySelector('g[aria-label="rect"] title')?.textContent).toBe('reference: 10% (10) in [0, 0.1)');
  });

  it('rounds geometry to two decimals and is identical across renders', () => {
    const markup = el.outerHTML;
    expect(markup).not.toMatch(/\d\.\d{3,}/);
    expect(distributionChart(histogram, { document: newDocument(), label: 'score' }).outerHTML).toBe(markup);
  });

  it('contains no external reference and no random ids', () => {
    const markup = el.outerHTML;
    expect(markup).not.toMatch(/https?:|url\(|\bid="/);
  });

  it('matches the snapshot', () => {
    expect(el.outerHTML).toMatchSnapshot();
  });

  it('survives a constant column (zero-width single bin)', () => {
    const one = distributionChart({ kind: 'histogram', edges: [3, 3], reference: [5], current: [0] }, { document: newDocument() });
    expect(rects(one, 'rect')).toHaveLength(2);
    expect(one.outerHTML).not.toContain('NaN');
  });
});

describe('distributionChart (categories)', () => {
  const el = distributionChart(categories, { document: newDocument(), label: 'colour' });
  const ticks = Array.from(el.querySelectorAll('g[aria-label="fx-axis tick label"] text'));

  it('draws grouped bars: two per category plus two for "other"', () => {
    const bars = rects(el, 'bar');
    expect(bars).toHaveLength(8);
    expect(fills(bars).filter((f) => f === '#4c78a8')).toHaveLength(4);
  });

  it('labels "other (N categories)" and truncates long labels, keeping the full one in <title>', () => {
    expect(ticks).toHaveLength(4);
    const titles = ticks.map((t) => t.querySelector('title')?.textContent);
    expect(titles).toEqual(['red', 'a rather long category label', XSS, 'other (4 categories)']);
    const shown = ticks[1]?.firstChild?.textContent ?? '';
    expect(shown.endsWith('…')).toBe(true);
    expect(shown.length).toBeLessThan('a rather long category label'.length);
  });

  it('sets user strings as text, so they serialize escaped', () => {
    const markup = el.outerHTML;
    expect(markup).not.toContain('<script>');
    expect(markup).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('draws the "other" bar lighter and heights as percent of side total', () => {
    const bars = rects(el, 'bar');
    const byTitle = (needle: string) => bars.find((r) => r.querySelector('title')?.textContent?.startsWith(needle));
    expect(byTitle('other')?.getAttribute('fill-opacity')).toBe('0.5');
    const red = Number(byTitle('red\nreference')?.getAttribute('height'));
    const other = Number(byTitle('other (4 categories)\nreference')?.getAttribute('height'));
    expect(round(red / other)).toBe(5); // 50% vs 10%
  });

  it('rotates labels when there are many categories', () => {
    const many: DistributionSummary = {
      kind: 'categories',
      categories: Array.from({ length: 12 }, (_, i) => `category_${i}`),
      reference: Array.from({ length: 12 }, () => 1),
      current: Array.from({ length: 12 }, (_, i) => i),
      otherReference: 0,
      otherCurrent: 0,
      distinct: 12,
    };
    const chart = distributionChart(many, { document: newDocument() });
    expect(rects(chart, 'bar')).toHaveLength(24);
    expect(chart.querySelector('g[aria-label="fx-axis tick label"] text')?.getAttribute('transform')).toContain('rotate(-30)');
  });

  it('matches the snapshot', () => {
    expect(el.outerHTML).toMatchSnapshot();
  });
});

describe("distributionChart (mode: 'count')", () => {
  // Current has twice the rows, so counts and percents give different bar heights.
  const histogram2x: DistributionSummary = { ...histogram, current: [10, 20, 40, 80, 50] };
  const categories2x: DistributionSummary = { ...categories, current: [20, 60, 40], otherCurrent: 80 };
  const heights = (list: Element[]) => list.map((r) => Number(r.getAttribute('height')));

  it('draws histogram bars proportional to raw counts, labelled "count"', () => {
    const el = distributionChart(histogram2x, { document: newDocument(), label: 'score', mode: 'count' });
    const bars = heights(rects(el, 'rect'));
    const max = Math.max(...bars); // current's 80 is the tallest
    expect(bars.map((h) => round((h / max) * 80))).toEqual([10, 20, 40, 20, 10, 10, 20, 40, 80, 50]);
    const texts = Array.from(el.querySelectorAll('text')).map((t) => t.textContent);
    expect(texts).toContain('↑ count');
    expect(texts).not.toContain('↑ % of rows');
    expect(el.querySelector('g[aria-label="rect"] title')?.textContent).toBe('reference: 10 (10%) in [0, 0.1)');
  });

  it('draws category bars, "other" included, proportional to raw counts', () => {
    const el = distributionChart(categories2x, { document: newDocument(), mode: 'count' });
    const bars = rects(el, 'bar');
    expect(bars).toHaveLength(8);
    const max = Math.max(...heights(bars)); // current's "other" (80)
    const byTitle = (needle: string) => bars.find((r) => r.querySelector('title')?.textContent?.startsWith(needle));
    const scaled = (needle: string) => round((Number(byTitle(needle)?.getAttribute('height')) / max) * 80);
    expect(scaled('red\nreference')).toBe(50);
    expect(scaled('red\ncurrent')).toBe(20);
    expect(scaled('other (4 categories)\nreference')).toBe(10);
    expect(scaled('other (4 categories)\ncurrent')).toBe(80);
    expect(byTitle('other (4 categories)\ncurrent')?.querySelector('title')?.textContent).toBe('other (4 categories)\ncurrent: 80 (40%)');
    expect(Array.from(el.querySelectorAll('text')).map((t) => t.textContent)).toContain('↑ count');
  });

  it("defaults to 'percent', unchanged", () => {
    const percent = distributionChart(histogram2x, { document: newDocument(), mode: 'percent' }).outerHTML;
    expect(distributionChart(histogram2x, { document: newDocument() }).outerHTML).toBe(percent);
    expect(distributionChart(histogram2x, { document: newDocument(), mode: 'count' }).outerHTML).not.toBe(percent);
  });

  it('applies to sparklines too', () => {
    const el = sparkline(histogram2x, { document: newDocument(), mode: 'count' });
    const bars = heights(rects(el, 'rect'));
    expect(round(bars[0]! / bars[8]!)).toBe(0.1); // reference 10 vs current 80
  });
});

describe('sparkline', () => {
  it('is a tiny chart without axes or text', () => {
    const el = sparkline(histogram, { document: newDocument() });
    expect(el.getAttribute('width')).toBe('120');
    expect(el.getAttribute('height')).toBe('28');
    expect(el.querySelectorAll('text')).toHaveLength(0);
    expect(rects(el, 'rect')).toHaveLength(10);
  });

  it('draws category sparklines with the "other" bar', () => {
    const el = sparkline(categories, { document: newDocument(), width: 100, height: 20 });
    expect(el.getAttribute('width')).toBe('100');
    expect(rects(el, 'bar')).toHaveLength(8);
    expect(el.querySelectorAll('text')).toHaveLength(0);
  });
});

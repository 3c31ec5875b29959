import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { showChartControls } from '../../../lib/charts/chart-text';
import { distributionChart } from '../../../lib/charts/distribution-chart';
import { fairnessChart } from '../../../lib/charts/fairness-chart';
import type { DistributionSummary } from '../../../lib/drift/types';
import { fairnessCell } from '../../../lib/notebook/kinds/fairness';
import { ingestCsv } from '../../../lib/data/ingest';

const newDocument = (): Document => parseHTML('<!doctype html><html><body></body></html>').document;
const RAW = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const texts = (el: Element) => [...el.querySelectorAll('text, tspan, title')].map((t) => t.textContent ?? '');

const categories: DistributionSummary = {
  kind: 'categories',
  categories: ['x\u202e.csv', '\u2067Rome\u2069', 'plain'],
  reference: [50, 30, 10],
  current: [20, 30, 40],
  otherReference: 0,
  otherCurrent: 0,
  distinct: 3,
};

describe('showChartControls', () => {
  it('shows bidi controls in tick labels and the axis label of a category chart, and changes nothing else', () => {
    const chart = distributionChart(categories, { document: newDocument(), label: 'city\u202d' });
    const before = texts(chart);
    expect(before.some((t) => RAW.test(t))).toBe(true);
    const shown = showChartControls(chart);
    expect(shown).toBe(chart);
    const after = texts(chart);
    expect(after.filter((t) => RAW.test(t))).toEqual([]);
    expect(after).toContain('x⟨U+202E⟩.csv');
    expect(after).toContain('⟨U+2067⟩Rome⟨U+2069⟩');
    expect(after.some((t) => t.includes('city⟨U+202D⟩'))).toBe(true);
    // Text without controls is untouched.
    expect(after.filter((t) => !t.includes('⟨U+'))).toEqual(before.filter((t) => !RAW.test(t)));
  });

  it('shows controls in group names of a fairness chart, in attributes too', async () => {
    const csv = 'y,pred,g\n' + Array.from({ length: 12 }, (_, i) => `${i % 2},${i % 3 === 0 ? 1 : 0},${i % 2 ? 'f\u202e' : 'm\u2066'}`).join('\n');
    const data = await ingestCsv(new TextEncoder().encode(csv), 'f.csv');
    const result = fairnessCell(data, undefined, { target: 'y', prediction: 'pred', sensitive: ['g'] });
    const chart = fairnessChart(result.reference, { document: newDocument() });
    chart.setAttribute('aria-label', 'groups m\u2066');
    showChartControls(chart);
    expect(chart.outerHTML).not.toMatch(RAW);
    expect(texts(chart).join(' ')).toContain('f⟨U+202E⟩');
    expect(chart.getAttribute('aria-label')).toBe('groups m⟨U+2066⟩');
  });
});

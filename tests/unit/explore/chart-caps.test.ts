import { describe, expect, it } from 'vitest';
import { computeChartData } from '../../../lib/explore/chart-data';
import { ingestCsv } from '../../../lib/data/ingest';

const encoder = new TextEncoder();

describe('custom chart labels are capped like every embedded value', () => {
  it('bars and panels of a 100,000-character category: labels cut to 200 characters, counts of the full value, a note', async () => {
    const long = 'L'.repeat(100_000);
    const lines = ['cat,group,v', ...Array.from({ length: 12 }, (_, i) => `${i < 8 ? long : 'short'},${i % 2 ? long : 'g'},${i}`)];
    const dataset = await ingestCsv(encoder.encode(`${lines.join('\n')}\n`), 'data.csv');
    const cut = `${'L'.repeat(200)}… (100,000 characters)`;

    const bars = computeChartData(dataset, undefined, { mark: 'bar', x: 'cat', sides: 'reference' });
    expect(bars.domain).toEqual([cut, 'short']);
    expect(bars.data.find((d) => d.category === cut)?.count).toBe(8);
    expect(bars.notes).toContain('categories: 1 value longer than 200 characters shown cut (longest 100,000 characters)');
    expect(JSON.stringify(bars).length).toBeLessThan(5_000);

    const panels = computeChartData(dataset, undefined, { mark: 'bar', x: 'cat', facet: 'group', sides: 'reference' });
    expect(panels.facets).toEqual(['g', cut]); // 6 rows each: first seen first
    expect(panels.notes).toContain('panels: 1 value longer than 200 characters shown cut (longest 100,000 characters)');
  });
});

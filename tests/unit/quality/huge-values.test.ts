import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { computeQuality } from '../../../lib/quality/compute-quality';
import type { CategoricalStats } from '../../../lib/quality/types';

const encoder = new TextEncoder();
const csv = (name: string, text: string) => ingestCsv(encoder.encode(text), name);
const MB50 = 50 * 1024 * 1024;

describe('quality embeds aggregates only, also for strings', () => {
  it('a 50 MB single value: the JSON stays small, the statistics are of the full value', async () => {
    const huge = 'x'.repeat(MB50);
    const reference = await csv('ref.csv', `a,b\n${huge},1\nshort,2\nshort,3\n`);
    const current = await csv('cur.csv', `a,b\nshort,1\nother,2\n`);
    const result = computeQuality(reference, current);
    const json = JSON.stringify(result);
    expect(json.length, 'quality JSON size').toBeLessThan(20_000);

    const [column] = result.columns;
    const ref = column!.reference as CategoricalStats;
    const cur = column!.current as CategoricalStats;
    // Counted on the full values: the mean length (code points) includes the 50 MB value.
    expect(ref.meanLength).toBe((MB50 + 5 + 5) / 3);
    expect(ref.top).toBe('short');
    expect(ref.topCategories[1]!.value).toBe(`${'x'.repeat(200)}… (52,428,800 characters)`);
    expect(ref.truncated).toEqual({ values: 1, longest: MB50 });
    expect(cur.vanishedCategories).toEqual([`${'x'.repeat(200)}… (52,428,800 characters)`]);
    expect(cur.truncated).toEqual({ values: 1, longest: MB50 });
    expect(column!.warnings).toContain('reference: 1 value longer than 200 characters shown cut (longest 52,428,800 characters)');
    expect(result.warnings).toContain('values longer than 200 characters are shown cut in a (longest 52,428,800 characters; statistics use the full values)');
    expect(column!.warnings).toContain('current: 1 value longer than 200 characters shown cut (longest 52,428,800 characters)');
  }, 60_000);

  it('150,000 distinct categories: lists capped, counts exact, the JSON small', async () => {
    const n = 150_000;
    const rows = (offset: number) => Array.from({ length: n }, (_, i) => `c${i + offset}`).join('\n');
    const result = computeQuality(await csv('ref.csv', `cat\n${rows(0)}\n`), await csv('cur.csv', `cat\n${rows(n / 2)}\n`));
    const ref = result.columns[0]!.reference as CategoricalStats;
    const cur = result.columns[0]!.current as CategoricalStats;
    expect(ref.distinct).toBe(n);
    expect(ref.categories).toBe(n);
    expect(ref.topCategories).toHaveLength(10);
    expect(cur.newCategories).toHaveLength(20);
    expect(cur.newCategoryCount).toBe(n / 2);
    expect(cur.newCategoryShare).toBe(0.5);
    expect(cur.vanishedCategories).toHaveLength(20);
    expect(cur.vanishedCategoryCount).toBe(n / 2);
    expect(ref.truncated).toBeUndefined();
    expect(result.warnings).toEqual([]);
    expect(result.columns[0]!.warnings.every((w) => w.length < 200)).toBe(true);
    expect(JSON.stringify(result).length).toBeLessThan(10_000);
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { computeDrift } from '../../../lib/drift/compute-drift';
import type { ColumnDriftResult } from '../../../lib/drift/types';

const encoder = new TextEncoder();
const csv = (name: string, lines: string[]) => ingestCsv(encoder.encode(`cat\n${lines.join('\n')}\n`), name);
const repeat = (values: string[], times: number[]) => values.flatMap((v, i) => Array<string>(times[i]!).fill(v));

async function driftOf(reference: string[], current: string[], methods?: string[]): Promise<ColumnDriftResult> {
  const result = await computeDrift(await csv('ref.csv', reference), await csv('cur.csv', current), { method: 'jensenshannon', ...(methods && { methods }) });
  return result.columns[0]!;
}

describe('drift embeds capped category names, tests the full values', () => {
  it('a 5,000-character category: scores as with a short name; chart label, z category and a warning cut to 200', async () => {
    const long = `A${'x'.repeat(4999)}`;
    const sides = (name: string) => [repeat([name, 'b', 'c'], [30, 50, 20]), repeat([name, 'b', 'c'], [10, 60, 30])] as const;
    const withLong = await driftOf(...sides(long), ['z', 'chisquare']);
    const withShort = await driftOf(...sides('A'), ['z', 'chisquare']);
    expect(withLong.tested).toBe(true);
    expect(withLong.score).toBe(withShort.score);
    expect(withLong.tests!.chisquare).toEqual(withShort.tests!.chisquare);
    const cut = `A${'x'.repeat(199)}… (5,000 characters)`;
    expect(withLong.tests!.z).toEqual({ ...withShort.tests!.z, category: cut });
    const distribution = withLong.distribution!;
    if (distribution.kind !== 'categories') throw new Error('expected categories');
    expect(distribution.categories).toContain(cut);
    expect(distribution.truncated).toEqual({ values: 1, longest: 5000 });
    expect(withLong.warnings).toContain('categories: 1 value longer than 200 characters shown cut (longest 5,000 characters)');
    expect((withShort.warnings ?? []).some((w) => w.includes('shown cut'))).toBe(false);
  });

  it('150,000 distinct categories (300,000 rows a side): 20 listed, the rest summed, the result small', async () => {
    const n = 150_000;
    const rows = (offset: number) => Array.from({ length: 2 * n }, (_, i) => `c${(i % n) + offset}`);
    const column = await driftOf(rows(0), rows(n / 2), ['z', 'fisher_exact', 'chisquare', 'g_test', 'psi', 'kl_div', 'hellinger']);
    expect(column.tested).toBe(true);
    const distribution = column.distribution!;
    if (distribution.kind !== 'categories') throw new Error('expected categories');
    expect(distribution.categories).toHaveLength(20);
    expect(distribution.distinct).toBe(n + n / 2);
    const listed = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(listed(distribution.reference) + distribution.otherReference).toBe(2 * n);
    expect(listed(distribution.current) + distribution.otherCurrent).toBe(2 * n);
    expect(distribution.truncated).toBeUndefined();
    expect(JSON.stringify(column).length).toBeLessThan(5_000);
  }, 60_000);
});

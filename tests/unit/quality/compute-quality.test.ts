import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { computeQuality } from '../../../lib/quality/compute-quality';
import type { QualityResult } from '../../../lib/quality/types';
import { APP_VERSION } from '../../../lib/version';
import { readFixture, readJson } from '../../support';
import { expectStats, type ExpectedColumn } from './quality-fixture';

interface ExpectedAnalysis {
  reference: { path: string; rows: number };
  current?: { path: string; rows: number };
  columns: ExpectedColumn[];
  onlyInReference?: string[];
  onlyInCurrent?: string[];
  dataset: { reference: unknown; current?: unknown };
}
const expected = readJson<{ pairs: Record<string, ExpectedAnalysis>; single: ExpectedAnalysis }>('tests/fixtures/quality/expected.json');

function load(path: string) {
  return ingestCsv(readFixture(path), path.split('/').pop()!);
}

async function qualityOf(want: ExpectedAnalysis): Promise<QualityResult> {
  return computeQuality(await load(want.reference.path), want.current && (await load(want.current.path)));
}

function expectAnalysis(result: QualityResult, want: ExpectedAnalysis): void {
  expect(result.reference.rows).toBe(want.reference.rows);
  expect(result.columns.map((c) => c.name)).toEqual(want.columns.map((c) => c.name));
  for (const [i, column] of want.columns.entries()) {
    const got = result.columns[i]!;
    expect(got.type, column.name).toBe(column.type);
    expectStats(got.reference, column.reference, `${column.name}.reference`);
    if (column.current) expectStats(got.current, column.current, `${column.name}.current`);
    else expect(got.current, column.name).toBeUndefined();
  }
  expect(result.dataset.reference).toEqual(want.dataset.reference);
  expect(result.dataset.current).toEqual(want.dataset.current);
}

describe('computeQuality against pandas', () => {
  for (const [name, want] of Object.entries(expected.pairs)) {
    it(`${name}: every column and dataset stat`, async () => {
      const result = await qualityOf(want);
      expectAnalysis(result, want);
      expect(result.current?.rows).toBe(want.current!.rows);
      expect(result.onlyInReference).toEqual(want.onlyInReference);
      expect(result.onlyInCurrent).toEqual(want.onlyInCurrent);
    });
  }

  it('profiles a single file (no current side)', async () => {
    const result = await qualityOf(expected.single);
    expectAnalysis(result, expected.single);
    expect(result.current).toBeUndefined();
    expect(result.onlyInCurrent).toEqual([]);
  });
});

describe('computeQuality result', () => {
  it('is plain JSON with the tool, both datasets and their hashes', async () => {
    const want = expected.pairs.mixed!;
    const ref = await load(want.reference.path);
    const cur = await load(want.current!.path);
    const result = computeQuality(ref, cur);
    expect(result).toMatchObject({ kind: 'quality', schemaVersion: 1, tool: { name: 'driftbook', version: APP_VERSION } });
    expect(result.reference).toEqual({ name: ref.meta.name, format: 'csv', rows: 440, columns: 12, sha256: ref.meta.sha256 });
    expect(result.current?.sha256).toBe(cur.meta.sha256);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('warns about unshared columns, new categories, out-of-range, non-finite and missing values', async () => {
    const edges = await qualityOf(expected.pairs.edges!);
    expect(edges.warnings).toEqual(['columns only in reference: ref_only', 'columns only in current: cur_only']);
    expect(edges.columns.find((c) => c.name === 'gone_later')!.warnings).toEqual(['current: all values missing']);
    const mixed = await qualityOf(expected.pairs.mixed!);
    const warningsOf = (name: string) => mixed.columns.find((c) => c.name === name)!.warnings;
    expect(warningsOf('color')).toEqual([
      'reference: 3.2% missing',
      'current: 4.2% missing',
      'current: 2 new categories (32.3% of values)',
      'current: 2 reference categories absent',
    ]);
    expect(warningsOf('amount')).toContain('current: 5.2% of values outside the reference range [0, 83.17]');
    expect(warningsOf('ratio')).toContain('current: 10 non-finite values (±Infinity), left out of the summaries');
    // Free text is mostly new values by nature: no category warnings.
    expect(warningsOf('comment')).toEqual([]);
  });

  it('summarises a type conflict as categorical, with a warning', async () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    const ref = await ingestCsv(encode('v\n1.5\n2.5\n2.5\n'), 'ref.csv');
    const cur = await ingestCsv(encode('v\n2.5\nlow\nlow\nlow\n'), 'cur.csv');
    const result = computeQuality(ref, cur);
    expect(result.warnings).toEqual(['type conflict: column "v" is numeric in reference and categorical in current — summarised as categorical']);
    const column = result.columns[0]!;
    expect(column.type).toBe('categorical');
    expect(column.reference).toMatchObject({ kind: 'categorical', top: '2.5', topFrequency: 2, categories: 2 });
    expect(column.current).toMatchObject({ newCategories: ['low'], newCategoryShare: 0.75, vanishedCategories: ['1.5'] });
  });
});

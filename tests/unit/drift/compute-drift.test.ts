import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { computeDrift } from '../../../lib/drift/compute-drift';
import type { DriftResult } from '../../../lib/drift/types';
import { AnalysisError } from '../../../lib/errors';
import { expectClose, readFixture, readJson } from '../helpers';

interface ExpectedColumn {
  name: string;
  type: string;
  tested: boolean;
  reason?: string;
  count: { reference: number; current: number };
  missing: { reference: number; current: number };
  method?: string;
  statistic?: number | null;
  pValue?: number;
  threshold?: number;
  drifted?: boolean;
}
interface ExpectedPair {
  reference: { path: string; rows: number };
  current: { path: string; rows: number };
  columns: ExpectedColumn[];
  onlyInReference: string[];
  onlyInCurrent: string[];
  dataset: { columns: number; driftedColumns: number; share: number; drifted: boolean };
}
const expected = readJson<{ pairs: Record<string, ExpectedPair> }>('tests/fixtures/drift/expected.json');

async function load(path: string) {
  const parsed = await ingestCsv(readFixture(path), path.split('/').pop()!);
  return { meta: parsed.meta, table: tableFromIPC(parsed.ipc) };
}

async function driftOf(pair: ExpectedPair): Promise<DriftResult> {
  return computeDrift(await load(pair.reference.path), await load(pair.current.path));
}

describe('computeDrift matches pandas + scipy on whole files (tests/fixtures/generate_drift.py)', () => {
  for (const [key, pair] of Object.entries(expected.pairs)) {
    it(`${key}: ${pair.reference.path} vs ${pair.current.path}`, async () => {
      const result = await driftOf(pair);
      expect(result.kind).toBe('drift');
      expect(result.schemaVersion).toBe(1);
      expect(result.reference.rows).toBe(pair.reference.rows);
      expect(result.current.rows).toBe(pair.current.rows);
      expect(result.onlyInReference).toEqual(pair.onlyInReference);
      expect(result.onlyInCurrent).toEqual(pair.onlyInCurrent);
      expect(result.columns.map((c) => c.name)).toEqual(pair.columns.map((c) => c.name));
      for (const want of pair.columns) {
        const got = result.columns.find((c) => c.name === want.name)!;
        const what = `${key}.${want.name}`;
        expect(got.type, what).toBe(want.type);
        expect(got.tested, what).toBe(want.tested);
        expect(got.count, what).toEqual(want.count);
        expect(got.missing, what).toEqual(want.missing);
        if (!want.tested) {
          expect(got.reason, what).toBe(want.reason);
          continue;
        }
        expect(got.method, what).toBe(want.method);
        expect(got.threshold, what).toBe(want.threshold);
        expect(got.drifted, what).toBe(want.drifted);
        const test = got.tests![want.method!]!;
        if (want.statistic === null) expect(test.statistic, what).toBeNull();
        else expectClose(test.statistic, want.statistic!, 1e-9, `${what} statistic`);
        expectClose(test.pValue, want.pValue!, 1e-6, `${what} p-value`);
        expect(got.score, what).toBe(test.pValue);
      }
      expect(result.dataset.columns).toBe(pair.dataset.columns);
      expect(result.dataset.driftedColumns).toBe(pair.dataset.driftedColumns);
      expectClose(result.dataset.share, pair.dataset.share, 1e-12, `${key} share`);
      expect(result.dataset.drifted).toBe(pair.dataset.drifted);
      expect(result.dataset.threshold).toBe(0.5);
    });
  }

  it('is plain JSON: survives a JSON round trip unchanged', async () => {
    const result = await driftOf(expected.pairs.e2e!);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('carries aggregate distributions that sum to the tested counts', async () => {
    const result = await driftOf(expected.pairs.demo!);
    for (const column of result.columns.filter((c) => c.tested)) {
      const dist = column.distribution!;
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      const other = dist.kind === 'categories' ? [dist.otherReference, dist.otherCurrent] : [0, 0];
      expect(sum(dist.reference) + other[0]!).toBe(column.count.reference);
      expect(sum(dist.current) + other[1]!).toBe(column.count.current);
    }
  });

  it('warns about a type conflict and about columns in one file only', async () => {
    const mixed = await driftOf(expected.pairs.mixed!);
    expect(mixed.warnings.some((w) => w.startsWith('type conflict: column "code" is numeric in reference and categorical in current'))).toBe(true);
    const e2e = await driftOf(expected.pairs.e2e!);
    expect(e2e.warnings).toContain('columns only in reference: only_ref');
  });

  it('fails with a clear AnalysisError when the files share no column', async () => {
    const a = await load('tests/fixtures/e2e/reference.csv');
    const b = await load('tests/fixtures/e2e/no-common.csv');
    expect(() => computeDrift(a, b)).toThrow(AnalysisError);
    expect(() => computeDrift(a, b)).toThrow(/^no columns in common: reference has age, income, .*; current has x, y/);
  });

  it('reports progress per column and stops when aborted', async () => {
    const a = await load('tests/fixtures/e2e/reference.csv');
    const b = await load('tests/fixtures/e2e/current.csv');
    const seen: string[] = [];
    computeDrift(a, b, { onProgress: (done, total) => seen.push(`${done}/${total}`) });
    expect(seen).toEqual(['1/6', '2/6', '3/6', '4/6', '5/6', '6/6']);
    const controller = new AbortController();
    controller.abort();
    expect(() => computeDrift(a, b, { signal: controller.signal })).toThrow(/cancelled/);
  });
});

import 'fake-indexeddb/auto';
import type { Table } from 'apache-arrow';
import { describe, expect, it, vi } from 'vitest';

// Every column profile the engine computes, with the table it scanned: the reference must be profiled
// once per column for a whole history, however many batches are summarized against it.
const scanned = vi.hoisted(() => [] as { rows: number; column: string }[]);
vi.mock('../../lib/profile/column-profile', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../lib/profile/column-profile')>();
  return {
    ...original,
    profileColumn: (table: Table, column: string, ...rest: unknown[]) => {
      scanned.push({ rows: table.numRows, column });
      return (original.profileColumn as (...args: unknown[]) => unknown)(table, column, ...rest);
    },
  };
});

const { engine } = await import('../../lib/engine');
const { ingestCsv } = await import('../../lib/data/ingest');
const { computeDrift } = await import('../../lib/drift/compute-drift');
const { getDb } = await import('../../lib/store/db');
const { saveDataset } = await import('../../lib/store/datasets');
const { unpackMeta } = await import('../../lib/data/packed-meta');

function csv(n: number, shift: number): string {
  const rows = ['x,c,when'];
  for (let i = 0; i < n; i++) rows.push(`${(i % 17) + shift},${'abc'[(i + shift) % 3]},2026-12-0${1 + (i % 3)}T10:00:00Z`);
  return `${rows.join('\n')}\n`;
}

async function store(name: string, text: string) {
  const bytes = new TextEncoder().encode(text);
  const parsed = await engine.ingest(new Blob([bytes]), name);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { meta: await saveDataset(getDb(), parsed.value), bytes };
}

describe('engine: batch summaries against a pinned reference', () => {
  it('profiles the reference once for three batches, and each summary equals a direct drift run', async () => {
    const reference = await store('reference.csv', csv(301, 0));
    const batches = [await store('b1.csv', csv(101, 0)), await store('b2.csv', csv(103, 2)), await store('b3.csv', csv(107, 5))];
    scanned.length = 0;
    const summaries = [];
    for (const batch of batches) {
      const out = await engine.summarizeBatch(reference.meta.id, batch.meta.id);
      if (!out.ok) throw new Error(out.error.message);
      summaries.push(out);
    }
    // x, c (profiles cached in IndexedDB) and when (datetime: counted, kept in memory): once each, on the
    // first batch only; each batch is scanned itself.
    expect(scanned.filter((s) => s.rows === 301).map((s) => s.column)).toEqual(['x', 'c', 'when']);
    expect(scanned.filter((s) => s.rows !== 301).map((s) => s.rows)).toEqual(expect.arrayContaining([101, 103, 107]));
    expect(await getDb().profiles.where('datasetId').equals(reference.meta.id).count()).toBe(2);

    for (const [i, batch] of batches.entries()) {
      const out = summaries[i]!;
      const direct = await computeDrift(await ingestCsv(reference.bytes, 'reference.csv'), await ingestCsv(batch.bytes, batch.meta.name));
      expect(out.value.driftShare).toBe(direct.dataset.share);
      expect(out.value.columns).toEqual(
        direct.columns.filter((c) => c.tested).map((c) => ({ name: c.name, method: c.method, score: c.score, drifted: c.drifted })),
      );
      expect(out.value.reference).toEqual({ sha256: reference.meta.sha256, name: 'reference.csv', rows: 301 });
    }
  });

  it('stores each calendar period of one file as a batch dataset dated by its first day; gaps are no batch', async () => {
    const file = await store('days.csv', `x,when\n1,2026-12-01T01:00:00Z\n2,2026-12-01T23:00:00Z\n3,2026-12-03T12:00:00Z\n`);
    const out = await engine.storePeriods(file.meta.id, { period: 'day', timestampColumn: 'when' });
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value.map((p) => [p.label, p.date, unpackMeta(p.packed).rows, unpackMeta(p.packed).name])).toEqual([
      ['2026-12-01', '2026-12-01', 2, 'days.csv · 2026-12-01'],
      ['2026-12-03', '2026-12-03', 1, 'days.csv · 2026-12-03'],
    ]);
    const refused = await engine.storePeriods(file.meta.id, { period: 'day', timestampColumn: 'nope' });
    expect(refused.ok).toBe(false);
  });
});

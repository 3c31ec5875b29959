import 'fake-indexeddb/auto';
import { isSealedSorted } from '../../lib/stats/sealed-sorted';
import type { Table } from 'apache-arrow';
import { describe, expect, it, vi } from 'vitest';

// Every column profile the engine computes (with the rows of the table it scanned) and every table it reads
// back from IndexedDB: a dataset stored by this engine is profiled once, while it is parsed, and never read back.
const scanned = vi.hoisted(() => [] as { rows: number; column: string }[]);
const loaded = vi.hoisted(() => [] as string[]);
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
vi.mock('../../lib/store/load-dataset', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../lib/store/load-dataset')>();
  return {
    ...original,
    loadDataset: (...args: Parameters<typeof original.loadDataset>) => {
      loaded.push(args[1]);
      return original.loadDataset(...args);
    },
  };
});

const { engine } = await import('../../lib/engine');
const { ingestCsv } = await import('../../lib/data/ingest');
const { computeDrift } = await import('../../lib/drift/compute-drift');
const { getDb } = await import('../../lib/store/db');
const { unpackMeta } = await import('../../lib/data/packed-meta');
const { parcelBuffers } = await import('../../lib/engine/held');

function csv(n: number, shift: number): string {
  const rows = ['x,y,c,flag,when'];
  for (let i = 0; i < n; i++) {
    const y = i % 11 === 0 ? '' : String(((i * 7919) % 1000) / 10 + shift);
    rows.push(`${(i % 17) + shift},${y},${'abcd'[(i + shift) % 4]},${i % 3 === 0},2026-12-0${1 + (i % 3)}T10:00:00Z`);
  }
  return `${rows.join('\n')}\n`;
}

async function store(name: string, text: string) {
  const bytes = new TextEncoder().encode(text);
  const out = await engine.store(new Blob([bytes]), name);
  if (!out.ok) throw new Error(out.error.message);
  return { meta: unpackMeta(out.value), bytes };
}

const config = { methods: ['psi', 'ks', 'wasserstein'] };

/** Profiles that read rows: a datetime column's (counts only: its length and null count) reads none. */
const rowScans = () => scanned.filter((s) => s.column !== 'when');

describe('engine: datasets held by the worker that parsed them', () => {
  it('profiles each dataset while storing it, and two current batches never re-scan or re-read the reference', async () => {
    const reference = await store('reference.csv', csv(301, 0));
    // x, y (numeric), c (categorical), flag (boolean): profiled once at ingest; `when` (datetime) is not.
    expect(scanned).toEqual(['x', 'y', 'c', 'flag'].map((column) => ({ rows: 301, column })));
    // …and put in the IndexedDB profile cache (in the background: a later current batch reads it from there too).
    await vi.waitFor(async () => expect(await getDb().profiles.where('datasetId').equals(reference.meta.id).count()).toBe(4));

    const batches = [await store('b1.csv', csv(101, 1)), await store('b2.csv', csv(103, 4))];
    for (const batch of batches) {
      // Bit-identical to a drift run on freshly parsed files.
      const direct = await computeDrift(await ingestCsv(reference.bytes, 'reference.csv'), await ingestCsv(batch.bytes, batch.meta.name), config);
      scanned.length = 0;
      const out = await engine.runCell('drift', config, { reference: { id: reference.meta.id }, current: { id: batch.meta.id } });
      if (!out.ok) throw new Error(out.error.message);
      expect({ ...out.value, reference: {}, current: {} }).toEqual({ ...direct, reference: {}, current: {} });
      expect(rowScans()).toEqual([]);
    }
    expect(loaded).toEqual([]);
  });

  it('hands a held dataset to another worker as transferable parcels: the adopting worker reads and profiles nothing', async () => {
    const reference = await store('hand-ref.csv', csv(211, 0));
    const current = await store('hand-cur.csv', csv(97, 2));
    const parcel = await engine.exportHeld(current.meta.id);
    if (!parcel.ok || !parcel.value) throw new Error('the current is held here');
    // Copies: the exporting worker keeps its own bytes and profiles.
    expect(parcelBuffers(parcel.value)).toHaveLength(1 + 2); // the IPC bytes and the sorted values of x and y
    expect(parcel.value.profiles.map(([, p]) => p?.kind)).toEqual(['numeric', 'numeric', 'categorical', 'categorical']);
    expect(await engine.exportHeld('not-held-here')).toEqual({ ok: true, value: null });

    expect(await engine.adoptHeld(current.meta.id, parcel.value)).toEqual({ ok: true, value: undefined });
    // The adopted numeric profiles are sealed (sorted by the worker that built them; tests skip re-checking the order).
    for (const [, p] of parcel.value.profiles) if (p?.kind === 'numeric') expect(isSealedSorted(p.sorted)).toBe(true);
    const direct = await computeDrift(await ingestCsv(reference.bytes, 'hand-ref.csv'), await ingestCsv(current.bytes, 'hand-cur.csv'), config);
    [scanned.length, loaded.length] = [0, 0];
    const out = await engine.runCell('drift', config, { reference: { id: reference.meta.id }, current: { id: current.meta.id } });
    if (!out.ok) throw new Error(out.error.message);
    expect({ ...out.value, reference: {}, current: {} }).toEqual({ ...direct, reference: {}, current: {} });
    expect(rowScans()).toEqual([]);
    expect(loaded).toEqual([]);
  });

  it('a segment is profiled from its own rows, never from the held whole-dataset profiles', async () => {
    const reference = await store('seg-ref.csv', csv(150, 0));
    const current = await store('seg-cur.csv', csv(120, 3));
    scanned.length = 0;
    const segment = 'd => d.c === "a"';
    const out = await engine.runCell('drift', config, { reference: { id: reference.meta.id, segment }, current: { id: current.meta.id, segment } });
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value.kind === 'drift' && out.value.reference.rows).toBeLessThan(150);
    expect(scanned.map((s) => s.rows).every((rows) => rows < 120)).toBe(true);
  });
});

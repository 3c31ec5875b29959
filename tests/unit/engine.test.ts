import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { engine } from '../../lib/engine';
import { ingestCsv } from '../../lib/data/ingest';
import { computeDrift } from '../../lib/drift/compute-drift';
import { getDb } from '../../lib/store/db';
import { listDatasets, saveDataset } from '../../lib/store/datasets';
import { unpackMeta } from '../../lib/data/packed-meta';
import { storedResultKey } from '../../lib/notebook/run-cell';
import { readFixture } from '../support';

describe('engine (what the worker exposes; the fallback calls it directly)', () => {
  it('ingests a Blob, and computes a drift cell by dataset ids equal to computeDrift, caching reference profiles', async () => {
    const refBytes = readFixture('tests/fixtures/e2e/reference.csv');
    const curBytes = readFixture('tests/fixtures/e2e/current.csv');
    const ref = await engine.ingest(new Blob([refBytes as Uint8Array<ArrayBuffer>]), 'reference.csv');
    const cur = await engine.ingest(new Blob([curBytes as Uint8Array<ArrayBuffer>]), 'current.csv');
    if (!ref.ok || !cur.ok) throw new Error('ingest failed');
    const db = getDb();
    const [refMeta, curMeta] = [await saveDataset(db, ref.value), await saveDataset(db, cur.value)];

    const config = { methods: ['psi', 'ks'], correction: 'bh' as const };
    const first = await engine.runCell('drift', config, { reference: { id: refMeta.id }, current: { id: curMeta.id } });
    if (!first.ok) throw new Error(first.error.message);
    const cachedColumns = await db.profiles.count();
    expect(cachedColumns).toBe(5); // every tested column of the reference (the datetime one is not profiled)
    const second = await engine.runCell('drift', config, { reference: { id: refMeta.id }, current: { id: curMeta.id } });
    if (!second.ok) throw new Error(second.error.message);
    expect(await db.profiles.count()).toBe(cachedColumns);
    expect(second.value).toEqual(first.value);

    const direct = await computeDrift(await ingestCsv(refBytes, 'reference.csv'), await ingestCsv(curBytes, 'current.csv'), config);
    expect({ ...first.value, reference: {}, current: {} }).toEqual({ ...direct, reference: {}, current: {} });

    // A pooled run in column ranges: the finishing worker keeps its own ranges, another's are
    // returned and gathered; the result equals the one-worker run.
    const ids = [refMeta.id, curMeta.id] as const;
    const total = await engine.beginDrift('run-1', ...ids, config);
    if (!total.ok) throw new Error(total.error.message);
    expect(total.value).toBe(first.value.kind === 'drift' ? first.value.columns.length : -1);
    expect(await engine.driftBatch('run-1', ...ids, config, 0, 2)).toEqual({ ok: true, value: 2 });
    const elsewhere = await engine.driftBatch('run-on-another-worker', ...ids, config, 2, total.value);
    if (!elsewhere.ok || typeof elsewhere.value === 'number') throw new Error('a batch of another run is returned');
    expect(elsewhere.value.map((c) => c.name)).toEqual(first.value.kind === 'drift' ? first.value.columns.slice(2).map((c) => c.name) : []);
    expect(await engine.gatherDrift('run-1', 2, elsewhere.value)).toEqual({ ok: true, value: undefined });
    expect(await engine.finishDrift('run-1', ...ids, config)).toEqual({ ok: true, value: first.value });
    expect(await engine.finishDrift('run-1', ...ids, config)).toMatchObject({ ok: false, error: { code: 'drift-run-missing' } });
  });

  it('lists stored descriptions packed, sending each only when its revision changed, and computes result keys where they are', async () => {
    const db = getDb();
    const listed = await engine.listDatasets();
    if (!listed.ok) throw new Error(listed.error.message);
    const stored = await listDatasets(db);
    expect(listed.value.map((d) => d.packed && unpackMeta(d.packed))).toEqual(stored);
    const known = Object.fromEntries(listed.value.map((d) => [d.id, d.revision]));
    const again = await engine.listDatasets(known);
    expect(again.ok && again.value.every((d) => d.packed === undefined)).toBe(true);
    const [first] = stored;
    const column = first!.schema[0]!.name;
    const changed = await engine.updateRoles(first!.id, { [column]: 'id' });
    if (!changed.ok) throw new Error(changed.error.message);
    expect(unpackMeta(changed.value).roles?.[column]).toBe('id');
    const after = await engine.listDatasets(known);
    expect(after.ok && after.value.filter((d) => d.packed).map((d) => d.id)).toEqual([first!.id]);

    const cell = { kind: 'drift' as const, config: {}, inputs: { reference: { id: stored[0]!.id, sha256: '' }, current: { id: stored[1]!.id, sha256: '' } } };
    const key = await engine.resultKey(cell);
    expect(key).toEqual({ ok: true, value: await storedResultKey(db, cell) });
    const gone = { ...cell, inputs: { ...cell.inputs, current: { id: 'gone', sha256: '' } } };
    expect(await engine.currentResultKeys([cell, gone])).toEqual({ ok: true, value: [key.ok ? key.value : '', undefined] });
    expect(await engine.resultKey(gone)).toMatchObject({ ok: false, error: { code: 'dataset-missing' } });
  });

  it('returns errors as plain data with their code', async () => {
    const out = await engine.ingest(new Blob([]), 'empty.csv');
    expect(out).toEqual({ ok: false, error: { kind: 'DataError', code: 'empty-file', message: expect.stringMatching(/^empty file: empty\.csv/) } });
    const missing = await engine.runCell('drift', {}, { reference: { id: 'nope' }, current: { id: 'nada' } });
    expect(missing).toMatchObject({ ok: false, error: { kind: 'StorageError', code: 'dataset-missing' } });
  });
});

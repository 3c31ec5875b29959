import 'fake-indexeddb/auto';
import { tableToIPC } from 'apache-arrow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { DriftbookDb } from '../../../lib/store/db';
import { deleteDataset, getDatasetIpc, getDatasetMeta, listDatasets, saveDataset } from '../../../lib/store/datasets';
import { loadDataset } from '../../../lib/store/load-dataset';
import { resultKey } from '../../../lib/notebook/result-key';
import type { CellRecordOf } from '../../../lib/store/types';
import { createWorkspace, getLastWorkspaceId, listCells, listWorkspaces, nextCellOrder, saveCell, setLastWorkspaceId } from '../../../lib/store/workspaces';

let db: DriftbookDb;
let n = 0;
beforeEach(() => {
  db = new DriftbookDb(`test-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

const csv = (text: string) => new TextEncoder().encode(text);
async function parsed(text: string, name: string) {
  const { meta, table } = await ingestCsv(csv(text), name);
  return { meta, ipc: tableToIPC(table, 'file') };
}

describe('store', () => {
  it('saves a dataset with its Arrow bytes and reads it back as a table', async () => {
    const ab = await parsed('a,b\n1,x\n2,y\n', 'ab.csv');
    const meta = await saveDataset(db, ab);
    expect(await getDatasetMeta(db, meta.id)).toEqual(ab.meta);
    expect(Array.from(await getDatasetIpc(db, meta.id))).toEqual(Array.from(ab.ipc));
    const { table } = await loadDataset(db, meta.id);
    expect(table.numRows).toBe(2);
    expect([...table.getChild('b')!]).toEqual(['x', 'y']);
  });

  it('stores large Arrow bytes in parts and reads them back whole', async () => {
    const ab = await parsed('a,b\n' + Array.from({ length: 2000 }, (_, i) => `${i},x${i % 7}`).join('\n'), 'big.csv');
    const meta = await saveDataset(db, ab, 1000);
    const stored = await db.datasetBlobs.get(meta.id);
    expect(stored!.parts).toBe(Math.ceil(ab.ipc.byteLength / 1000));
    expect(await db.datasetBlobs.count()).toBe(stored!.parts);
    expect(Array.from(await getDatasetIpc(db, meta.id))).toEqual(Array.from(ab.ipc));
    const { table } = await loadDataset(db, meta.id);
    expect(table.numRows).toBe(2000);
    expect(table.getChild('a')!.get(1999)).toBe(1999);
  });

  it('deletes a dataset with all its parts and cached profiles', async () => {
    const big = await parsed('a,b\n' + Array.from({ length: 500 }, (_, i) => `${i},y`).join('\n'), 'big.csv');
    const meta = await saveDataset(db, big, 500);
    await db.profiles.put({ key: 'k', datasetId: meta.id, profile: { kind: 'other', count: 1, missing: 0 } });
    const other = await saveDataset(db, await parsed('a\n1\n', 'other.csv'));
    await deleteDataset(db, meta.id);
    expect(await db.datasets.get(meta.id)).toBeUndefined();
    expect(await db.datasetBlobs.count()).toBe(1);
    expect(await db.profiles.count()).toBe(0);
    expect(await getDatasetMeta(db, other.id)).toMatchObject({ name: 'other.csv' });
    await expect(getDatasetIpc(db, meta.id)).rejects.toMatchObject({ code: 'dataset-missing' });
  });

  it('stores the same file once (same SHA-256 and name)', async () => {
    const first = await saveDataset(db, await parsed('a\n1\n', 'a.csv'));
    const again = await saveDataset(db, await parsed('a\n1\n', 'a.csv'));
    expect(again.id).toBe(first.id);
    expect(await listDatasets(db)).toHaveLength(1);
  });

  it('says which dataset is missing', async () => {
    await expect(getDatasetMeta(db, 'nope')).rejects.toMatchObject({ code: 'dataset-missing' });
  });

  it('keeps workspaces, ordered cells with results, and the last-opened workspace', async () => {
    const ws = await createWorkspace(db, 'Q1 <check>');
    await setLastWorkspaceId(db, ws.id);
    const base: Omit<CellRecordOf<'drift'>, 'id' | 'order'> = {
      workspaceId: ws.id,
      kind: 'drift',
      title: 't',
      config: {},
      inputs: { reference: { id: 'r', sha256: 'a' }, current: { id: 'c', sha256: 'b' } },
      status: 'ok',
      updatedAt: new Date('2030-01-01').toISOString(),
    };
    await saveCell(db, { ...base, id: 'second', order: 1 });
    await saveCell(db, { ...base, id: 'first', order: 0 });
    expect((await listCells(db, ws.id)).map((c) => c.id)).toEqual(['first', 'second']);
    expect(await nextCellOrder(db, ws.id)).toBe(2);
    expect(await getLastWorkspaceId(db)).toBe(ws.id);
    const [stored] = await listWorkspaces(db);
    expect(stored!.name).toBe('Q1 <check>');
    expect(stored!.updatedAt).toBe(base.updatedAt);
  });
});

describe('resultKey', () => {
  it('depends on kind, config (not key order) and input hashes', async () => {
    const k = await resultKey('drift', { a: 1, b: 2 }, ['x', 'y']);
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(await resultKey('drift', { b: 2, a: 1 }, ['x', 'y'])).toBe(k);
    expect(await resultKey('drift', { a: 1, b: 3 }, ['x', 'y'])).not.toBe(k);
    expect(await resultKey('drift', { a: 1, b: 2 }, ['y', 'x'])).not.toBe(k);
    expect(await resultKey('quality', { a: 1, b: 2 }, ['x', 'y'])).not.toBe(k);
  });
});

describe('storage errors', () => {
  it('turns a quota error (as Dexie wraps it) into a message saying what to do, and stores nothing half', async () => {
    const db = new DriftbookDb('quota-test');
    const ab = await parsed('a\n1\n', 'q.csv');
    const original = db.datasetBlobs.put.bind(db.datasetBlobs);
    db.datasetBlobs.put = (() =>
      Promise.reject(
        Object.assign(new Error('QuotaExceededError'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } }),
      )) as unknown as typeof db.datasetBlobs.put;
    await expect(saveDataset(db, ab)).rejects.toMatchObject({
      code: 'quota',
      message: expect.stringMatching(/^storage full: this browser would not store dataset q\.csv — delete stored datasets/),
    });
    expect(await db.datasets.count()).toBe(0);
    db.datasetBlobs.put = original;
    await db.delete();
  });
});

import 'fake-indexeddb/auto';
import { tableToIPC } from 'apache-arrow';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { computeDrift } from '../../../lib/drift/compute-drift';
import { exportWorkspace, importWorkspace } from '../../../lib/store/backup';
import { insertCell } from '../../../lib/store/cells';
import { DriftbookDb } from '../../../lib/store/db';
import { getDatasetIpc, saveDataset } from '../../../lib/store/datasets';
import { fromTaggedJson, toTaggedJson } from '../../../lib/store/tagged-json';
import { addWorkspaceDataset, createWorkspace, getWorkspace, listCells, listWorkspaces } from '../../../lib/store/workspaces';

const dbs: DriftbookDb[] = [];
let n = 0;
function newDb(): DriftbookDb {
  const db = new DriftbookDb(`backup-${n++}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

async function stored(db: DriftbookDb, text: string, name: string) {
  const { meta, table } = await ingestCsv(new TextEncoder().encode(text), name);
  return { meta: await saveDataset(db, { meta, ipc: tableToIPC(table, 'file') }), table };
}

/** A workspace with two datasets, a drift cell with its result, and a note. */
async function fixture(db: DriftbookDb) {
  const rows = (shift: number) => 'x,c\n' + Array.from({ length: 300 }, (_, i) => `${(i % 37) + shift},${'abc'[i % 3]}`).join('\n');
  const ref = await stored(db, rows(0), 'ref.csv');
  const cur = await stored(db, rows(5), 'cur.csv');
  const ws = await createWorkspace(db, 'Backup me');
  await addWorkspaceDataset(db, ws.id, ref.meta.id);
  await addWorkspaceDataset(db, ws.id, cur.meta.id);
  const result = await computeDrift({ meta: ref.meta, table: ref.table }, { meta: cur.meta, table: cur.table }, {});
  const inputs = { reference: { id: ref.meta.id, sha256: ref.meta.sha256 }, current: { id: cur.meta.id, sha256: cur.meta.sha256 } };
  await insertCell(db, {
    id: 'c-drift',
    workspaceId: ws.id,
    kind: 'drift',
    title: 'ref → cur',
    config: { threshold: 0.05 },
    inputs,
    status: 'ok',
    result,
    resultKey: 'k',
    durationMs: 12,
    updatedAt: '2026-01-01T00:00:00.000Z',
  });
  await insertCell(db, {
    id: 'c-note',
    workspaceId: ws.id,
    kind: 'note',
    title: 'Note',
    config: { markdown: '# Hi <b>x</b>' },
    inputs: {},
    status: 'ok',
    updatedAt: '2026-01-01T00:00:00.000Z',
  });
  return { ws, ref, cur };
}

describe('tagged JSON', () => {
  it('round-trips non-finite numbers, -0, typed arrays and nested objects exactly', () => {
    const value = {
      a: [NaN, Infinity, -Infinity, -0, 1.5e-300],
      t: new Float64Array([1, NaN, -0]),
      u: new Uint8Array([1, 255]),
      s: 'x',
      n: null,
      nested: { $num: 'not a tag', k: 1 },
    };
    const back = fromTaggedJson<typeof value>(toTaggedJson(value));
    expect(back.a.map((x) => (Object.is(x, -0) ? '-0' : String(x)))).toEqual(['NaN', 'Infinity', '-Infinity', '-0', '1.5e-300']);
    expect(back.t).toBeInstanceOf(Float64Array);
    expect(Array.from(back.t).map(String)).toEqual(['1', 'NaN', '0']);
    expect(Object.is(back.t[2], -0)).toBe(true);
    expect(Array.from(back.u)).toEqual([1, 255]);
    expect(back.nested).toEqual({ $num: 'not a tag', k: 1 });
    expect(back.n).toBeNull();
  });
});

describe('workspace backup', () => {
  it('restores in another browser profile exactly: workspace, cells with results, dataset bytes', async () => {
    const source = newDb();
    const { ws, ref, cur } = await fixture(source);
    const bytes = await exportWorkspace(source, ws.id, new Date('2026-11-28T00:00:00Z'));
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(['cells.json', `datasets/${cur.meta.id}.arrow`, `datasets/${ref.meta.id}.arrow`, 'manifest.json'].sort());

    const target = newDb();
    const summary = await importWorkspace(target, bytes);
    expect(summary).toMatchObject({ datasetsAdded: 2, datasetsReused: 0, cells: 2 });
    expect(await getWorkspace(target, ws.id)).toEqual(await getWorkspace(source, ws.id));
    expect(await listCells(target, ws.id)).toEqual(await listCells(source, ws.id));
    for (const id of [ref.meta.id, cur.meta.id]) {
      expect(await target.datasets.get(id)).toEqual(await source.datasets.get(id));
      expect(Buffer.from(await getDatasetIpc(target, id)).equals(Buffer.from(await getDatasetIpc(source, id)))).toBe(true);
    }
  });

  it('imports into the same profile as a copy with new ids, reusing the stored datasets', async () => {
    const db = newDb();
    const { ws } = await fixture(db);
    const summary = await importWorkspace(db, await exportWorkspace(db, ws.id));
    expect(summary).toMatchObject({ datasetsAdded: 0, datasetsReused: 2, cells: 2 });
    expect(summary.workspace.id).not.toBe(ws.id);
    expect(summary.workspace.name).toBe('Backup me (imported)');
    expect(await listWorkspaces(db)).toHaveLength(2);
    const [a, b] = [await listCells(db, ws.id), await listCells(db, summary.workspace.id)];
    expect(b.map((c) => c.id)).not.toEqual(a.map((c) => c.id));
    expect(b.map((c) => c.result)).toEqual(a.map((c) => c.result));
    expect(await db.datasets.count()).toBe(2);
  });

  it('refuses files that are not backups, or damaged ones, with a clear message and nothing stored', async () => {
    const db = newDb();
    await expect(importWorkspace(db, strToU8('a,b\n1,2\n'))).rejects.toThrow(/not a Driftbook workspace file: it is not a zip archive/);
    await expect(importWorkspace(db, zipSync({ 'x.txt': strToU8('x') }))).rejects.toThrow(/manifest.json or cells.json is missing/);
    await expect(importWorkspace(db, zipSync({ 'manifest.json': strToU8('{'), 'cells.json': strToU8('[]') }))).rejects.toThrow(/not valid JSON/);

    const source = newDb();
    const { ws, cur } = await fixture(source);
    const files = unzipSync(await exportWorkspace(source, ws.id));
    const damaged = files[`datasets/${cur.meta.id}.arrow`]!;
    damaged[damaged.length - 20] = damaged[damaged.length - 20]! ^ 0xff;
    await expect(importWorkspace(db, zipSync(files))).rejects.toThrow(/dataset cur.csv is damaged .*SHA-256 mismatch/);
    expect(await db.datasets.count()).toBe(0);
    expect(await db.datasetBlobs.count()).toBe(0);
    expect(await db.workspaces.count()).toBe(0);

    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    files['manifest.json'] = strToU8(JSON.stringify({ ...manifest, version: 99 }));
    await expect(importWorkspace(db, zipSync(files))).rejects.toThrow(/version 99.*update Driftbook/);
  });

  it('leaves nothing half-written when storage runs out midway', async () => {
    const source = newDb();
    const { ws } = await fixture(source);
    const bytes = await exportWorkspace(source, ws.id);
    const target = newDb();
    const put = target.datasetBlobs.put.bind(target.datasetBlobs);
    let calls = 0;
    vi.spyOn(target.datasetBlobs, 'put').mockImplementation((...args: Parameters<typeof put>) => {
      if (++calls === 2) throw Object.assign(new Error('QuotaExceededError: no space'), { name: 'QuotaExceededError' });
      return put(...args);
    });
    await expect(importWorkspace(target, bytes)).rejects.toThrow(/storage full/);
    expect(await target.datasets.count()).toBe(0);
    expect(await target.datasetBlobs.count()).toBe(0);
    expect(await target.workspaces.count()).toBe(0);
    expect(await target.cells.count()).toBe(0);
  });
});

import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { arrowBytesBound, JSON_ENTRY_MAX_BYTES } from '../../../lib/store/backup-read';
import { exportWorkspace, importWorkspace } from '../../../lib/store/backup';
import type { DriftbookDb } from '../../../lib/store/db';
import { getDatasetIpc } from '../../../lib/store/datasets';
import { listCells } from '../../../lib/store/workspaces';
import { jsonBytes, newDb, plainJson, snapshot, workspaceFixture, writeZip, type Entry } from './backup-fixture';

const dbs: DriftbookDb[] = [];
function db(): DriftbookDb {
  const created = newDb('hardening');
  dbs.push(created);
  return created;
}
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(dbs.splice(0).map((d) => d.delete()));
});

type Manifest = Record<string, unknown> & { workspace: Record<string, unknown>; datasets: Record<string, unknown>[] };

/** A fixture workspace's backup as editable entries (manifest and cells as plain JSON). */
async function backup(source: DriftbookDb) {
  const fixture = await workspaceFixture(source);
  const files = unzipSync(await exportWorkspace(source, fixture.ws.id));
  const manifest = plainJson(files['manifest.json']) as Manifest;
  const cells = plainJson(files['cells.json']) as Record<string, unknown>[];
  const rezip = (m: unknown = manifest, c: unknown = cells) => zipSync({ ...files, 'manifest.json': jsonBytes(m), 'cells.json': jsonBytes(c) });
  return { fixture, files, manifest, cells, rezip };
}

/** Refused with one readable line, and the target database exactly as it was. */
async function expectRefused(target: DriftbookDb, bytes: Uint8Array, message: RegExp) {
  const before = await snapshot(target);
  const error = await importWorkspace(target, bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ kind: 'StorageError', code: 'bad-backup' });
  const text = (error as Error).message;
  expect(text).toMatch(/^not a Driftbook workspace file: /);
  expect(text).toMatch(message);
  expect(text).not.toMatch(/undefined|is not iterable|Cannot read properties/);
  expect(await snapshot(target)).toEqual(before);
}

describe('backup import: the whole file is checked before anything is stored', () => {
  it('refuses a cell without inputs before storing its datasets (was: datasets stored, then "Cannot read properties of undefined")', async () => {
    const { cells, rezip } = await backup(db());
    delete cells[0]!.inputs;
    await expectRefused(db(), rezip(), /cells\.json does not match backup format 1: \[0\] must have required property 'inputs'/);
  });

  it('refuses a manifest without datasets (was: "r.datasets is not iterable")', async () => {
    const { manifest, rezip } = await backup(db());
    delete (manifest as Partial<Manifest>).datasets;
    await expectRefused(db(), rezip(), /manifest\.json does not match backup format 1: the file must have required property 'datasets'/);
  });

  it('refuses retyped fields, naming where they are', async () => {
    const { manifest, cells, rezip } = await backup(db());
    (manifest.datasets[0]!.meta as Record<string, unknown>).rows = '40';
    await expectRefused(db(), rezip(), /datasets\[0\]\.meta\.rows must be integer/);
    (manifest.datasets[0]!.meta as Record<string, unknown>).rows = 40;
    cells[1]!.status = 'exploded';
    await expectRefused(db(), rezip(), /\[1\]\.status must be equal to one of the allowed values \(idle, ok, running, error\)/);
  });

  it('refuses a dataset listed twice, a missing dataset entry, and a cell count that does not match', async () => {
    const { manifest, cells, files, rezip } = await backup(db());
    const target = db();
    await expectRefused(target, rezip({ ...manifest, datasets: [manifest.datasets[0], manifest.datasets[0]] }), /is listed twice/);
    await expectRefused(target, rezip({ ...manifest, cells: 2 }), /lists 2 cells but cells\.json holds 3/);
    const file = manifest.datasets[1]!.file as string;
    const without = Object.fromEntries(Object.entries(files).filter(([name]) => name !== file));
    await expectRefused(
      target,
      zipSync({ ...without, 'manifest.json': jsonBytes(manifest), 'cells.json': jsonBytes(cells) }),
      /datasets\/.*\.arrow \(dataset cur\.csv\) is missing/,
    );
  });

  it('shows bidi and control characters from the file visibly in its message, on one line', async () => {
    const { manifest, rezip } = await backup(db());
    (manifest.datasets[1]!.meta as Record<string, unknown>).name = 'x\u202egpj.csv\nline 2';
    manifest.datasets[1]!.arrowSha256 = '0'.repeat(64);
    await expectRefused(db(), rezip(), /dataset x⟨U\+202E⟩gpj\.csv⟨U\+000A⟩line 2 is damaged in it/);
  });

  it('imports a cell of an unknown kind (and a config of any shape) as it is', async () => {
    const source = db();
    const { fixture, rezip } = await backup(source);
    const target = db();
    const summary = await importWorkspace(target, rezip());
    const stored = await listCells(target, summary.workspace.id);
    expect(stored.map((c) => c.kind)).toEqual(['drift', 'note', 'from-the-future']);
    expect(stored[2]!.config).toBe('not an object');
    expect(stored).toEqual(fixture.cells);
  });
});

describe('backup import never overwrites what is here', () => {
  it("keeps another workspace's cells when a backup with a new workspace id reuses their ids (was: 7 cells became 5)", async () => {
    const here = db();
    const { fixture, manifest, rezip } = await backup(here);
    const before = await snapshot(here);
    manifest.workspace = { ...manifest.workspace, id: 'another-workspace', name: 'Other' };
    const summary = await importWorkspace(here, rezip());
    expect(summary.workspace.id).toBe('another-workspace');
    expect(await listCells(here, fixture.ws.id)).toEqual(fixture.cells);
    const imported = await listCells(here, 'another-workspace');
    expect(imported).toHaveLength(3);
    expect(imported.filter((c) => fixture.cells.some((f) => f.id === c.id))).toEqual([]);
    expect(await here.cells.count()).toBe(6);
    // Every record that was here is unchanged.
    const after = await snapshot(here);
    for (const [table, rows] of Object.entries(before)) for (const [key, value] of rows) expect(after[table]!.get(key)).toBe(value);
  });

  it('gives new ids to cells whose id repeats in the file', async () => {
    const { cells, rezip } = await backup(db());
    cells[1]!.id = cells[0]!.id;
    cells[2]!.id = cells[0]!.id;
    const target = db();
    const summary = await importWorkspace(target, rezip());
    const stored = await listCells(target, summary.workspace.id);
    expect(new Set(stored.map((c) => c.id)).size).toBe(3);
    expect(stored[0]!.id).toBe(cells[0]!.id);
    expect(stored.map((c) => c.title)).toEqual(['ref → cur', 'Note', 'Future']);
  });

  it('stores a dataset whose id is taken by other content under a new id, and points the cells at it', async () => {
    const source = db();
    const { fixture, rezip, files, manifest } = await backup(source);
    const target = db();
    // The same ids here, other content (another source file).
    await target.datasets.put({ ...fixture.ref, sha256: 'f'.repeat(64), name: 'mine.csv' });
    await target.datasetBlobs.put({ id: fixture.ref.id, ipc: strToU8('mine') });
    const summary = await importWorkspace(target, rezip());
    expect(summary).toMatchObject({ datasetsAdded: 2, datasetsReused: 0 });
    expect(await target.datasets.get(fixture.ref.id)).toMatchObject({ name: 'mine.csv' });
    expect(await getDatasetIpc(target, fixture.ref.id)).toEqual(strToU8('mine'));
    const [drift] = await listCells(target, summary.workspace.id);
    const newId = drift!.inputs.reference!.id;
    expect(newId).not.toBe(fixture.ref.id);
    expect(await target.datasets.get(newId)).toMatchObject({ name: 'ref.csv', sha256: fixture.ref.sha256 });
    expect(await getDatasetIpc(target, newId)).toEqual(files[manifest.datasets[0]!.file as string]);
    expect(summary.workspace.datasetIds).toEqual([newId, fixture.cur.id]);
  });

  it('reuses a dataset with the same id and content', async () => {
    const here = db();
    const { rezip } = await backup(here);
    const summary = await importWorkspace(here, rezip());
    expect(summary).toMatchObject({ datasetsAdded: 0, datasetsReused: 2, cells: 3 });
    expect(await here.datasets.count()).toBe(2);
  });

  it('removes the datasets it stored when writing the workspace fails (one cleanup path)', async () => {
    const { rezip } = await backup(db());
    const target = db();
    vi.spyOn(target.cells, 'bulkAdd').mockRejectedValue(Object.assign(new Error('QuotaExceededError'), { name: 'QuotaExceededError' }));
    await expect(importWorkspace(target, rezip())).rejects.toMatchObject({ code: 'quota' });
    expect(await target.datasets.count()).toBe(0);
    expect(await target.datasetBlobs.count()).toBe(0);
    expect(await target.workspaces.count()).toBe(0);
    expect(await target.cells.count()).toBe(0);
  });
});

describe('backup import: zip bombs', () => {
  const GB = 1024 ** 3;
  async function entries(): Promise<{ list: Entry[]; manifest: Manifest }> {
    const { files, manifest } = await backup(db());
    return { list: Object.entries(files).map(([name, data]) => ({ name, data })), manifest };
  }

  it('refuses a manifest.json declaring more than 64 MB, unread', async () => {
    const { list } = await entries();
    const bomb = list.map((e) => (e.name === 'manifest.json' ? { ...e, method: 8, declaredSize: GB } : e));
    await expectRefused(db(), writeZip(bomb), new RegExp(`manifest\\.json declares ${GB} bytes, more than the ${JSON_ENTRY_MAX_BYTES}`));
  });

  it('refuses a dataset entry declaring more than its manifest allows, unread', async () => {
    const { list, manifest } = await entries();
    const file = manifest.datasets[0]!.file as string;
    const bomb = list.map((e) => (e.name === file ? { ...e, method: 8, declaredSize: GB } : e));
    await expectRefused(db(), writeZip(bomb), new RegExp(`${file} declares ${GB} bytes`));
    // Without arrowBytes (files from before it), the bound comes from the dataset's declared shape.
    const meta = manifest.datasets[0]!.meta as Parameters<typeof arrowBytesBound>[0];
    expect(arrowBytesBound(meta)).toBeLessThan(2 * 1024 * 1024);
    const old = { ...manifest, datasets: manifest.datasets.map(({ arrowBytes: _, ...d }) => d) };
    const oldBomb = bomb.map((e) => (e.name === 'manifest.json' ? { ...e, data: jsonBytes(old) } : e));
    await expectRefused(db(), writeZip(oldBomb), new RegExp(`${file} declares ${GB} bytes, more than the ${arrowBytesBound(meta)}`));
  });

  it('never inflates an entry the manifest does not name (an unknown compression there would fail)', async () => {
    const { list } = await entries();
    const junk: Entry = { name: '../../junk.bin', data: new Uint8Array(1024), method: 99, declaredSize: 0xffffffff };
    const summary = await importWorkspace(db(), writeZip([...list, junk]));
    expect(summary.cells).toBe(3);
  });

  it('refuses an entry named twice, and an entry that lies about its size (truncated, so damaged)', async () => {
    const { list, manifest } = await entries();
    const cells = list.find((e) => e.name === 'cells.json')!;
    await expectRefused(db(), writeZip([...list, cells]), /cells\.json appears twice in it/);
    const file = manifest.datasets[1]!.file as string;
    const lying = list.map((e) => (e.name === file ? { ...e, method: 8, declaredSize: e.data.byteLength - 100 } : e));
    const old = { ...manifest, datasets: manifest.datasets.map(({ arrowBytes: _, ...d }) => d) };
    const withOld = lying.map((e) => (e.name === 'manifest.json' ? { ...e, data: jsonBytes(old) } : e));
    await expectRefused(db(), writeZip(withOld), /dataset cur\.csv is damaged in it \(SHA-256 mismatch\)/);
  });
});

import 'fake-indexeddb/auto';
import { unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { computeDrift } from '../../../lib/drift/compute-drift';
import { summarizeBatch, type BatchSummary } from '../../../lib/notebook/batch-summary';
import { exportWorkspace, importWorkspace } from '../../../lib/store/backup';
import {
  addBatch,
  checkBatchDate,
  isIsoDate,
  listBatches,
  pinReference,
  redateBatch,
  removeBatch,
  restoreBatch,
  setBatchSummary,
  todayIso,
} from '../../../lib/store/batches';
import type { DriftbookDb } from '../../../lib/store/db';
import { getDatasetIpc } from '../../../lib/store/datasets';
import type { DatasetMeta } from '../../../lib/data/types';
import { deleteWorkspace, duplicateWorkspace, getWorkspace, restoreWorkspace } from '../../../lib/store/workspaces';
import { jsonBytes, newDb, plainJson, snapshot, storeDataset, workspaceFixture } from './backup-fixture';

const dbs: DriftbookDb[] = [];
function db(): DriftbookDb {
  const created = newDb('batches');
  dbs.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((d) => d.delete()));
});

const ref = (meta: DatasetMeta) => ({ id: meta.id, sha256: meta.sha256, name: meta.name, rows: meta.rows });

async function open(target: DriftbookDb, meta: DatasetMeta) {
  return { meta, table: tableFromIPC(await getDatasetIpc(target, meta.id)) };
}

/** A workspace with a pinned reference and three batches (dates out of order, two on one day), each summarized. */
async function history(target: DriftbookDb) {
  const { ws, ref: reference } = await workspaceFixture(target);
  await pinReference(target, ws.id, reference);
  const metas = [await storeDataset(target, 'b1.csv', 30, 1), await storeDataset(target, 'b2.csv', 30, 9), await storeDataset(target, 'b3.csv', 30, 20)];
  const dates = ['2026-12-03', '2026-12-01', '2026-12-01'];
  const batches = [];
  for (let i = 0; i < 3; i++) {
    const summary = await summarizeBatch(await open(target, reference), await open(target, metas[i]!), { now: new Date('2026-12-05T00:00:00Z') });
    batches.push(await addBatch(target, { workspaceId: ws.id, dataset: ref(metas[i]!), date: dates[i], summary }, new Date(Date.UTC(2026, 11, 5, 0, 0, i))));
  }
  return { ws, reference, metas, batches };
}

describe('batch dates', () => {
  it('accepts calendar dates written YYYY-MM-DD only', () => {
    expect(isIsoDate('2026-12-01')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    for (const bad of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-1-01', '20261201', '2026-12-01T00:00', '', ' 2026-12-01'])
      expect(isIsoDate(bad)).toBe(false);
    expect(() => checkBatchDate('2026-02-30')).toThrow(/batch date: "2026-02-30" is not a calendar date — write it as YYYY-MM-DD/);
    expect(todayIso(new Date('2026-12-06T23:59:59Z'))).toBe('2026-12-06');
  });
});

describe('batch store', () => {
  it('adds, lists by date then added time, re-dates, stores summaries, removes and restores', async () => {
    const target = db();
    const { ws, reference, metas, batches } = await history(target);
    const workspace = await getWorkspace(target, ws.id);
    expect(workspace.pinnedReference).toEqual({ id: reference.id, sha256: reference.sha256 });
    // Every batch's dataset is recorded as used by the workspace (so its backup carries it).
    expect(workspace.datasetIds).toEqual(expect.arrayContaining(metas.map((m) => m.id)));

    expect((await listBatches(target, ws.id)).map((b) => b.dataset.name)).toEqual(['b2.csv', 'b3.csv', 'b1.csv']);
    expect(batches[0]!.source).toEqual({ kind: 'upload' });

    const moved = await redateBatch(target, batches[0]!.id, '2026-11-30');
    expect(moved.date).toBe('2026-11-30');
    expect((await listBatches(target, ws.id)).map((b) => b.dataset.name)).toEqual(['b1.csv', 'b2.csv', 'b3.csv']);
    await expect(redateBatch(target, batches[0]!.id, '2026-11-31')).rejects.toMatchObject({ code: 'bad-date' });
    await expect(redateBatch(target, 'nope', '2026-11-01')).rejects.toMatchObject({ code: 'batch-missing' });

    const failed = await setBatchSummary(target, batches[1]!.id, { error: { code: 'x', message: 'broken' } });
    expect(failed.summary).toBeUndefined();
    expect(failed.error).toEqual({ code: 'x', message: 'broken' });
    const fixed = await setBatchSummary(target, batches[1]!.id, { summary: batches[1]!.summary! });
    expect(fixed.error).toBeUndefined();
    expect(fixed.summary).toEqual(batches[1]!.summary);

    const removed = await removeBatch(target, batches[2]!.id);
    expect((await listBatches(target, ws.id)).map((b) => b.dataset.name)).toEqual(['b1.csv', 'b2.csv']);
    await restoreBatch(target, removed);
    expect(await listBatches(target, ws.id)).toHaveLength(3);
  });

  it('defaults the date to today (UTC) and refuses a bad one before storing anything', async () => {
    const target = db();
    const { ws, cur } = await workspaceFixture(target);
    const added = await addBatch(target, { workspaceId: ws.id, dataset: ref(cur) }, new Date('2026-12-06T04:00:00Z'));
    expect(added.date).toBe('2026-12-06');
    await expect(addBatch(target, { workspaceId: ws.id, dataset: ref(cur), date: '06/12/2026' })).rejects.toMatchObject({ code: 'bad-date' });
    await expect(addBatch(target, { workspaceId: 'gone', dataset: ref(cur) })).rejects.toMatchObject({ code: 'workspace-missing' });
    expect(await listBatches(target, ws.id)).toHaveLength(1);
  });

  it('summaries equal a direct drift run and the batch missing share', async () => {
    const target = db();
    const { reference, metas, batches } = await history(target);
    for (let i = 0; i < 3; i++) {
      const direct = await computeDrift(await open(target, reference), await open(target, metas[i]!));
      const summary: BatchSummary = batches[i]!.summary!;
      expect(summary.driftShare).toBe(direct.dataset.share);
      expect(summary.datasetDrifted).toBe(direct.dataset.drifted);
      expect(summary.columns).toEqual(direct.columns.map((c) => ({ name: c.name, method: c.method, score: c.score, drifted: c.drifted })));
      expect(summary.reference).toEqual({ sha256: reference.sha256, name: 'ref.csv', rows: 40 });
      expect(summary.rows).toBe(30);
      expect(summary.missingShare).toBe(0);
    }
  });

  it('follows its workspace when deleted, restored and duplicated', async () => {
    const target = db();
    const { ws } = await history(target);
    const deleted = await deleteWorkspace(target, ws.id);
    expect(deleted.batches).toHaveLength(3);
    expect(await target.batches.count()).toBe(0);
    await restoreWorkspace(target, deleted);
    expect(await listBatches(target, ws.id)).toHaveLength(3);
    const copy = await duplicateWorkspace(target, ws.id);
    const copied = await listBatches(target, copy.id);
    expect(copied.map((b) => b.date)).toEqual((await listBatches(target, ws.id)).map((b) => b.date));
    expect(copied.every((b) => b.workspaceId === copy.id)).toBe(true);
  });
});

describe('batch history in backups', () => {
  it('exports the pin and the batches (exact numbers) and imports them into another browser', async () => {
    const source = db();
    const { ws, batches } = await history(source);
    const bytes = await exportWorkspace(source, ws.id);
    const entries = unzipSync(bytes);
    expect(plainJson(entries['manifest.json'])).toMatchObject({ batches: { file: 'batches.json', count: 3 } });

    const target = db();
    const summary = await importWorkspace(target, bytes);
    expect(summary.batches).toBe(3);
    const imported = await listBatches(target, summary.workspace.id);
    expect(imported).toEqual(await listBatches(source, ws.id));
    expect(imported.map((b) => b.summary)).toEqual([batches[1], batches[2], batches[0]].map((b) => b!.summary));
    expect((await getWorkspace(target, summary.workspace.id)).pinnedReference).toEqual((await getWorkspace(source, ws.id)).pinnedReference);

    // Imported again into the same browser: a copy, with new batch ids on the same datasets.
    const again = await importWorkspace(target, bytes);
    const copies = await listBatches(target, again.workspace.id);
    expect(copies.map((b) => b.dataset.id)).toEqual(imported.map((b) => b.dataset.id));
    expect(copies.some((b) => imported.some((i) => i.id === b.id))).toBe(false);
  });

  it('imports files without batches (before 0.3) and refuses a damaged history without storing anything', async () => {
    const source = db();
    const { ws } = await history(source);
    const entries = unzipSync(await exportWorkspace(source, ws.id));
    const manifest = plainJson(entries['manifest.json']) as Record<string, unknown> & { workspace: Record<string, unknown> };
    const batches = plainJson(entries['batches.json']) as Record<string, unknown>[];

    const { batches: _b, ...older } = manifest;
    const { pinnedReference: _p, ...olderWorkspace } = manifest.workspace;
    const { 'batches.json': _e, ...olderEntries } = entries;
    const target = db();
    const plain = await importWorkspace(target, zipSync({ ...olderEntries, 'manifest.json': jsonBytes({ ...older, workspace: olderWorkspace }) }));
    expect(plain.batches).toBe(0);

    const cases: [string, Record<string, Uint8Array>][] = [
      ['batches.json is missing', { ...olderEntries, 'manifest.json': entries['manifest.json']! }],
      ['lists 4 batches but batches.json holds 3', { ...entries, 'manifest.json': jsonBytes({ ...manifest, batches: { file: 'batches.json', count: 4 } }) }],
      ['which is not a calendar date', { ...entries, 'batches.json': jsonBytes([{ ...batches[0], date: '2026-02-30' }, ...batches.slice(1)]) }],
      [
        'batches.json does not match backup format 1: [0].date',
        { ...entries, 'batches.json': jsonBytes([{ ...batches[0], date: 'today' }, ...batches.slice(1)]) },
      ],
      ['appears twice', { ...entries, 'batches.json': jsonBytes([batches[0], batches[0], batches[1]]) }],
      [
        'which is not among its datasets',
        { ...entries, 'batches.json': jsonBytes([{ ...batches[0], dataset: { ...(batches[0]!.dataset as object), id: 'elsewhere' } }, ...batches.slice(1)]) },
      ],
      [
        'its pinned reference',
        { ...entries, 'manifest.json': jsonBytes({ ...manifest, workspace: { ...manifest.workspace, pinnedReference: { id: 'nope', sha256: 'x' } } }) },
      ],
    ];
    const fresh = db();
    const before = await snapshot(fresh);
    for (const [message, files] of cases) {
      await expect(importWorkspace(fresh, zipSync(files)), message).rejects.toThrow(message);
    }
    expect(await snapshot(fresh)).toEqual(before);
  });
});

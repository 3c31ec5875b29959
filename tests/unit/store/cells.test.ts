import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteCell, duplicateCell, insertCell, moveCell, updateCell } from '../../../lib/store/cells';
import { DriftbookDb } from '../../../lib/store/db';
import type { CellRecordOf } from '../../../lib/store/types';
import {
  addWorkspaceDataset,
  createWorkspace,
  deleteWorkspace,
  duplicateWorkspace,
  getWorkspace,
  listCells,
  listWorkspaces,
  renameWorkspace,
  restoreWorkspace,
} from '../../../lib/store/workspaces';

let db: DriftbookDb;
let n = 0;
beforeEach(() => {
  db = new DriftbookDb(`cells-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

function note(workspaceId: string, title: string): Omit<CellRecordOf<'note'>, 'order'> {
  return { id: `id-${title}`, workspaceId, kind: 'note', title, config: { markdown: title }, inputs: {}, status: 'ok', updatedAt: '2026-01-01T00:00:00.000Z' };
}

const titles = async (workspaceId: string) => (await listCells(db, workspaceId)).map((c) => `${c.order}:${c.title}`);

describe('cell operations', () => {
  it('inserts at a position, moves, duplicates below and deletes, keeping orders 0…n−1', async () => {
    const ws = await createWorkspace(db, 'W');
    await insertCell(db, note(ws.id, 'a'));
    await insertCell(db, note(ws.id, 'c'));
    await insertCell(db, note(ws.id, 'b'), 1);
    expect(await titles(ws.id)).toEqual(['0:a', '1:b', '2:c']);

    await moveCell(db, 'id-c', -1);
    expect(await titles(ws.id)).toEqual(['0:a', '1:c', '2:b']);
    await moveCell(db, 'id-a', -1); // already first: no-op
    await moveCell(db, 'id-b', 1); // already last: no-op
    expect(await titles(ws.id)).toEqual(['0:a', '1:c', '2:b']);

    const copy = await duplicateCell(db, 'id-c');
    expect(copy.id).not.toBe('id-c');
    expect(copy.config).toEqual({ markdown: 'c' });
    expect(await titles(ws.id)).toEqual(['0:a', '1:c', '2:c (copy)', '3:b']);

    const removed = await deleteCell(db, 'id-a');
    expect(removed?.title).toBe('a');
    expect(await titles(ws.id)).toEqual(['0:c', '1:c (copy)', '2:b']);
    expect(await deleteCell(db, 'nope')).toBeUndefined();
  });

  it('updates fields and touches the workspace; a missing cell is a clear error', async () => {
    const ws = await createWorkspace(db, 'W', new Date('2020-01-01'));
    await insertCell(db, note(ws.id, 'a'));
    const next = await updateCell(db, 'id-a', { collapsed: true, title: 'renamed' });
    expect(next).toMatchObject({ collapsed: true, title: 'renamed', order: 0 });
    expect((await getWorkspace(db, ws.id)).updatedAt > '2020-01-02').toBe(true);
    await expect(updateCell(db, 'gone', { title: 'x' })).rejects.toThrow(/cell not found: gone/);
  });
});

describe('workspace operations', () => {
  it('renames (trimmed, never empty), records datasets once', async () => {
    const ws = await createWorkspace(db, 'W');
    expect((await renameWorkspace(db, ws.id, '  Churn model  ')).name).toBe('Churn model');
    await expect(renameWorkspace(db, ws.id, '   ')).rejects.toThrow(/needs a name/);
    await addWorkspaceDataset(db, ws.id, 'd1');
    await addWorkspaceDataset(db, ws.id, 'd1');
    await addWorkspaceDataset(db, ws.id, 'd2');
    expect((await getWorkspace(db, ws.id)).datasetIds).toEqual(['d1', 'd2']);
  });

  it('duplicates with every cell under new ids', async () => {
    const ws = await createWorkspace(db, 'W');
    await insertCell(db, note(ws.id, 'a'));
    await insertCell(db, note(ws.id, 'b'));
    const copy = await duplicateWorkspace(db, ws.id);
    expect(copy.name).toBe('W (copy)');
    const cells = await listCells(db, copy.id);
    expect(cells.map((c) => c.title)).toEqual(['a', 'b']);
    expect(cells.every((c) => !c.id.startsWith('id-'))).toBe(true);
    expect(await listCells(db, ws.id)).toHaveLength(2);
  });

  it('deletes a workspace and its cells, and undo puts back exactly what was there', async () => {
    const ws = await createWorkspace(db, 'W');
    await insertCell(db, note(ws.id, 'a'));
    await insertCell(db, note(ws.id, 'b'));
    const before = await listCells(db, ws.id);
    const stored = await getWorkspace(db, ws.id);
    const deleted = await deleteWorkspace(db, ws.id);
    expect(await listWorkspaces(db)).toHaveLength(0);
    expect(await db.cells.count()).toBe(0);
    await restoreWorkspace(db, deleted);
    expect(await getWorkspace(db, ws.id)).toEqual(stored);
    expect(await listCells(db, ws.id)).toEqual(before);
  });
});

describe('cell inputs', () => {
  it('sets and clears one slot at a time, each edit on top of the stored cell', async () => {
    const { setCellInput } = await import('../../../lib/store/cells');
    const ws = await createWorkspace(db, 'W');
    await insertCell(db, {
      ...note(ws.id, 'a'),
      kind: 'drift',
      config: {},
      inputs: { reference: { id: 'r', sha256: 'rs' }, current: { id: 'c', sha256: 'cs' } },
    });
    // Two quick edits from the same (stale) view of the cell: both must land.
    await Promise.all([setCellInput(db, 'id-a', 'reference', { id: 'c', sha256: 'cs' }), setCellInput(db, 'id-a', 'current', { id: 'r', sha256: 'rs' })]);
    expect((await db.cells.get('id-a'))!.inputs).toEqual({ reference: { id: 'c', sha256: 'cs' }, current: { id: 'r', sha256: 'rs' } });
    await setCellInput(db, 'id-a', 'current', undefined);
    expect((await db.cells.get('id-a'))!.inputs).toEqual({ reference: { id: 'c', sha256: 'cs' } });
  });
});

describe('storage full', () => {
  it('a cell that cannot be saved says what to delete or export, and the stored cell stays as it was', async () => {
    const { vi } = await import('vitest');
    const { saveCell } = await import('../../../lib/store/workspaces');
    const ws = await createWorkspace(db, 'W');
    const stored = await insertCell(db, note(ws.id, 'a'));
    const spy = vi.spyOn(db.cells, 'put').mockImplementation(() => {
      throw Object.assign(new Error('QuotaExceededError: the quota has been exceeded'), { name: 'QuotaExceededError' });
    });
    await expect(saveCell(db, { ...stored, config: { markdown: 'x'.repeat(1000) } })).rejects.toMatchObject({
      code: 'quota',
      message: expect.stringMatching(/^storage full: this browser would not store cell "a" — delete stored datasets .*export workspaces/),
    });
    spy.mockRestore();
    expect(await db.cells.get(stored.id)).toEqual(stored);
  });
});

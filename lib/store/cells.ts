import { StorageError } from '../errors';
import type { DriftbookDb } from './db';
import type { CellRecord, DatasetInputRef } from './types';
import { listCells } from './workspaces';

const now = () => new Date().toISOString();

/** Re-numbers a workspace's cells 0…n−1 in the given order, and touches the workspace. */
async function writeOrder(db: DriftbookDb, workspaceId: string, cells: CellRecord[]): Promise<void> {
  const at = now();
  await db.cells.bulkPut(cells.map((cell, order) => (cell.order === order ? cell : { ...cell, order })));
  await db.workspaces.update(workspaceId, { updatedAt: at });
}

/** Inserts a cell at `index` (the end when absent), shifting the cells after it. */
export async function insertCell(db: DriftbookDb, cell: Omit<CellRecord, 'order'>, index?: number): Promise<CellRecord> {
  return db.transaction('rw', db.cells, db.workspaces, async () => {
    const cells = await listCells(db, cell.workspaceId);
    const at = index === undefined ? cells.length : Math.max(0, Math.min(index, cells.length));
    const inserted: CellRecord = { ...cell, order: at };
    cells.splice(at, 0, inserted);
    await writeOrder(db, cell.workspaceId, cells);
    return inserted;
  });
}

/** Changes some fields of a stored cell (a config edit, collapse, title) and touches its workspace. */
export async function updateCell(db: DriftbookDb, id: string, changes: Partial<Omit<CellRecord, 'id' | 'workspaceId'>>): Promise<CellRecord> {
  return db.transaction('rw', db.cells, db.workspaces, async () => {
    const cell = await db.cells.get(id);
    if (!cell) throw new StorageError('cell-missing', `cell not found: ${id} — it may have been deleted in another tab`);
    const next = { ...cell, ...changes, updatedAt: now() };
    await db.cells.put(next);
    await db.workspaces.update(cell.workspaceId, { updatedAt: next.updatedAt });
    return next;
  });
}

export async function deleteCell(db: DriftbookDb, id: string): Promise<CellRecord | undefined> {
  return db.transaction('rw', db.cells, db.workspaces, async () => {
    const cell = await db.cells.get(id);
    if (!cell) return undefined;
    await db.cells.delete(id);
    await writeOrder(db, cell.workspaceId, await listCells(db, cell.workspaceId));
    return cell;
  });
}

/** A copy right below the original, with its result (the same inputs and config give the same result). */
export async function duplicateCell(db: DriftbookDb, id: string): Promise<CellRecord> {
  const cell = await db.cells.get(id);
  if (!cell) throw new StorageError('cell-missing', `cell not found: ${id}`);
  const { order, ...rest } = cell;
  return insertCell(db, { ...rest, id: globalThis.crypto.randomUUID(), title: `${cell.title} (copy)`, updatedAt: now() }, order + 1);
}

/** Moves a cell up (−1) or down (+1); a no-op at either end. */
export async function moveCell(db: DriftbookDb, id: string, by: -1 | 1): Promise<void> {
  await db.transaction('rw', db.cells, db.workspaces, async () => {
    const cell = await db.cells.get(id);
    if (!cell) throw new StorageError('cell-missing', `cell not found: ${id}`);
    const cells = await listCells(db, cell.workspaceId);
    const from = cells.findIndex((c) => c.id === id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= cells.length) return;
    [cells[from], cells[to]] = [cells[to]!, cells[from]!];
    await writeOrder(db, cell.workspaceId, cells);
  });
}

/** Sets (or clears) one input dataset of a cell, reading the stored cell so quick successive edits all count. */
export async function setCellInput(db: DriftbookDb, id: string, slot: 'reference' | 'current', input: DatasetInputRef | undefined): Promise<CellRecord> {
  return db.transaction('rw', db.cells, db.workspaces, async () => {
    const cell = await db.cells.get(id);
    if (!cell) throw new StorageError('cell-missing', `cell not found: ${id} — it may have been deleted in another tab`);
    const inputs = { ...cell.inputs };
    if (input) inputs[slot] = input;
    else delete inputs[slot];
    return updateCell(db, id, { inputs });
  });
}

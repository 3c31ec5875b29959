import { StorageError } from '../errors';
import { appendAudit, asJson } from './audit';
import type { DriftbookDb } from './db';
import type { CellRecord, DatasetInputRef } from './types';

/** A cell record without its position (insertCell gives it one). */
export type UnorderedCell = Omit<CellRecord, 'order'>;

/** What may change on a stored cell without changing its kind. */
export type CellChanges = Partial<Omit<CellRecord, 'id' | 'workspaceId' | 'kind'>>;
import { listCells } from './workspaces';

const now = () => new Date().toISOString();

/** Re-numbers a workspace's cells 0…n−1 in the given order, and touches the workspace. */
async function writeOrder(db: DriftbookDb, workspaceId: string, cells: CellRecord[]): Promise<void> {
  const at = now();
  await db.cells.bulkPut(cells.map((cell, order) => (cell.order === order ? cell : { ...cell, order })));
  await db.workspaces.update(workspaceId, { updatedAt: at });
}

/** Inserts a cell at `index` (the end when absent), shifting the cells after it. */
export async function insertCell<C extends UnorderedCell>(db: DriftbookDb, cell: C, index?: number): Promise<C & { order: number }> {
  return db.transaction('rw', db.cells, db.workspaces, async () => {
    const cells = await listCells(db, cell.workspaceId);
    const at = index === undefined ? cells.length : Math.max(0, Math.min(index, cells.length));
    const inserted = { ...cell, order: at };
    // Kind, config and result came together from the caller; the list is re-written as it was read.
    cells.splice(at, 0, inserted as CellRecord);
    await writeOrder(db, cell.workspaceId, cells);
    return inserted;
  });
}

/** Changes some fields of a stored cell (a config edit, collapse, title) and touches its workspace. */
export async function updateCell(db: DriftbookDb, id: string, changes: CellChanges): Promise<CellRecord> {
  const [before, next] = await db.transaction('rw', db.cells, db.workspaces, async () => {
    const cell = await db.cells.get(id);
    if (!cell) throw new StorageError('cell-missing', `cell not found: ${id} — it may have been deleted in another tab`);
    // The caller edits a cell it read (a config of that cell's kind); IndexedDB holds the record as written.
    const next = { ...cell, ...changes, updatedAt: now() } as CellRecord;
    await db.cells.put(next);
    await db.workspaces.update(cell.workspaceId, { updatedAt: next.updatedAt });
    return [cell, next] as const;
  });
  const [from, to] = [asJson(before.config), asJson(next.config)];
  if (JSON.stringify(from) !== JSON.stringify(to)) {
    await appendAudit(db, 'config-change', { workspace: next.workspaceId, cell: id, kind: next.kind, title: next.title, before: from, after: to });
  }
  return next;
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
    // Another dataset in the slot keeps the slot's segment (the same rows of the new data).
    const segment = cell.inputs[slot]?.segment;
    if (input) inputs[slot] = segment && input.segment === undefined ? { ...input, segment } : input;
    else delete inputs[slot];
    return updateCell(db, id, { inputs });
  });
}

/** A cell elsewhere with this result key and a good result (its twin: same kind, config and data), if any. */
export async function findCellByResultKey(db: DriftbookDb, key: string): Promise<CellRecord | undefined> {
  return db.cells
    .where('resultKey')
    .equals(key)
    .filter((c) => c.result !== undefined && c.status === 'ok')
    .first();
}

/** Sets (or clears) the segment of one input of a cell; an input not chosen yet has no segment to set. */
export async function setCellSegment(db: DriftbookDb, id: string, slot: 'reference' | 'current', segment: string | undefined): Promise<CellRecord> {
  return db.transaction('rw', db.cells, db.workspaces, async () => {
    const cell = await db.cells.get(id);
    if (!cell) throw new StorageError('cell-missing', `cell not found: ${id} — it may have been deleted in another tab`);
    const input = cell.inputs[slot];
    if (!input) throw new StorageError('input-missing', `${slot}: no dataset chosen — choose the dataset before its segment`);
    const { segment: _old, ...rest } = input;
    return updateCell(db, id, { inputs: { ...cell.inputs, [slot]: segment ? { ...rest, segment } : rest } });
  });
}

import { StorageError } from '../errors';
import { quotaAware } from './datasets';
import { copyCards, listWorkspaceCards } from './cards';
import type { DriftbookDb } from './db';
import type { BatchRecord, CardRecord, CardVersionRecord, CellRecord, WorkspaceRecord } from './types';

const LAST_WORKSPACE = 'lastWorkspaceId';

export async function createWorkspace(db: DriftbookDb, name: string, now = new Date()): Promise<WorkspaceRecord> {
  const workspace: WorkspaceRecord = {
    id: globalThis.crypto.randomUUID(),
    name,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await db.workspaces.put(workspace);
  return workspace;
}

export function listWorkspaces(db: DriftbookDb): Promise<WorkspaceRecord[]> {
  return db.workspaces.orderBy('updatedAt').reverse().toArray();
}

export async function getWorkspace(db: DriftbookDb, id: string): Promise<WorkspaceRecord> {
  const workspace = await db.workspaces.get(id);
  if (!workspace) throw new StorageError('workspace-missing', `workspace not found: ${id}`);
  return workspace;
}

export async function setLastWorkspaceId(db: DriftbookDb, id: string): Promise<void> {
  await db.settings.put({ key: LAST_WORKSPACE, value: id });
}

export async function getLastWorkspaceId(db: DriftbookDb): Promise<string | undefined> {
  const row = await db.settings.get(LAST_WORKSPACE);
  return typeof row?.value === 'string' ? row.value : undefined;
}

export function listCells(db: DriftbookDb, workspaceId: string): Promise<CellRecord[]> {
  return db.cells.where('[workspaceId+order]').between([workspaceId, -Infinity], [workspaceId, Infinity]).toArray();
}

/** Saves a cell and touches its workspace, in one transaction. */
export async function saveCell(db: DriftbookDb, cell: CellRecord): Promise<void> {
  try {
    await db.transaction('rw', db.cells, db.workspaces, async () => {
      await db.cells.put(cell);
      await db.workspaces.update(cell.workspaceId, { updatedAt: cell.updatedAt });
    });
  } catch (error) {
    // The transaction is rolled back: the stored cell stays as it was.
    quotaAware(error, `cell "${cell.title}"`);
  }
}

export async function nextCellOrder(db: DriftbookDb, workspaceId: string): Promise<number> {
  const cells = await listCells(db, workspaceId);
  return cells.length ? cells[cells.length - 1]!.order + 1 : 0;
}

export async function renameWorkspace(db: DriftbookDb, id: string, name: string): Promise<WorkspaceRecord> {
  const trimmed = name.trim();
  if (!trimmed) throw new StorageError('empty-name', 'a workspace needs a name — type at least one character');
  // Read and write in one transaction, as addWorkspaceDataset does: a concurrent edit is not overwritten.
  return db.transaction('rw', db.workspaces, async () => {
    const workspace = await getWorkspace(db, id);
    const next = { ...workspace, name: trimmed, updatedAt: new Date().toISOString() };
    await db.workspaces.put(next);
    return next;
  });
}

/** Records a dataset as used by a workspace (the dataset itself stays in the shared library). */
export async function addWorkspaceDataset(db: DriftbookDb, id: string, datasetId: string): Promise<void> {
  await db.transaction('rw', db.workspaces, async () => {
    const workspace = await getWorkspace(db, id);
    const ids = workspace.datasetIds ?? [];
    if (!ids.includes(datasetId)) await db.workspaces.put({ ...workspace, datasetIds: [...ids, datasetId] });
  });
}

/** A copy with every cell (and its result), its model card with every version and its batch history; the datasets are shared, not copied. */
export async function duplicateWorkspace(db: DriftbookDb, id: string, now = new Date()): Promise<WorkspaceRecord> {
  return db.transaction('rw', [db.workspaces, db.cells, db.cards, db.cardVersions, db.batches], async () => {
    const source = await getWorkspace(db, id);
    const copy: WorkspaceRecord = {
      ...source,
      id: globalThis.crypto.randomUUID(),
      name: `${source.name} (copy)`,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await db.workspaces.put(copy);
    const cells = await listCells(db, id);
    await db.cells.bulkPut(cells.map((cell) => ({ ...cell, id: globalThis.crypto.randomUUID(), workspaceId: copy.id })));
    const cards = copyCards(await listWorkspaceCards(db, id), copy.id);
    await db.cards.bulkAdd(cards.cards);
    await db.cardVersions.bulkAdd(cards.versions);
    const batches = await db.batches.where('workspaceId').equals(id).toArray();
    await db.batches.bulkAdd(batches.map((batch) => ({ ...batch, id: globalThis.crypto.randomUUID(), workspaceId: copy.id })));
    return copy;
  });
}

/** What deleting a workspace removed: enough to put it back (undo). */
export interface DeletedWorkspace {
  workspace: WorkspaceRecord;
  cells: CellRecord[];
  /** Its model card(s) and every version. */
  modelCards: { cards: CardRecord[]; versions: CardVersionRecord[] };
  /** Its batch history (absent in undo records made before batches). */
  batches?: BatchRecord[];
}

/** Deletes a workspace, its cells, its model card with every version and its batch history (the datasets stay in the library). */
export async function deleteWorkspace(db: DriftbookDb, id: string): Promise<DeletedWorkspace> {
  return db.transaction('rw', [db.workspaces, db.cells, db.cards, db.cardVersions, db.batches], async () => {
    const workspace = await getWorkspace(db, id);
    const cells = await listCells(db, id);
    const modelCards = await listWorkspaceCards(db, id);
    await db.cells.bulkDelete(cells.map((c) => c.id));
    await db.cardVersions.bulkDelete(modelCards.versions.map((v) => v.id));
    await db.cards.bulkDelete(modelCards.cards.map((c) => c.id));
    const batches = await db.batches.where('workspaceId').equals(id).toArray();
    await db.batches.bulkDelete(batches.map((b) => b.id));
    await db.workspaces.delete(id);
    return { workspace, cells, modelCards, batches };
  });
}

export async function restoreWorkspace(db: DriftbookDb, deleted: DeletedWorkspace): Promise<void> {
  await db.transaction('rw', [db.workspaces, db.cells, db.cards, db.cardVersions, db.batches], async () => {
    await db.workspaces.put(deleted.workspace);
    await db.batches.bulkPut(deleted.batches ?? []);
    await db.cells.bulkPut(deleted.cells);
    await db.cards.bulkPut(deleted.modelCards.cards);
    await db.cardVersions.bulkPut(deleted.modelCards.versions);
  });
}

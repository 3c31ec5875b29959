import { StorageError } from '../errors';
import type { DriftbookDb } from './db';
import type { CellRecord, WorkspaceRecord } from './types';

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
  await db.transaction('rw', db.cells, db.workspaces, async () => {
    await db.cells.put(cell);
    await db.workspaces.update(cell.workspaceId, { updatedAt: cell.updatedAt });
  });
}

export async function nextCellOrder(db: DriftbookDb, workspaceId: string): Promise<number> {
  const cells = await listCells(db, workspaceId);
  return cells.length ? cells[cells.length - 1]!.order + 1 : 0;
}

import { StorageError } from '../errors';
import { quotaAware } from './datasets';
import type { AlertEvent, DashboardRecord, WorkspaceRulesRecord } from '../alerts/types';
import { alertStateKey } from './alerts';
import { copyCards, listWorkspaceCards } from './cards';
import { retargetTiles } from './dashboards';
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

/**
 * Stores a run's outcome (status, result, its key, error, duration, time) onto the cell as it is stored now, so what
 * changed while it ran is kept: an input chosen or a title edited meanwhile stays, and a result computed for the old
 * inputs then reads as stale until the cell runs again. A cell deleted while it ran stays deleted (undefined).
 */
export async function saveRunOutcome<C extends CellRecord>(db: DriftbookDb, outcome: C): Promise<C | undefined> {
  const stored = (await db.cells.get(outcome.id)) as C | undefined;
  if (!stored) return undefined;
  const { status, result, error, resultKey, durationMs, updatedAt } = outcome;
  const merged = { ...stored, status, result, error, resultKey, durationMs, updatedAt } as C;
  await saveCell(db, merged);
  return merged;
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

/**
 * A copy with every cell (and its result), its model card with every version, its batch history, its alert rules
 * and its dashboard (tiles follow the copied cells); the datasets are shared, not copied. Alert events are not
 * copied: the copy's cells raise their own when they compute.
 */
export async function duplicateWorkspace(db: DriftbookDb, id: string, now = new Date()): Promise<WorkspaceRecord> {
  return db.transaction('rw', [db.workspaces, db.cells, db.cards, db.cardVersions, db.batches, db.alertRules, db.dashboards], async () => {
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
    const cellIdOf = new Map(cells.map((cell) => [cell.id, globalThis.crypto.randomUUID()]));
    await db.cells.bulkPut(cells.map((cell) => ({ ...cell, id: cellIdOf.get(cell.id)!, workspaceId: copy.id })));
    const cards = copyCards(await listWorkspaceCards(db, id), copy.id);
    await db.cards.bulkAdd(cards.cards);
    await db.cardVersions.bulkAdd(cards.versions);
    const batches = await db.batches.where('workspaceId').equals(id).toArray();
    await db.batches.bulkAdd(batches.map((batch) => ({ ...batch, id: globalThis.crypto.randomUUID(), workspaceId: copy.id })));
    const rules = await db.alertRules.get(id);
    if (rules) await db.alertRules.put({ ...rules, workspaceId: copy.id, updatedAt: now.toISOString() });
    const dashboard = await db.dashboards.get(id);
    if (dashboard) await db.dashboards.put({ workspaceId: copy.id, tiles: retargetTiles(dashboard.tiles, cellIdOf), updatedAt: now.toISOString() });
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
  /** Its alert rules, their evaluation state and events, and its dashboard (absent before alerts). */
  monitoring?: { rules?: WorkspaceRulesRecord; state?: { key: string; value: unknown }; events: AlertEvent[]; dashboard?: DashboardRecord };
}

const WORKSPACE_TABLES = (db: DriftbookDb) => [
  db.workspaces,
  db.cells,
  db.cards,
  db.cardVersions,
  db.batches,
  db.alertRules,
  db.alerts,
  db.dashboards,
  db.settings,
];

/**
 * Deletes a workspace, its cells, its model card with every version, its batch history, its alert rules, state and
 * events, and its dashboard (the datasets stay in the library).
 */
export async function deleteWorkspace(db: DriftbookDb, id: string): Promise<DeletedWorkspace> {
  return db.transaction('rw', WORKSPACE_TABLES(db), async () => {
    const workspace = await getWorkspace(db, id);
    const cells = await listCells(db, id);
    const modelCards = await listWorkspaceCards(db, id);
    await db.cells.bulkDelete(cells.map((c) => c.id));
    await db.cardVersions.bulkDelete(modelCards.versions.map((v) => v.id));
    await db.cards.bulkDelete(modelCards.cards.map((c) => c.id));
    const batches = await db.batches.where('workspaceId').equals(id).toArray();
    await db.batches.bulkDelete(batches.map((b) => b.id));
    const rules = await db.alertRules.get(id);
    const state = await db.settings.get(alertStateKey(id));
    const events = await db.alerts.where('workspaceId').equals(id).toArray();
    const dashboard = await db.dashboards.get(id);
    await db.alertRules.delete(id);
    await db.settings.delete(alertStateKey(id));
    await db.alerts.bulkDelete(events.map((e) => e.id));
    await db.dashboards.delete(id);
    await db.workspaces.delete(id);
    return {
      workspace,
      cells,
      modelCards,
      batches,
      monitoring: { ...(rules ? { rules } : {}), ...(state ? { state } : {}), events, ...(dashboard ? { dashboard } : {}) },
    };
  });
}

export async function restoreWorkspace(db: DriftbookDb, deleted: DeletedWorkspace): Promise<void> {
  await db.transaction('rw', WORKSPACE_TABLES(db), async () => {
    await db.workspaces.put(deleted.workspace);
    await db.batches.bulkPut(deleted.batches ?? []);
    const monitoring = deleted.monitoring;
    if (monitoring?.rules) await db.alertRules.put(monitoring.rules);
    if (monitoring?.state) await db.settings.put(monitoring.state);
    await db.alerts.bulkPut(monitoring?.events ?? []);
    if (monitoring?.dashboard) await db.dashboards.put(monitoring.dashboard);
    await db.cells.bulkPut(deleted.cells);
    await db.cards.bulkPut(deleted.modelCards.cards);
    await db.cardVersions.bulkPut(deleted.modelCards.versions);
  });
}

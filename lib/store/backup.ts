import { strToU8, zipSync, type Zippable } from 'fflate';
import type { DatasetMeta } from '../data/types';
import { sha256Hex } from '../data/sha256';
import { DriftbookError, StorageError } from '../errors';
import { APP_VERSION } from '../version';
import { readBackup, shown, type BackupCards, type BackupManifest, type CheckedBackup } from './backup-read';
import { BACKUP_FORMAT, BACKUP_VERSION } from './backup-schema';
import { listWorkspaceCards } from './cards';
import type { DriftbookDb } from './db';
import { deleteDataset, getDatasetIpc, putDataset, quotaAware } from './datasets';
import { isProfileOnly } from './stored-profiles';
import { toTaggedJson } from './tagged-json';
import { listBatches } from './batches';
import { retargetTiles } from './dashboards';
import type { DashboardRecord, WorkspaceRulesRecord } from '../alerts/types';
import type { BatchRecord, CardRecord, CardVersionRecord, CellRecord, WorkspaceRecord } from './types';
import { getWorkspace, listCells } from './workspaces';

export { BACKUP_FORMAT, BACKUP_VERSION } from './backup-schema';
export type { BackupManifest } from './backup-read';

/** The workspace ids, cell inputs', pinned reference's and batches' datasets, listed once. */
function usedDatasetIds(workspace: WorkspaceRecord, cells: CellRecord[], batches: BatchRecord[]): string[] {
  const ids = new Set(workspace.datasetIds ?? []);
  for (const cell of cells) for (const ref of Object.values(cell.inputs)) if (ref) ids.add(ref.id);
  if (workspace.pinnedReference) ids.add(workspace.pinnedReference.id);
  for (const batch of batches) ids.add(batch.dataset.id);
  return [...ids];
}

/** What a backup holds, before it is zipped (the store's records and each dataset's Arrow bytes). */
export interface BackupContents {
  workspace: WorkspaceRecord;
  cells: CellRecord[];
  modelCards: BackupCards;
  batches: BatchRecord[];
  /** The alert rules and notification opt-in (issue 15), when the workspace has a rules record. */
  alertRules?: WorkspaceRulesRecord;
  /** The dashboard, when it has tiles. */
  dashboard?: DashboardRecord;
  datasets: { meta: DatasetMeta; ipc: Uint8Array }[];
}

/**
 * A workspace as one zip (fflate): manifest.json, cells.json (tagged JSON, exact numbers), cards.json
 * (its model card and every version, when it has one), batches.json (its batch history, when it has
 * one) and each dataset's Arrow IPC bytes (format: lib/store/backup-schema.ts). The CLI writes
 * backups with this too (`driftbook history add`).
 */
export async function packBackup(
  { workspace, cells, modelCards, batches, alertRules, dashboard, datasets }: BackupContents,
  now = new Date(),
): Promise<Uint8Array> {
  const files: Zippable = {};
  const listed: BackupManifest['datasets'] = [];
  for (const { meta, ipc } of datasets) {
    const file = `datasets/${meta.id}.arrow`;
    // Arrow bytes are already compact; deflating them costs time for little.
    files[file] = [ipc, { level: 0 }];
    listed.push({ meta, arrowSha256: await sha256Hex(ipc), arrowBytes: ipc.byteLength, file });
  }
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    appVersion: APP_VERSION,
    exportedAt: now.toISOString(),
    workspace,
    datasets: listed,
    cells: cells.length,
    ...(modelCards.cards.length ? { modelCards: { file: 'cards.json', cards: modelCards.cards.length, versions: modelCards.versions.length } } : {}),
    ...(batches.length ? { batches: { file: 'batches.json', count: batches.length } } : {}),
    ...(alertRules ? { alertRules: { file: 'alerts.json', rules: alertRules.rules.length } } : {}),
    ...(dashboard?.tiles.length ? { dashboard: { file: 'dashboard.json', tiles: dashboard.tiles.length } } : {}),
  };
  files['manifest.json'] = strToU8(toTaggedJson(manifest));
  files['cells.json'] = strToU8(toTaggedJson(cells));
  if (manifest.modelCards) files['cards.json'] = strToU8(toTaggedJson(modelCards));
  if (manifest.batches) files['batches.json'] = strToU8(toTaggedJson(batches));
  if (manifest.alertRules) files['alerts.json'] = strToU8(toTaggedJson(alertRules));
  if (manifest.dashboard) files['dashboard.json'] = strToU8(toTaggedJson(dashboard));
  return zipSync(files, { level: 6 });
}

/** The profile-only datasets (.dbprofile) a workspace uses: its backup leaves them out (the page says so). */
export async function profilesLeftOut(db: DriftbookDb, workspaceId: string): Promise<DatasetMeta[]> {
  const workspace = await getWorkspace(db, workspaceId);
  const ids = usedDatasetIds(workspace, await listCells(db, workspaceId), await listBatches(db, workspaceId));
  return (await db.datasets.bulkGet(ids)).filter((m): m is DatasetMeta => m !== undefined && isProfileOnly(m));
}

/** A stored workspace as a .driftbook file (packBackup). Datasets that were deleted from the library are left out. */
export async function exportWorkspace(db: DriftbookDb, workspaceId: string, now = new Date()): Promise<Uint8Array> {
  const workspace = await getWorkspace(db, workspaceId);
  const cells = await listCells(db, workspaceId);
  const modelCards = await listWorkspaceCards(db, workspaceId);
  const batches = await listBatches(db, workspaceId);
  const datasets: BackupContents['datasets'] = [];
  for (const id of usedDatasetIds(workspace, cells, batches)) {
    const meta = await db.datasets.get(id);
    // A profile-only dataset (.dbprofile) has no rows and is not carried (profilesLeftOut names it; README "Profiles in the app").
    if (meta && !isProfileOnly(meta)) datasets.push({ meta, ipc: await getDatasetIpc(db, id) });
  }
  const kept = new Set(datasets.map((d) => d.meta.id));
  // A batch or pin whose dataset was deleted from the library is left out with it (the file must hold every dataset it names).
  const pinned = workspace.pinnedReference && kept.has(workspace.pinnedReference.id) ? workspace : withoutPin(workspace);
  const [alertRules, dashboard] = await Promise.all([db.alertRules.get(workspaceId), db.dashboards.get(workspaceId)]);
  return packBackup({ workspace: pinned, cells, modelCards, batches: batches.filter((b) => kept.has(b.dataset.id)), alertRules, dashboard, datasets }, now);
}

function withoutPin({ pinnedReference: _pin, ...workspace }: WorkspaceRecord): WorkspaceRecord {
  return workspace;
}

export interface ImportSummary {
  workspace: WorkspaceRecord;
  datasetsAdded: number;
  /** Datasets already in this browser (same id and content, or same content and name) that were reused. */
  datasetsReused: number;
  cells: number;
  /** Model cards restored (with all their versions). */
  modelCards: number;
  /** Batches of its history restored. */
  batches: number;
}

/** Where each dataset of the file goes: reused (an id already here) or stored (under its id or a new one). */
type DatasetPlan = { from: string; reuse: string } | { from: string; store: { meta: DatasetMeta; ipc: Uint8Array } };

/**
 * Never overwrites: a dataset id already here with other content is stored under a new id; the
 * same content (SHA-256 of the source file, and the same name for another id) is reused.
 */
async function planDatasets(db: DriftbookDb, datasets: CheckedBackup['datasets']): Promise<DatasetPlan[]> {
  const plans: DatasetPlan[] = [];
  for (const { meta, ipc } of datasets) {
    const sameId = await db.datasets.get(meta.id);
    if (sameId?.sha256 === meta.sha256) {
      plans.push({ from: meta.id, reuse: meta.id });
      continue;
    }
    const twin = (await db.datasets.where('sha256').equals(meta.sha256).toArray()).find((d) => d.name === meta.name);
    if (twin) plans.push({ from: meta.id, reuse: twin.id });
    else plans.push({ from: meta.id, store: { meta: sameId ? { ...meta, id: globalThis.crypto.randomUUID() } : meta, ipc } });
  }
  return plans;
}

/** New ids for cells whose id is taken here or repeats in the file (or all of them, for a copy). */
async function cellIds(db: DriftbookDb, cells: CellRecord[], copy: boolean): Promise<string[]> {
  const here = copy ? [] : await db.cells.bulkGet(cells.map((c) => c.id));
  const used = new Set<string>();
  return cells.map((cell, i) => {
    const id = copy || here[i] !== undefined || used.has(cell.id) ? globalThis.crypto.randomUUID() : cell.id;
    used.add(id);
    return id;
  });
}

/**
 * The file's cards and versions for the imported workspace: ids kept unless taken here (or a copy),
 * each card's latest version number the highest of its versions, so the next save numbers on.
 */
async function restoredCards(db: DriftbookDb, { cards, versions }: BackupCards, workspaceId: string, copy: boolean): Promise<BackupCards> {
  const takenCards = copy ? [] : await db.cards.bulkGet(cards.map((c) => c.id));
  const takenVersions = copy ? [] : await db.cardVersions.bulkGet(versions.map((v) => v.id));
  const cardIds = new Map(cards.map((card, i) => [card.id, copy || takenCards[i] ? globalThis.crypto.randomUUID() : card.id]));
  const latest = new Map<string, number>();
  for (const v of versions) latest.set(v.cardId, Math.max(latest.get(v.cardId) ?? 0, v.version));
  return {
    cards: cards.map((card): CardRecord => ({ ...card, id: cardIds.get(card.id)!, workspaceId, latestVersion: latest.get(card.id) ?? 0 })),
    versions: versions.map((v, i): CardVersionRecord => ({
      ...v,
      id: copy || takenVersions[i] ? globalThis.crypto.randomUUID() : v.id,
      cardId: cardIds.get(v.cardId)!,
      workspaceId,
    })),
  };
}

/** The file's batches for the imported workspace: ids kept unless taken here (or a copy), datasets following their ids. */
async function restoredBatches(
  db: DriftbookDb,
  batches: BatchRecord[],
  workspaceId: string,
  copy: boolean,
  idMap: Map<string, string>,
): Promise<BatchRecord[]> {
  const taken = copy ? [] : await db.batches.bulkGet(batches.map((b) => b.id));
  return batches.map((batch, i) => ({
    ...batch,
    id: copy || taken[i] ? globalThis.crypto.randomUUID() : batch.id,
    workspaceId,
    dataset: { ...batch.dataset, id: idMap.get(batch.dataset.id) ?? batch.dataset.id },
  }));
}

/** Removes what an import wrote; a failure here must not hide the error that caused it. */
async function removeWritten(db: DriftbookDb, datasetIds: string[]): Promise<void> {
  for (const id of datasetIds) {
    try {
      await deleteDataset(db, id);
    } catch {
      // The dataset stays in the library, where the user can delete it; the import's own error is reported.
    }
  }
}

/**
 * Restores a .driftbook file. The whole file is read and checked first (lib/store/backup-read.ts),
 * so a refused file stores nothing. Nothing here is overwritten: a workspace id that exists is
 * imported as a copy, cells and datasets whose ids are taken get new ids. All or nothing: a failure
 * after the first write (storage full, another tab) removes every dataset this import stored.
 */
export async function importWorkspace(db: DriftbookDb, bytes: Uint8Array): Promise<ImportSummary> {
  const { manifest, cells, modelCards, batches, alertRules, dashboard, datasets } = await readBackup(bytes);
  const copy = (await db.workspaces.get(manifest.workspace.id)) !== undefined;
  const workspaceId = copy ? globalThis.crypto.randomUUID() : manifest.workspace.id;
  const ids = await cellIds(db, cells, copy);
  const plans = await planDatasets(db, datasets);

  const stored: string[] = [];
  const idMap = new Map<string, string>();
  try {
    for (const plan of plans) {
      if ('reuse' in plan) {
        idMap.set(plan.from, plan.reuse);
        continue;
      }
      // putDataset returns an equal dataset stored meanwhile (same content and name) instead of storing it twice;
      // it logs nothing: the import's own audit entry (backup-worker-api.ts) lists the datasets once the import holds.
      const saved = await putDataset(db, plan.store);
      if (saved.id === plan.store.meta.id) stored.push(saved.id);
      idMap.set(plan.from, saved.id);
    }
    const workspace: WorkspaceRecord = {
      ...manifest.workspace,
      id: workspaceId,
      name: copy ? `${manifest.workspace.name} (imported)` : manifest.workspace.name,
      ...(manifest.workspace.datasetIds ? { datasetIds: [...new Set(manifest.workspace.datasetIds.map((id) => idMap.get(id) ?? id))] } : {}),
      ...(manifest.workspace.pinnedReference
        ? { pinnedReference: { ...manifest.workspace.pinnedReference, id: idMap.get(manifest.workspace.pinnedReference.id)! } }
        : {}),
    };
    // Every input slot's dataset id follows its dataset (the file may use slots this version does not know).
    const mapInputs = (inputs: CellRecord['inputs']): CellRecord['inputs'] =>
      Object.fromEntries(Object.entries(inputs).map(([slot, ref]) => [slot, ref && { ...ref, id: idMap.get(ref.id) ?? ref.id }]));
    const restored = cells.map((cell, i): CellRecord => ({ ...cell, id: ids[i]!, workspaceId, inputs: mapInputs(cell.inputs) }));
    const cards = await restoredCards(db, modelCards, workspaceId, copy);
    const history = await restoredBatches(db, batches, workspaceId, copy, idMap);
    // add, not put: should another tab have taken an id since, the import fails instead of overwriting.
    const cellIdOf = new Map(cells.map((cell, i) => [cell.id, ids[i]!]));
    const tiles = retargetTiles(dashboard?.tiles ?? [], cellIdOf);
    await db.transaction('rw', [db.workspaces, db.cells, db.cards, db.cardVersions, db.batches, db.alertRules, db.dashboards], async () => {
      await db.workspaces.add(workspace);
      if (alertRules) await db.alertRules.add({ ...alertRules, workspaceId });
      if (dashboard) await db.dashboards.add({ ...dashboard, workspaceId, tiles });
      await db.cells.bulkAdd(restored);
      await db.cards.bulkAdd(cards.cards);
      await db.cardVersions.bulkAdd(cards.versions);
      await db.batches.bulkAdd(history);
    });
    return {
      workspace,
      datasetsAdded: stored.length,
      datasetsReused: plans.length - stored.length,
      cells: restored.length,
      modelCards: cards.cards.length,
      batches: history.length,
    };
  } catch (error) {
    await removeWritten(db, stored);
    if (error instanceof DriftbookError) throw error;
    if (error instanceof Error && /constraint/i.test(`${error.name} ${error.message}`)) {
      throw new StorageError(
        'import-conflict',
        'import interrupted: another tab stored a workspace, cell, model card or batch with the same id meanwhile — import the file again',
      );
    }
    return quotaAware(error, `workspace ${shown(manifest.workspace.name)}`);
  }
}

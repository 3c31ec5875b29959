import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { DatasetMeta } from '../data/types';
import { sha256Hex } from '../data/sha256';
import { StorageError } from '../errors';
import { APP_VERSION } from '../version';
import type { DriftbookDb } from './db';
import { deleteDataset, getDatasetIpc, saveDataset } from './datasets';
import { fromTaggedJson, toTaggedJson } from './tagged-json';
import type { CellRecord, WorkspaceRecord } from './types';
import { getWorkspace, listCells } from './workspaces';

export const BACKUP_FORMAT = 'driftbook-workspace';
export const BACKUP_VERSION = 1;

/** manifest.json of a .driftbook file. */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  appVersion: string;
  exportedAt: string;
  workspace: WorkspaceRecord;
  /** Each dataset's description and the SHA-256 of its Arrow bytes in datasets/<id>.arrow. */
  datasets: { meta: DatasetMeta; arrowSha256: string; file: string }[];
  cells: number;
}

/** The workspace ids and cell inputs' datasets, listed once. */
function usedDatasetIds(workspace: WorkspaceRecord, cells: CellRecord[]): string[] {
  const ids = new Set(workspace.datasetIds ?? []);
  for (const cell of cells) for (const ref of [cell.inputs.reference, cell.inputs.current]) if (ref) ids.add(ref.id);
  return [...ids];
}

/**
 * A workspace as one zip (fflate): manifest.json, cells.json (tagged JSON, exact numbers) and
 * each dataset's Arrow IPC bytes. Datasets that were deleted from the library are left out.
 */
export async function exportWorkspace(db: DriftbookDb, workspaceId: string, now = new Date()): Promise<Uint8Array> {
  const workspace = await getWorkspace(db, workspaceId);
  const cells = await listCells(db, workspaceId);
  const files: Zippable = {};
  const datasets: BackupManifest['datasets'] = [];
  for (const id of usedDatasetIds(workspace, cells)) {
    const meta = await db.datasets.get(id);
    if (!meta) continue;
    const ipc = await getDatasetIpc(db, id);
    const file = `datasets/${id}.arrow`;
    // Arrow bytes are already compact; deflating them costs time for little.
    files[file] = [ipc, { level: 0 }];
    datasets.push({ meta, arrowSha256: await sha256Hex(ipc), file });
  }
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    appVersion: APP_VERSION,
    exportedAt: now.toISOString(),
    workspace,
    datasets,
    cells: cells.length,
  };
  files['manifest.json'] = strToU8(toTaggedJson(manifest));
  files['cells.json'] = strToU8(toTaggedJson(cells));
  return zipSync(files, { level: 6 });
}

export interface ImportSummary {
  workspace: WorkspaceRecord;
  datasetsAdded: number;
  /** Datasets already in this browser (same id, or same content and name) that were reused. */
  datasetsReused: number;
  cells: number;
}

function bad(message: string): never {
  throw new StorageError('bad-backup', `not a Driftbook workspace file: ${message} — choose a .driftbook file made with "Export workspace"`);
}

function readZip(bytes: Uint8Array): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes);
  } catch (error) {
    return bad(`it is not a zip archive (${error instanceof Error ? error.message : String(error)})`);
  }
}

/**
 * Restores a .driftbook file: datasets (checked against their SHA-256), the workspace and its
 * cells. A workspace whose id already exists here is imported as a copy with new ids. All or
 * nothing: when a dataset cannot be stored, what this import stored is removed again.
 */
export async function importWorkspace(db: DriftbookDb, bytes: Uint8Array): Promise<ImportSummary> {
  const files = readZip(bytes);
  const manifestBytes = files['manifest.json'];
  const cellBytes = files['cells.json'];
  if (!manifestBytes || !cellBytes) bad('manifest.json or cells.json is missing');
  let manifest: BackupManifest;
  let cells: CellRecord[];
  try {
    manifest = fromTaggedJson<BackupManifest>(strFromU8(manifestBytes));
    cells = fromTaggedJson<CellRecord[]>(strFromU8(cellBytes));
  } catch {
    return bad('its manifest is not valid JSON');
  }
  if (manifest.format !== BACKUP_FORMAT) bad(`format is ${String(manifest.format)}`);
  if (manifest.version > BACKUP_VERSION) {
    throw new StorageError(
      'backup-too-new',
      `this workspace file is version ${manifest.version}, made by Driftbook ${manifest.appVersion}; this app reads up to version ${BACKUP_VERSION} — update Driftbook`,
    );
  }
  if (!Array.isArray(cells) || !manifest.workspace?.id) bad('no workspace in it');

  const idMap = new Map<string, string>();
  const stored: string[] = [];
  let reused = 0;
  try {
    for (const entry of manifest.datasets) {
      const ipc = files[entry.file];
      if (!ipc) bad(`${entry.file} is missing`);
      if ((await sha256Hex(ipc)) !== entry.arrowSha256) {
        throw new StorageError('bad-backup', `dataset ${entry.meta.name} is damaged in this workspace file (SHA-256 mismatch) — export the workspace again`);
      }
      if (await db.datasets.get(entry.meta.id)) {
        reused++;
        idMap.set(entry.meta.id, entry.meta.id);
        continue;
      }
      const saved = await saveDataset(db, { meta: entry.meta, ipc });
      if (saved.id === entry.meta.id) stored.push(saved.id);
      else reused++;
      idMap.set(entry.meta.id, saved.id);
    }
  } catch (error) {
    for (const id of stored) await deleteDataset(db, id);
    throw error;
  }

  const copy = (await db.workspaces.get(manifest.workspace.id)) !== undefined;
  const workspaceId = copy ? globalThis.crypto.randomUUID() : manifest.workspace.id;
  const mapRef = <T extends { id: string } | undefined>(ref: T): T => (ref ? { ...ref, id: idMap.get(ref.id) ?? ref.id } : ref);
  const workspace: WorkspaceRecord = {
    ...manifest.workspace,
    id: workspaceId,
    name: copy ? `${manifest.workspace.name} (imported)` : manifest.workspace.name,
    ...(manifest.workspace.datasetIds ? { datasetIds: manifest.workspace.datasetIds.map((id) => idMap.get(id) ?? id) } : {}),
  };
  const restored = cells.map((cell) => ({
    ...cell,
    id: copy ? globalThis.crypto.randomUUID() : cell.id,
    workspaceId,
    inputs: {
      ...(cell.inputs.reference ? { reference: mapRef(cell.inputs.reference) } : {}),
      ...(cell.inputs.current ? { current: mapRef(cell.inputs.current) } : {}),
    },
  }));
  try {
    await db.transaction('rw', db.workspaces, db.cells, async () => {
      await db.workspaces.put(workspace);
      await db.cells.bulkPut(restored);
    });
  } catch (error) {
    for (const id of stored) await deleteDataset(db, id);
    throw error;
  }
  return { workspace, datasetsAdded: stored.length, datasetsReused: reused, cells: restored.length };
}

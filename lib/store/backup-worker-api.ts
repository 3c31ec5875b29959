import { toErrorInfo, type ErrorInfo } from '../errors';
import { appendAudit } from './audit';
import { importWorkspace, type ImportSummary } from './backup';
import { getDb } from './db';
import { listCells } from './workspaces';

/** An import's outcome as plain data: a typed error keeps its kind and code across the worker boundary. */
export type ImportOutcome = { ok: true; value: ImportSummary } | { ok: false; error: ErrorInfo };

/**
 * Imports a .driftbook file in the thread that calls it (a worker, in the app): the unzip, the
 * checks and the writes never block the page. Takes the file itself, so its bytes are read here.
 */
export async function importBackup(file: Blob): Promise<ImportOutcome> {
  try {
    const summary = await importWorkspace(getDb(), new Uint8Array(await file.arrayBuffer()));
    await logImport(file, summary);
    return { ok: true, value: summary };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}

/** The import's audit entry: the file, the counts and the workspace's datasets (those it records and its cells' inputs; older files record none). */
async function logImport(file: Blob, { workspace, ...counts }: ImportSummary): Promise<void> {
  const db = getDb();
  const inputs = (await listCells(db, workspace.id)).flatMap((cell) => Object.values(cell.inputs).flatMap((ref) => (ref ? [ref.id] : [])));
  const stored = await db.datasets.bulkGet([...new Set([...(workspace.datasetIds ?? []), ...inputs])]);
  const datasets = stored.flatMap((d) => (d ? [{ id: d.id, name: d.name, sha256: d.sha256, rows: d.rows }] : []));
  const name = file instanceof File ? file.name : undefined;
  await appendAudit(db, 'import', { what: 'workspace', file: name, workspace: workspace.id, name: workspace.name, ...counts, datasets });
}

/** What workers/backup.worker.ts exposes (and what lib/engine.ts may expose as `importBackup`). */
export const backupWorkerApi = { importBackup };
export type BackupWorkerApi = typeof backupWorkerApi;

import { toErrorInfo, type ErrorInfo } from '../errors';
import { appendAudit } from './audit';
import { importWorkspace, type ImportSummary } from './backup';
import { getDb } from './db';

/** An import's outcome as plain data: a typed error keeps its kind and code across the worker boundary. */
export type ImportOutcome = { ok: true; value: ImportSummary } | { ok: false; error: ErrorInfo };

/**
 * Imports a .driftbook file in the thread that calls it (a worker, in the app): the unzip, the
 * checks and the writes never block the page. Takes the file itself, so its bytes are read here.
 */
export async function importBackup(file: Blob): Promise<ImportOutcome> {
  try {
    const summary = await importWorkspace(getDb(), new Uint8Array(await file.arrayBuffer()));
    const { workspace, ...counts } = summary;
    const name = file instanceof File ? file.name : undefined;
    await appendAudit(getDb(), 'import', { what: 'workspace', file: name, workspace: workspace.id, name: workspace.name, ...counts });
    return { ok: true, value: summary };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}

/** What workers/backup.worker.ts exposes (and what lib/engine.ts may expose as `importBackup`). */
export const backupWorkerApi = { importBackup };
export type BackupWorkerApi = typeof backupWorkerApi;

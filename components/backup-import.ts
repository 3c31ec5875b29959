import * as Comlink from 'comlink';
import { WorkerError, fromErrorInfo } from '../lib/errors';
import type { ImportSummary } from '../lib/store/backup';
import type { BackupWorkerApi, ImportOutcome } from '../lib/store/backup-worker-api';

function unwrap(out: ImportOutcome): ImportSummary {
  if (out.ok) return out.value;
  throw fromErrorInfo(out.error);
}

/**
 * Imports a .driftbook file in a worker of its own (lib/store/backup-worker-api.ts), ended when
 * done: unzipping and checking a large or hostile file never freezes the page. Where workers cannot
 * start, the same function runs here.
 */
export async function importBackupFile(file: File): Promise<ImportSummary> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('../workers/backup.worker.ts', import.meta.url), { type: 'module', name: 'driftbook-backup' });
  } catch {
    const { importBackup } = await import('../lib/store/backup-worker-api');
    return unwrap(await importBackup(file));
  }
  const stopped = new Promise<never>((_, reject) =>
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      reject(
        new WorkerError(
          'worker-crashed',
          `the import stopped (${event.message || 'the worker ended'}) — the file may be too large for this browser tab's memory; nothing was stored`,
        ),
      );
    }),
  );
  try {
    return unwrap(await Promise.race([Comlink.wrap<BackupWorkerApi>(worker).importBackup(file), stopped]));
  } finally {
    worker.terminate();
  }
}

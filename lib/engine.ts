import { tableToIPC } from 'apache-arrow';
import { toErrorInfo, type ErrorInfo } from './errors';
import { blobSource } from './data/blob-source';
import { ingestCsvSource } from './data/ingest';
import type { ParsedDataset } from './data/types';
import { computeDrift } from './drift/compute-drift';
import type { DriftConfig, DriftResult } from './drift/types';
import { getDb } from './store/db';
import { loadDataset } from './store/load-dataset';

/** A call's outcome as plain data: typed errors keep their kind and code across the worker boundary. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

async function outcome<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}


/**
 * The analysis engine as the worker exposes it; the main-thread fallback calls the very same
 * object. Inputs are files and dataset ids, never parsed data: datasets are read from IndexedDB here.
 */
export const engine = {
  ingest(file: Blob, name: string): Promise<Outcome<ParsedDataset>> {
    return outcome(async () => {
      const { meta, table } = await ingestCsvSource(blobSource(file, name));
      // Stored and moved between threads as Arrow IPC bytes.
      return { meta, ipc: tableToIPC(table, 'file') };
    });
  },

  drift(
    referenceId: string,
    currentId: string,
    config: DriftConfig = {},
    onProgress?: (done: number, total: number) => void,
  ): Promise<Outcome<DriftResult>> {
    return outcome(async () => {
      const db = getDb();
      const [reference, current] = await Promise.all([loadDataset(db, referenceId), loadDataset(db, currentId)]);
      return computeDrift(reference, current, { ...config, onProgress });
    });
  },
};

export type Engine = typeof engine;
